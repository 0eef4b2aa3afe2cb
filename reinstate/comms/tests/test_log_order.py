"""The support log lists contacts in the order they happened (`at`), whatever the order they
were entered in; a contact whose time is unknown is listed apart, and the page says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.comms.imports import file_source, import_files
from reinstate.comms.packet import support_log_rows
from reinstate.testing.mails import email
from reinstate.testing.personas import client_for


def add(case: Case, day: int, summary: str) -> None:
    do_add_contact(
        case=case,
        actor=case.owner,
        channel="phone",
        direction="to_platform",
        at=datetime(2026, 11, day, 18, tzinfo=UTC),
        summary=summary,
    )


def log(case: Case) -> str:
    return client_for(case.owner).get(reverse("comms:log", args=[case.pk])).content.decode()


def test_contacts_are_listed_when_they_happened_not_when_entered(case: Case) -> None:
    add(case, 5, "Fifth of November")
    add(case, 3, "Third of November")
    add(case, 4, "Fourth of November")
    page = log(case)
    assert page.index("Third of") < page.index("Fourth of") < page.index("Fifth of")
    assert "oldest first" in page


def test_an_undated_email_is_listed_apart_and_said_to_have_no_time(
    case: Case, tmp_path: Path
) -> None:
    add(case, 3, "Called support")
    undated = tmp_path / "undated.eml"
    undated.write_bytes(email(message_id="<u@x>", date=None, subject="No date here"))
    import_files(case=case, actor=case.owner, sources=[file_source(undated)], now=timezone.now())
    add(case, 4, "Called again")
    page = log(case)
    assert page.index("Called support") < page.index("Called again") < page.index("No date")
    assert "When unknown (1)" in page and "Time unknown" in page
    # The case page's "last contact" is the latest one whose time is known.
    case_page = client_for(case.owner).get(reverse("cases:detail", args=[case.pk]))
    assert "Wed 4 Nov" in case_page.content.decode()
    # The packet's appendix reads them in the same order.
    rows = support_log_rows(case)
    assert [row.at_known for row in rows] == [True, True, False]


def test_a_chat_imported_without_a_time_is_logged_as_time_unknown(
    case: Case, tmp_path: Path
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("Agent: Hello\nYou: My account was deactivated.")
    now = timezone.now()
    import_files(case=case, actor=case.owner, sources=[file_source(chat)], now=now)
    contact = case.contacts.get()
    assert not contact.at_known and abs(contact.at - now) < timedelta(seconds=1)
