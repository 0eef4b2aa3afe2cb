"""Importing emails: the rest is kept when one is bad, nothing is kept twice, files become
evidence with safe names, ticket numbers group the messages into threads."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import partial

from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.comms.imports import Source, import_files
from reinstate.comms.mail import MailFilter
from reinstate.comms.models import Contact, Ticket
from reinstate.testing.mails import email, mbox, png_bytes, with_attachment

NOW = datetime(2026, 11, 10, 12, tzinfo=UTC)


def source(name: str, data: bytes) -> Source:
    return Source(name, partial(io.BytesIO, data))


def run(case: Case, *sources: Source, about: MailFilter | None = None) -> dict[str, object]:
    result = import_files(case=case, actor=case.owner, sources=sources, now=NOW, about=about)
    return result.as_json()


def test_it_imports_the_good_messages_and_skips_the_bad_with_a_reason(case: Case) -> None:
    data = mbox(email(), b"no headers here at all\n", email(message_id="<b@x>", body="Hi"))
    result = run(case, source("export.mbox", data))
    assert result["added"] == 2
    assert result["skipped"] == [
        {
            "item": "export.mbox, message 2",
            "reason": "This is not an email: it has no headers (From, Date, Subject).",
        }
    ]
    assert result["tickets"] == ["12345678"]
    assert case.contacts.count() == 2
    assert AuditEvent.objects.filter(kind="comms.imported", case_id_ref=case.pk).count() == 1


def test_importing_the_same_messages_twice_adds_nothing(case: Case) -> None:
    data = mbox(email(), email(message_id=None, body="No id, hashed"))
    assert run(case, source("a.mbox", data))["added"] == 2
    again = run(case, source("a.mbox", data), source("one.eml", email()))
    assert again["added"] == 0 and again["duplicates"] == 3
    assert case.contacts.count() == 2


def test_the_same_message_twice_in_one_file_is_kept_once(case: Case) -> None:
    result = run(case, source("a.mbox", mbox(email(), email())))
    assert (result["added"], result["duplicates"]) == (1, 1)


def test_it_reads_direction_and_a_missing_date(case: Case) -> None:
    mine = email(sender="Dana <dana@example.com>", message_id="<m@x>", date=None)
    run(case, source("sent.eml", mine), source("reply.eml", email()))
    sent = case.contacts.get(source_key="m@x")
    assert sent.direction == "to_platform"
    assert not sent.at_known and sent.at == NOW
    reply = case.contacts.get(source_key="a1@flex.example")
    assert reply.direction == "from_platform" and reply.at_known


def test_messages_with_one_ticket_number_form_one_thread(case: Case) -> None:
    run(
        case,
        source("a.eml", email()),
        source("b.eml", email(message_id="<b@x>", subject="Update", body="Case #12345678 closed")),
        source("c.eml", email(message_id="<c@x>", subject="Other", body="Ticket ID: AB-9911")),
    )
    thread = Ticket.objects.get(case=case, number="12345678")
    assert thread.contacts.count() == 2
    assert set(Ticket.objects.filter(case=case).values_list("number", flat=True)) == {
        "12345678",
        "AB-9911",
    }


def test_attachments_become_evidence_with_safe_names(case: Case) -> None:
    result = run(case, source("a.eml", with_attachment("../../etc/pass\x07wd.png", png_bytes())))
    assert result["added"] == 1 and result["skipped"] == []
    contact = case.contacts.get()
    [item] = contact.attachments.all()
    assert item.filename == "passwd.png"
    assert item.kind == "screenshot"
    assert "Your screenshot" in item.description


def test_a_refused_attachment_is_reported_and_its_message_kept(case: Case) -> None:
    result = run(case, source("a.eml", with_attachment("x.png", b"MZ\x90\x00 not a picture")))
    assert result["added"] == 1
    assert [s["item"] for s in result["skipped"]] == ["a.eml: x.png"]  # type: ignore[attr-defined]
    assert case.evidence.count() == 0


def test_only_messages_about_the_case_are_imported(case: Case) -> None:
    other = email(sender="DoorDash <help@doordash.example>", message_id="<d@x>", subject="Promo")
    result = run(
        case, source("a.mbox", mbox(email(), other)), about=MailFilter(sender="flex.example")
    )
    assert result["added"] == 1 and result["not_about_case"] == 1


def test_files_of_unknown_kinds_are_skipped(case: Case) -> None:
    result = run(case, source("photo.jpg", b"\xff\xd8\xff"))
    assert result["skipped"] == [
        {"item": "photo.jpg", "reason": "Not an email or chat file: use .eml, .mbox or .txt."}
    ]
    assert Contact.objects.count() == 0
