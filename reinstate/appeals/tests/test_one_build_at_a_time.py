"""One packet build per case at a time, and a build waiting in the queue is never taken for
one that stopped: only a build whose worker stopped is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.appeals.models import Packet
from reinstate.appeals.queries import build_alive, building_packet
from reinstate.cases.models import Case
from reinstate.core.worker import beat
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def queued(settings: Settings) -> None:
    settings.REINSTATE_BUILD_INLINE = False
    cache.clear()  # no worker's heartbeat from another test


def press_build(case: Case, fmt: str = "txt") -> str:
    client = client_for(case.owner)
    response = client.post(
        reverse("appeals:build_packet", args=[case.pk]), {"format": fmt}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    return response.content.decode()


def status_of(case: Case, packet: Packet) -> str:
    url = reverse("appeals:packet_status", args=[case.pk, packet.pk])
    return client_for(case.owner).get(url, HTTP_HX_REQUEST="true").content.decode()


def test_it_starts_no_second_build_while_one_is_queued(ready_case: Case) -> None:
    press_build(ready_case, "txt")
    shown = press_build(ready_case, "pdf")

    assert ready_case.packets.count() == 1  # no second packet row
    assert DBTaskResult.objects.count() == 1  # and no second job
    first = ready_case.packets.get()
    assert "Queued:" in shown and f"/{first.pk}/" in shown  # the one under way is shown

    run_queue()
    first.refresh_from_db()
    assert first.status == Packet.Status.READY
    press_build(ready_case, "pdf")  # once it is done, the next build starts
    assert ready_case.packets.count() == 2


def test_it_starts_no_second_build_while_one_is_running(ready_case: Case) -> None:
    press_build(ready_case)
    job = DBTaskResult.objects.get()
    job.claim("busy-worker")
    beat("busy-worker")
    packet = ready_case.packets.get()
    Packet.objects.filter(pk=packet.pk).update(progress="Setting the letter")

    press_build(ready_case)

    assert ready_case.packets.count() == 1 and DBTaskResult.objects.count() == 1


def test_it_never_takes_a_long_queued_build_for_a_stopped_one(ready_case: Case) -> None:
    press_build(ready_case)
    packet = ready_case.packets.get()
    # No worker has run for an hour: the job still waits in the queue.
    Packet.objects.filter(pk=packet.pk).update(requested_at=timezone.now() - timedelta(hours=1))
    packet.refresh_from_db()

    assert build_alive(packet)
    assert building_packet(ready_case) == packet
    shown = status_of(ready_case, packet)
    assert "Queued:" in shown and "stopped before it finished" not in shown
    assert 'hx-trigger="every 1s"' in shown

    run_queue()  # a worker starts at last and builds it
    packet.refresh_from_db()
    assert packet.status == Packet.Status.READY


def test_it_takes_a_build_whose_worker_stopped_for_stopped(ready_case: Case) -> None:
    press_build(ready_case)
    packet = ready_case.packets.get()
    job = DBTaskResult.objects.get()
    job.claim("killed-worker")  # taken, and its worker never beats (kill -9)
    Packet.objects.filter(pk=packet.pk).update(progress="Starting")
    packet.refresh_from_db()

    assert not build_alive(packet)
    assert building_packet(ready_case) is None
    shown = status_of(ready_case, packet)
    assert "stopped before it finished" in shown and "every 1s" not in shown

    press_build(ready_case)  # and it holds up no new build
    assert ready_case.packets.count() == 2


def test_it_takes_a_running_build_whose_worker_beats_for_alive(ready_case: Case) -> None:
    press_build(ready_case)
    packet = ready_case.packets.get()
    DBTaskResult.objects.get().claim("busy-worker")
    beat("busy-worker")
    Packet.objects.filter(pk=packet.pk).update(requested_at=timezone.now() - timedelta(hours=1))
    packet.refresh_from_db()
    assert build_alive(packet)


def test_it_takes_a_job_that_ended_without_a_packet_for_stopped(ready_case: Case) -> None:
    press_build(ready_case)
    packet = ready_case.packets.get()
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)
    assert not build_alive(packet)
    assert building_packet(ready_case) is None


def test_it_hides_another_drivers_build(ready_case: Case, other_driver: User) -> None:
    press_build(ready_case)
    packet = ready_case.packets.get()
    url = reverse("appeals:packet_status", args=[ready_case.pk, packet.pk])
    assert client_for(other_driver).get(url).status_code == 404
    post = reverse("appeals:build_packet", args=[ready_case.pk])
    assert client_for(other_driver).post(post, {"format": "txt"}).status_code == 404
    assert ready_case.packets.count() == 1


def test_without_htmx_it_says_a_build_is_under_way(ready_case: Case) -> None:
    press_build(ready_case)
    client = client_for(ready_case.owner)
    url = reverse("appeals:build_packet", args=[ready_case.pk])
    response = client.post(url, {"format": "pdf"}, follow=True)
    assert response.status_code == 200
    assert "already being built" in response.content.decode()
    assert ready_case.packets.count() == 1
