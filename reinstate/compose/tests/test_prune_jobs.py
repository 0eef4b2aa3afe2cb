"""The queue's finished jobs are deleted after REINSTATE_KEEP_JOBS_DAYS: by a running worker
(at its start, then every hour) or by `reinstate worker --prune`. Waiting and running jobs,
and recent finished ones, stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reinstate.compose.tasks import remind
from reinstate.core.worker import prune_finished
from reinstate.testing.cli import ok, reinstate

pytestmark = pytest.mark.django_db


def job(status: str, finished_days_ago: float | None) -> str:
    result = remind.enqueue()
    finished = None
    if finished_days_ago is not None:
        finished = timezone.now() - timedelta(days=finished_days_ago)
    DBTaskResult.objects.filter(id=result.id).update(status=status, finished_at=finished)
    return str(result.id)


def remaining() -> set[str]:
    return {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}


def test_old_finished_jobs_are_pruned_and_the_rest_kept(settings) -> None:
    settings.KEEP_JOBS_DAYS = 14
    old_done = job(TaskResultStatus.SUCCESSFUL, 15)
    old_failed = job(TaskResultStatus.FAILED, 30)
    recent = job(TaskResultStatus.SUCCESSFUL, 13)
    waiting = job(TaskResultStatus.READY, None)
    running = job(TaskResultStatus.RUNNING, None)
    assert ok(reinstate("worker", "--prune")) == {"pruned": 2, "keep_days": 14}
    assert remaining() == {recent, waiting, running}
    assert old_done not in remaining() and old_failed not in remaining()
    assert ok(reinstate("worker", "--prune")) == {"pruned": 0, "keep_days": 14}


def test_zero_days_keeps_every_job(settings) -> None:
    settings.KEEP_JOBS_DAYS = 0
    kept = job(TaskResultStatus.SUCCESSFUL, 400)
    assert prune_finished(timezone.now()) == 0
    assert remaining() == {kept}


def test_pruning_goes_in_batches(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reinstate.core.worker.PRUNE_BATCH", 2)
    for _ in range(5):
        job(TaskResultStatus.SUCCESSFUL, 20)
    assert prune_finished(timezone.now(), keep_days=14) == 5
    assert remaining() == set()
