"""An import links each message to the case's tickets by number: a ticket logged by hand before,
or by an earlier import, is the same ticket, never a second one."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.comms.imports import Source, import_files
from reinstate.comms.models import Ticket
from reinstate.testing.mails import email, mbox

NOW = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)


def source(name: str, data: bytes) -> Source:
    return Source(name, lambda: io.BytesIO(data))


def test_it_links_imported_messages_to_the_tickets_the_case_has(case: Case) -> None:
    logged = do_add_contact(
        case=case,
        actor=case.owner,
        channel="phone",
        direction="to_platform",
        at=NOW,
        summary="Called support",
        tickets=["12345678"],
    )
    first = mbox(email(), email(message_id="<b@x>", body="Ticket ID: AB-9911 and case 12345678"))
    import_files(case=case, actor=case.owner, sources=[source("a.mbox", first)], now=NOW)
    second = email(message_id="<c@x>", subject="Update", body="Ticket ID: AB-9911 closed.")
    import_files(case=case, actor=case.owner, sources=[source("c.eml", second)], now=NOW)
    numbers = list(Ticket.objects.filter(case=case).values_list("number", flat=True))
    assert sorted(numbers) == ["12345678", "AB-9911"]
    ticket = Ticket.objects.get(case=case, number="12345678")
    assert ticket.contacts.count() == 3 and logged in ticket.contacts.all()
    assert Ticket.objects.get(case=case, number="AB-9911").contacts.count() == 2
