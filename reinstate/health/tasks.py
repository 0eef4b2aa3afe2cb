"""Health's queued work: importing a confirmed spreadsheet of blocks."""

from __future__ import annotations

from django_tasks import TaskContext, task


@task(takes_context=True)
def import_blocks(context: TaskContext, import_id: int, actor_id: int) -> str:
    """Import the confirmed file `import_id`; its outcome is on its BlockImport row."""
    from reinstate.health.import_queue import run_queued  # import_queue enqueues this task

    return run_queued(import_id, actor_id, attempt=context.attempt)
