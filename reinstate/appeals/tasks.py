"""The appeals' queued work: building a packet (see core/worker.py for who runs it)."""

from __future__ import annotations

from django_tasks import TaskContext, task


@task(takes_context=True)
def build_packet(context: TaskContext, packet_id: int, actor_id: int | None) -> str:
    """Build the packet `packet_id` asked for by `actor_id`; its status is on the Packet row.
    The attempt counts the workers that took this job: more than one means one died."""
    from reinstate.appeals.packet_build import run_queued  # packet_build enqueues this task

    return run_queued(packet_id, actor_id, attempt=context.attempt)
