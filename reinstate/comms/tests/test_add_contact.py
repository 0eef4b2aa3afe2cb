"""Logging a contact by hand: channel, direction, time, agent, summary, tickets, screenshots."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from reinstate.cases.models import Case
from reinstate.comms.actions import CommsInputError, Upload, do_add_contact
from reinstate.comms.packet import support_log_rows
from reinstate.rules.comms.contacts import SupportLogRow
from reinstate.testing.mails import png_bytes

AT = datetime(2026, 11, 3, 18, tzinfo=UTC)


def add(case: Case, **changes: object) -> object:
    options: dict[str, object] = {
        "case": case,
        "actor": case.owner,
        "channel": "phone",
        "direction": "to_platform",
        "at": AT,
        "summary": "Called support; they opened case #4455667 and said 48 hours.",
        "agent": "Sam",
        **changes,
    }
    return do_add_contact(**options)  # type: ignore[arg-type]


def test_it_logs_a_call_with_its_ticket_number(case: Case) -> None:
    add(case, tickets=["#998877", " 998877 "])
    contact = case.contacts.get()
    assert contact.agent == "Sam"
    assert sorted(t.number for t in contact.tickets.all()) == ["4455667", "998877"]


def test_screenshots_are_kept_as_evidence_linked_to_the_entry(case: Case) -> None:
    add(case, channel="in_app_chat", files=[Upload("chat.png", io.BytesIO(png_bytes()))])
    contact = case.contacts.get()
    [item] = contact.attachments.all()
    assert item.kind == "screenshot" and item.case_id == case.pk
    assert support_log_rows(case) == [
        SupportLogRow(
            at=AT,
            channel="in_app_chat",
            direction="to_platform",
            summary="Called support; they opened case #4455667 and said 48 hours.",
            agent="Sam",
            tickets=["4455667"],
            exhibits=[item.exhibit],
        )
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"channel": "fax"}, "Unknown channel"),
        ({"direction": "sideways"}, "who contacted whom"),
        ({"summary": "   "}, "Write a few words"),
        ({"at": datetime(2026, 11, 3, 18)}, "time zone"),
        ({"files": [Upload("x.png", io.BytesIO(b""))]}, "empty"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_nothing(
    case: Case, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(CommsInputError, match=message):
        add(case, **changes)
    assert case.contacts.count() == 0


def test_the_packet_rows_are_in_time_order(case: Case) -> None:
    add(case, at=datetime(2026, 11, 5, tzinfo=UTC), summary="Second")
    add(case, summary="First")
    assert [row.summary for row in support_log_rows(case)] == ["First", "Second"]
