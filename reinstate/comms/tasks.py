"""The support log's queued work: importing the picked messages of an uploaded mailbox."""

from __future__ import annotations

from django_tasks import TaskContext, task


@task(takes_context=True)
def import_mail(context: TaskContext, pending_id: int, actor_id: int | None) -> str:
    """Import the pending import `pending_id`; its progress and outcome are on its row. More
    than one attempt means a worker died during an earlier one (which left nothing written)."""
    from reinstate.comms.import_queue import run_queued  # import_queue enqueues this task

    return run_queued(pending_id, actor_id, attempt=context.attempt)
