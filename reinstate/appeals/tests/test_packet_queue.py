"""Packet builds through the queue: the database backend and the real worker, in-process.
A build waits "queued" until a worker takes it; a job whose worker died runs again, and after
too many such deaths the packet says why it failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from reinstate.appeals.models import Packet
from reinstate.cases.models import Case
from reinstate.core.worker import beat, requeue_abandoned
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue

# Real commits: the request's on_commit queues the job, the worker reads it as another
# process would.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def queued(settings: Settings) -> None:
    settings.REINSTATE_BUILD_INLINE = False
    cache.clear()  # no worker's heartbeat from another test


def request_packet(case: Case, fmt: str = "txt") -> tuple[Packet, str]:
    """Press "Build the packet" as the page does; the packet and the status it shows."""
    client = client_for(case.owner)
    response = client.post(
        reverse("appeals:build_packet", args=[case.pk]), {"format": fmt}, HTTP_HX_REQUEST="true"
    )
    return case.packets.get(), response.content.decode()


def status_of(case: Case, packet: Packet) -> str:
    url = reverse("appeals:packet_status", args=[case.pk, packet.pk])
    return client_for(case.owner).get(url, HTTP_HX_REQUEST="true").content.decode()


def test_a_queued_build_says_queued_until_a_worker_builds_it(ready_case: Case) -> None:
    packet, shown = request_packet(ready_case)
    job = DBTaskResult.objects.get()
    assert job.status == TaskResultStatus.READY and job.args_kwargs["args"][0] == packet.pk
    assert "Queued:" in shown and 'hx-trigger="every 1s"' in shown
    assert "not running right now" in shown  # no worker has said it is alive

    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0")

    job.refresh_from_db()
    packet.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL and job.return_value == "ready"
    assert packet.status == Packet.Status.READY
    assert (Path(settings.REINSTATE_HOME) / packet.path).read_text(encoding="utf-8")
    assert "is ready" in status_of(ready_case, packet)


def test_a_job_whose_worker_died_is_built_by_the_next_worker(ready_case: Case) -> None:
    packet, _ = request_packet(ready_case)
    # A worker took the job and was killed (kill -9): the row stays RUNNING, its heartbeat
    # stops.
    job = DBTaskResult.objects.get()
    job.claim("killed-worker")
    run_queue("next-worker")

    job.refresh_from_db()
    packet.refresh_from_db()
    assert job.worker_ids == ["killed-worker", "next-worker"]
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert packet.status == Packet.Status.READY and packet.path


def test_a_job_whose_worker_is_alive_is_left_to_it(ready_case: Case) -> None:
    request_packet(ready_case)
    job = DBTaskResult.objects.get()
    job.claim("busy-worker")
    beat("busy-worker")
    assert requeue_abandoned() == []
    cache.clear()  # its beats stop
    assert requeue_abandoned() == [str(job.id)]
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY


def test_after_too_many_dead_workers_the_packet_says_why(
    ready_case: Case, settings: Settings
) -> None:
    settings.TASK_MAX_ATTEMPTS = 2
    packet, _ = request_packet(ready_case)
    job = DBTaskResult.objects.get()
    for dead in ("worker-1", "worker-2"):
        job.claim(dead)
        requeue_abandoned()
        job.refresh_from_db()
    run_queue("worker-3")

    packet.refresh_from_db()
    assert packet.status == Packet.Status.FAILED
    shown = status_of(ready_case, packet)
    assert "could not be built: the packet builder stopped 2 times" in shown
    assert "Try building it again" in shown
