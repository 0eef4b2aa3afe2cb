"""Work the worker runs on a schedule (core/worker.py reads settings.TASK_SCHEDULE)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from reinstate.compose.management.commands.remind import send_due


@task()
def remind() -> dict[str, int]:
    """`reinstate remind`, from the worker: no cron needed. Safe to run twice."""
    return send_due(timezone.now())
