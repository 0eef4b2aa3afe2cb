"""Every page and form of the organisation's work on a case: its members only. The driver,
another driver, another organisation's advocate and a former advocate get 404, the same as for
a case that does not exist; anyone signed out is sent to sign in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.advocacy.actions import do_add_note, do_add_task
from reinstate.advocacy.models import Assignment, Note, Task
from reinstate.advocacy.tests.conftest import Scene
from reinstate.cases.models import Case
from reinstate.testing.notices import DISPUTE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def _requests(scene: Scene) -> list[tuple[str, str, dict[str, str]]]:
    case = scene.case.pk
    task = do_add_task(
        case=scene.case,
        title="Call Dana",
        due_on=date(2026, 11, 9),
        assignee=None,
        actor=scene.advocate,
    )
    return [
        ("get", reverse("advocacy:work", args=[case]), {}),
        ("post", reverse("advocacy:assign", args=[case]), {"assignee": str(scene.advocate.pk)}),
        ("post", reverse("advocacy:add_note", args=[case]), {"text": "Secret plan"}),
        (
            "post",
            reverse("advocacy:add_task", args=[case]),
            {"title": "Ask for the logs", "due_on": "2026-11-10", "assignee": ""},
        ),
        ("post", reverse("advocacy:task_done", args=[case, task.pk]), {"done": "1"}),
    ]


def test_every_outsider_gets_404_and_changes_nothing(scene: Scene) -> None:
    do_add_note(case=scene.case, text="Driver seems credible", actor=scene.advocate)
    requests = _requests(scene)
    before = (Note.objects.count(), Task.objects.count(), Assignment.objects.count())
    outsiders = (scene.driver, scene.other_driver, scene.outsider, scene.former)
    for method, url, data in requests:
        for user in outsiders:
            refused = getattr(client_for(user), method)(url, data)
            assert refused.status_code == 404, (user.username, url)
            assert b"Driver seems credible" not in refused.content
        anonymous = getattr(Client(), method)(url, data)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert (Note.objects.count(), Task.objects.count(), Assignment.objects.count()) == before
    assert not Task.objects.filter(done=True).exists()


def test_a_member_of_the_organisation_may_do_each(scene: Scene) -> None:
    for method, url, data in _requests(scene):
        for user in (scene.advocate, scene.colleague):
            response = getattr(client_for(user), method)(url, data)
            assert response.status_code in (200, 302), (user.username, url)
    assert Note.objects.filter(text="Secret plan").count() == 2
    assert Assignment.objects.get(case=scene.case).assignee == scene.advocate


def test_a_task_of_another_case_is_404(scene: Scene, open_case: Callable[..., Case]) -> None:
    other = open_case(scene.driver, DISPUTE)
    other.organisation = scene.organisation
    other.save()
    task = do_add_task(
        case=other, title="x", due_on=date(2026, 11, 9), assignee=None, actor=scene.advocate
    )
    url = reverse("advocacy:task_done", args=[scene.case.pk, task.pk])
    assert client_for(scene.advocate).post(url, {"done": "1"}).status_code == 404


def test_the_work_stays_with_the_organisation_when_the_case_moves(scene: Scene) -> None:
    """Shared with another organisation later: the new one sees nothing of the old one's."""
    do_add_note(case=scene.case, text="Driver seems credible", actor=scene.advocate)
    scene.case.organisation = scene.outsider.memberships.get().organisation
    scene.case.save()
    page = client_for(scene.outsider).get(reverse("advocacy:work", args=[scene.case.pk]))
    assert page.status_code == 200
    assert b"Driver seems credible" not in page.content
    assert (
        client_for(scene.advocate).get(reverse("advocacy:work", args=[scene.case.pk])).status_code
        == 404
    )
