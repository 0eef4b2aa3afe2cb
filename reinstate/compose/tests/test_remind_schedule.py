"""`reinstate remind` on the worker's schedule: queued once a period, run by the worker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reinstate.core.worker import enqueue_due
from reinstate.testing.tasks import run_queue

pytestmark = pytest.mark.django_db(transaction=True)
REMIND = "reinstate.compose.tasks.remind"


def test_remind_is_queued_once_a_period_and_run_by_the_worker(settings) -> None:
    settings.TASK_SCHEDULE = {REMIND: 60}
    now = timezone.now()
    assert enqueue_due(now) == [REMIND]
    assert enqueue_due(now) == []  # already waiting
    run_queue()
    job = DBTaskResult.objects.get()
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert job.return_value is not None and job.return_value["failed"] == 0
    assert enqueue_due(now + timedelta(minutes=30)) == []  # ran within the hour
    assert enqueue_due(now + timedelta(minutes=61)) == [REMIND]


def test_a_period_of_zero_turns_it_off(settings) -> None:
    settings.TASK_SCHEDULE = {REMIND: 0}
    assert enqueue_due(timezone.now()) == []
