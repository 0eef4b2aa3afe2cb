"""Assigning a case, private notes and tasks, on the case page and through htmx: each write
names who did it in the history, and what was typed is kept when it is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Membership, User
from reinstate.advocacy.models import Assignment, Note, Task
from reinstate.advocacy.tests.conftest import Scene
from reinstate.audit.models import AuditEvent
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def _case_page(scene: Scene, user: User) -> str:
    page = client_for(user).get(reverse("cases:detail", args=[scene.case.pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_an_advocate_assigns_the_case_and_the_page_says_who_carries_it(scene: Scene) -> None:
    url = reverse("advocacy:assign", args=[scene.case.pk])
    answer = client_for(scene.advocate).post(
        url, {"assignee": str(scene.colleague.pk)}, headers=HTMX
    )
    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'id="work"' in html and "Bea Moreno carries this case now." in html
    assert Assignment.objects.get(case=scene.case).assignee == scene.colleague
    assert "<strong>Bea Moreno</strong>" in _case_page(scene, scene.advocate)
    assert "<strong>You</strong>" in _case_page(scene, scene.colleague)
    # Unassigning: nobody carries it.
    back = client_for(scene.colleague).post(url, {"assignee": ""})
    assert back.status_code == 302 and back["Location"].endswith("#work-h")
    assert not Assignment.objects.filter(case=scene.case).exists()
    kinds = list(
        AuditEvent.objects.filter(case_id_ref=scene.case.pk).values_list("kind", flat=True)
    )
    assert kinds.count("case.assigned") == 2


def test_a_case_cannot_go_to_someone_outside_the_organisation(scene: Scene) -> None:
    url = reverse("advocacy:assign", args=[scene.case.pk])
    refused = client_for(scene.advocate).post(url, {"assignee": str(scene.outsider.pk)})
    assert refused.status_code == 400
    assert "Nothing was saved" in refused.content.decode()
    assert not Assignment.objects.exists()


def test_the_driver_sees_none_of_the_organisations_work(scene: Scene) -> None:
    client = client_for(scene.advocate)
    client.post(reverse("advocacy:add_note", args=[scene.case.pk]), {"text": "Doubts the GPS"})
    client.post(
        reverse("advocacy:add_task", args=[scene.case.pk]),
        {"title": "Request the logs", "due_on": "2026-11-10"},
    )
    assert "Doubts the GPS" in _case_page(scene, scene.advocate)
    assert "Request the logs" in _case_page(scene, scene.advocate)
    mine = _case_page(scene, scene.driver)
    assert "Doubts the GPS" not in mine and "Request the logs" not in mine
    assert 'id="work"' not in mine
    # The driver's history shows nothing of notes or tasks, not even that one was written.
    history = client_for(scene.driver).get(reverse("cases:history", args=[scene.case.pk]))
    text = history.content.decode()
    assert "private note" not in text and "Added a task" not in text
    # The organisation's members read who did it and in what role.
    theirs = client_for(scene.colleague).get(reverse("cases:history", args=[scene.case.pk]))
    html = theirs.content.decode()
    assert "Added a private note." in html and "Added a task." in html
    assert "advocate of Drivers Resource Center" in html
    # The log itself never holds the note's words.
    event = AuditEvent.objects.get(kind="note.added")
    assert "Doubts" not in str(event.data)


def test_a_refused_note_or_task_keeps_what_was_typed(scene: Scene) -> None:
    client = client_for(scene.advocate)
    blank = client.post(reverse("advocacy:add_note", args=[scene.case.pk]), {"text": "   "})
    assert blank.status_code == 400
    task = client.post(
        reverse("advocacy:add_task", args=[scene.case.pk]),
        {"title": "Call the station manager", "due_on": "next tuesday"},
    )
    assert task.status_code == 400
    html = task.content.decode()
    assert 'value="Call the station manager"' in html
    assert 'value="next tuesday"' in html
    # Through htmx: the section again, 200 (htmx swaps no error page), the words still there.
    again = client.post(
        reverse("advocacy:add_task", args=[scene.case.pk]),
        {"title": "Call the station manager", "due_on": ""},
        headers=HTMX,
    )
    assert again.status_code == 200
    assert 'value="Call the station manager"' in again.content.decode()
    assert not Note.objects.exists() and not Task.objects.exists()


def test_a_task_is_ticked_done_and_back_and_shows_when_overdue(scene: Scene) -> None:
    client = client_for(scene.advocate)
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(
        reverse("advocacy:add_task", args=[scene.case.pk]),
        {
            "title": "Send the letter",
            "due_on": yesterday.isoformat(),
            "assignee": str(scene.colleague.pk),
        },
    )
    task = Task.objects.get()
    assert task.assignee == scene.colleague and task.due_on == yesterday
    assert "Overdue" in _case_page(scene, scene.advocate)
    url = reverse("advocacy:task_done", args=[scene.case.pk, task.pk])
    done = client.post(url, {"done": "1"}, headers=HTMX)
    assert "Task done." in done.content.decode()
    task.refresh_from_db()
    assert task.done and task.done_at is not None
    client.post(url, {"done": "0"})
    task.refresh_from_db()
    assert not task.done and task.done_at is None
    kinds = list(
        AuditEvent.objects.filter(case_id_ref=scene.case.pk).values_list("kind", flat=True)
    )
    assert [k for k in kinds if k.startswith("task.")] == [
        "task.added",
        "task.done",
        "task.reopened",
    ]


def test_the_advocates_calendar_feed_holds_open_tasks_and_the_drivers_does_not(
    scene: Scene,
) -> None:
    client = client_for(scene.advocate)
    due = timezone.localdate() + timedelta(days=3)
    for title in ("Request the logs", "Already done"):
        client.post(
            reverse("advocacy:add_task", args=[scene.case.pk]),
            {"title": title, "due_on": due.isoformat()},
        )
    done = Task.objects.get(title="Already done")
    client.post(reverse("advocacy:task_done", args=[scene.case.pk, done.pk]), {"done": "1"})

    def feed(user: User) -> str:
        url = reverse("cases:calendar_feed", args=[user.calendar_token])
        return client_for(user).get(url).content.decode()

    theirs = feed(scene.advocate)
    assert "Task: Request the logs" in theirs
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}" in theirs
    assert "Already done" not in theirs
    assert "Request the logs" not in feed(scene.driver)
    assert "Request the logs" not in feed(scene.outsider)


def test_the_drivers_export_holds_no_note_or_task(scene: Scene) -> None:
    import io
    import zipfile

    from reinstate.compose.export import do_export_account

    client = client_for(scene.advocate)
    client.post(reverse("advocacy:add_note", args=[scene.case.pk]), {"text": "Doubts the GPS"})
    client.post(
        reverse("advocacy:add_task", args=[scene.case.pk]),
        {"title": "Request the logs", "due_on": "2026-11-10"},
    )
    target = io.BytesIO()
    do_export_account(user=scene.driver, target=target, actor=scene.driver)
    with zipfile.ZipFile(target) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Dana" in everything or b"dana" in everything  # the export is the driver's
    assert b"Doubts the GPS" not in everything
    assert b"Request the logs" not in everything


def test_a_note_outlives_its_authors_account_but_not_their_name(scene: Scene) -> None:
    client_for(scene.colleague).post(
        reverse("advocacy:add_note", args=[scene.case.pk]), {"text": "Spoke to the hub"}
    )
    scene.colleague.delete()
    html = _case_page(scene, scene.advocate)
    assert "Spoke to the hub" in html
    assert "Someone whose account is deleted" in html and "Bea Moreno" not in html


def test_a_driver_who_is_a_member_too_never_reads_the_notes_on_their_own_case(
    scene: Scene,
) -> None:
    client_for(scene.advocate).post(
        reverse("advocacy:add_note", args=[scene.case.pk]), {"text": "Doubts the GPS"}
    )
    Membership.objects.create(organisation=scene.organisation, user=scene.driver)
    assert "Doubts the GPS" not in _case_page(scene, scene.driver)
    work = client_for(scene.driver).get(reverse("advocacy:work", args=[scene.case.pk]))
    assert work.status_code == 404
    history = client_for(scene.driver).get(reverse("cases:history", args=[scene.case.pk]))
    assert "private note" not in history.content.decode()
