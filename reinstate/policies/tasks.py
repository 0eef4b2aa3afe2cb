"""The policies' queued work: `reinstate policy fetch` from the worker (core/worker.py), when
settings.TASK_SCHEDULE lists it."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from reinstate.policies.fetch import fetch_policies


@task()
def fetch() -> dict[str, object]:
    """Read every policy page; safe to run twice (an unchanged text is not stored again)."""
    return fetch_policies(timezone.now()).as_json()
