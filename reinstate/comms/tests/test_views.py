"""The support log pages: log by hand, paste a chat, import emails, the timeline; and an
outsider gets 404 on every one of them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Organisation, User
from reinstate.cases.models import Case
from reinstate.comms.imports import drop_stale_imports, pending_folder
from reinstate.comms.models import Contact, PendingImport
from reinstate.testing.mails import email, mbox, png_bytes
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue

CHAT = "Agent (10:31 AM): Hello Dana\nYou (10:32 AM): Why was I deactivated?\nMy ratings are fine."


def urls(case: Case) -> list[tuple[str, str]]:
    contact = Contact.objects.create(
        case=case, channel="phone", direction="to_platform", at=case.received_at, summary="Call"
    )
    pending = PendingImport.objects.create(case=case, user=case.owner, files=[])
    return [
        ("get", reverse("comms:log", args=[case.pk])),
        ("get", reverse("comms:add", args=[case.pk])),
        ("post", reverse("comms:add", args=[case.pk])),
        ("get", reverse("comms:chat", args=[case.pk])),
        ("post", reverse("comms:chat", args=[case.pk])),
        ("get", reverse("comms:import", args=[case.pk])),
        ("post", reverse("comms:import", args=[case.pk])),
        ("post", reverse("comms:import_finish", args=[case.pk, pending.pk])),
        ("get", reverse("comms:timeline", args=[case.pk])),
        ("get", reverse("comms:contact", args=[case.pk, contact.pk])),
        ("get", reverse("comms:drafts", args=[case.pk])),
        ("post", reverse("comms:tone", args=[case.pk])),
    ]


def test_an_outsider_gets_404_on_every_support_log_url(case: Case, other_driver: User) -> None:
    client = client_for(other_driver)
    for method, url in urls(case):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url)


def test_the_owner_and_the_organisations_advocate_see_the_log(case: Case, advocate: User) -> None:
    case.organisation = Organisation.objects.get()
    case.save()
    for user in (case.owner, advocate):
        assert client_for(user).get(reverse("comms:log", args=[case.pk])).status_code == 200


def test_it_logs_a_contact_with_a_screenshot(case: Case) -> None:
    client = client_for(case.owner)
    response = client.post(
        reverse("comms:add", args=[case.pk]),
        {
            "channel": "in_app_chat",
            "direction": "to_platform",
            "at": "2026-11-03T10:30",
            "agent": "Sam",
            "summary": "Asked why; Sam said a specialist will email in 48 hours.",
            "tickets": "#4455667, 998877",
            "screenshots": [SimpleUploadedFile("chat.png", png_bytes(), "image/png")],
        },
    )
    assert response.status_code == 302
    contact = case.contacts.get()
    assert contact.at == datetime(2026, 11, 3, 10, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert sorted(t.number for t in contact.tickets.all()) == ["4455667", "998877"]
    assert contact.attachments.get().kind == "screenshot"
    page = client.get(reverse("comms:log", args=[case.pk])).content.decode()
    assert "Sam said a specialist" in page and "4455667" in page


def test_a_bad_entry_shows_the_form_again_with_a_message(case: Case) -> None:
    response = client_for(case.owner).post(
        reverse("comms:add", args=[case.pk]),
        {"channel": "phone", "direction": "to_platform", "at": "not a time", "summary": ""},
    )
    assert response.status_code == 400
    assert "Enter a valid date/time" in response.content.decode()
    assert not case.contacts.exists()


def test_pasting_a_chat_shows_the_turns_then_saves_it(case: Case) -> None:
    client = client_for(case.owner)
    url = reverse("comms:chat", args=[case.pk])
    data = {"text": CHAT, "at": "2026-11-03T10:31", "tickets": ""}
    shown = client.post(url, {**data, "preview": "1"}, headers={"HX-Request": "true"})
    page = shown.content.decode()
    assert "2 turns" in page and "Agent" in page and "My ratings are fine." in page
    assert not case.contacts.exists()
    saved = client.post(url, {**data, "save": "1"})
    assert saved.status_code == 302
    assert saved["Location"] == reverse("comms:log", args=[case.pk])  # back where they came from
    contact = case.contacts.get()
    assert contact.channel == "in_app_chat" and contact.agent == "Agent"
    assert [t["side"] for t in contact.turns] == ["platform", "driver"]
    again = client.post(url, {**data, "save": "1"})
    assert "already in the support log" in again.content.decode()


def test_a_paste_without_speakers_is_explained(case: Case) -> None:
    response = client_for(case.owner).post(
        reverse("comms:chat", args=[case.pk]),
        {"text": "hello there", "at": "2026-11-03T10:31", "preview": "1"},
    )
    assert response.status_code == 400
    assert "No one speaking was found" in response.content.decode()


@pytest.mark.django_db(transaction=True)  # real commits: the worker sees the job
def test_importing_emails_previews_then_imports_what_was_picked(case: Case) -> None:
    client = client_for(case.owner)
    other = email(sender="Promo <deals@shop.example>", message_id="<p@x>", subject="Sale")
    second = email(message_id="<b@x>", subject="Still reviewing")
    upload = SimpleUploadedFile("export.mbox", mbox(email(), other, second, b"junk\n"))
    shown = client.post(
        reverse("comms:import", args=[case.pk]), {"mail_files": [upload], "sender": "flex"}
    )
    page = shown.content.decode()
    assert "2 messages about this case" in page and "1 other" in page
    assert "Sale" not in page and "could not be read" in page
    pending = PendingImport.objects.get()
    done = client.post(
        reverse("comms:import_finish", args=[case.pk, pending.pk]), {"message": ["b@x"]}
    )
    assert done.status_code == 302  # to the progress page; a worker does the import
    run_queue()
    assert list(case.contacts.values_list("subject", flat=True)) == ["Still reviewing"]
    assert not any(pending_folder().iterdir())


def test_someone_elses_pending_import_is_404(case: Case, advocate: User) -> None:
    case.organisation = Organisation.objects.get()
    case.save()
    pending = PendingImport.objects.create(case=case, user=case.owner, files=[])
    url = reverse("comms:import_finish", args=[case.pk, pending.pk])
    assert client_for(advocate).post(url, {"message": ["x"]}).status_code == 404


@pytest.mark.parametrize("show", [[], ["contact"], ["notice", "deadline"]])
def test_the_timeline_is_in_order_and_filterable(case: Case, show: list[str]) -> None:
    Contact.objects.create(
        case=case,
        channel="email",
        direction="to_platform",
        at=case.received_at.replace(day=3),
        summary="Asked for the exact reason",
    )
    client = client_for(case.owner)
    response = client.get(
        reverse("comms:timeline", args=[case.pk]), {"show": show}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert ("Asked for the exact reason" in page) == (not show or "contact" in show)
    assert ("Notice received" in page) == (not show or "notice" in show)
    if not show:
        assert page.index("Notice received") < page.index("Asked for the exact reason")
        assert page.index("Asked for the exact reason") < page.index("Appeal deadline")


def test_drafts_are_filled_from_the_case_and_tone_checked(case: Case) -> None:
    client = client_for(case.owner)
    page = client.get(reverse("comms:drafts", args=[case.pk])).content.decode()
    assert "Ask for the exact reason" in page and "Confirm the appeal deadline" in page
    assert "Ask for the data the company holds about you (California)" in page  # Dana is in LA
    assert "Tone check: calm and clear." in page
    checked = client.post(
        reverse("comms:tone", args=[case.pk]),
        {"key": "records", "text": "YOU PEOPLE ARE USELESS!!!"},
        headers={"HX-Request": "true"},
    )
    assert "The tone check found" in checked.content.decode()


def test_uploads_never_imported_are_forgotten_after_a_day(case: Case) -> None:
    client = client_for(case.owner)
    upload = SimpleUploadedFile("export.mbox", mbox(email()))
    client.post(reverse("comms:import", args=[case.pk]), {"mail_files": [upload]})
    pending = PendingImport.objects.get()
    stored = pending_folder() / pending.files[0]["path"]
    assert stored.exists()
    assert drop_stale_imports(now=timezone.now()) == 0
    assert drop_stale_imports(now=timezone.now() + timedelta(days=2)) == 1
    assert not stored.exists() and not PendingImport.objects.exists()
