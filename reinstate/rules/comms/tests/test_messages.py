from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.comms.deadline_confirmation import draft_deadline_confirmation, format_moment

EASTERN = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 11, 10, 22, 30, tzinfo=EASTERN)


def draft(**overrides) -> str:
    arguments: dict[str, Any] = {
        "platform_name": "Amazon Flex",
        "reason_title": "Missing or not-received deliveries",
        "received": RECEIVED,
        "tz": EASTERN,
        "ticket_numbers": ["12345"],
    }
    arguments.update(overrides)
    return draft_deadline_confirmation(**arguments)


def test_it_names_the_platform_the_time_and_the_ticket():
    text = draft()
    assert text.startswith("Hello,")
    assert "from Amazon Flex" in text
    assert "November 10, 2026 at 10:30 PM EST" in text
    assert "My ticket number is 12345." in text
    assert "it concerns missing or not-received deliveries" in text


def test_it_asks_for_the_deadline_the_reason_and_how_to_submit():
    text = draft()
    assert "deadline for my appeal" in text
    assert "time zone" in text
    assert "exact reason" in text
    assert "How I should submit" in text
    assert "Thank you" in text


def test_it_invents_nothing_it_was_not_given():
    text = draft(platform_name=None, reason_title=None, ticket_numbers=[])
    assert "I received a message about my account." in text
    assert "from " not in text.split("\n")[2]
    assert "ticket" not in text
    assert "concerns" not in text
    assert "[" not in text  # no placeholders left for the driver to fill in


def test_it_leaves_out_a_reason_that_was_not_given():
    text = draft(reason_title="Reason not given")
    assert "concerns" not in text
    assert "exact reason" in text


def test_it_lists_several_tickets_once_each_in_order():
    text = draft(ticket_numbers=["A-1", " B-2 ", "A-1", ""])
    assert "My ticket numbers are A-1 and B-2." in text


def test_it_writes_the_time_in_the_drivers_time_zone():
    received = datetime(2026, 7, 1, 16, 5, tzinfo=UTC)
    text = draft(received=received, tz=ZoneInfo("America/Los_Angeles"))
    assert "July 1, 2026 at 9:05 AM PDT" in text


def test_format_moment_handles_noon_and_midnight():
    assert format_moment(datetime(2026, 1, 2, 0, 0, tzinfo=EASTERN), EASTERN) == (
        "January 2, 2026 at 12:00 AM EST"
    )
    assert format_moment(datetime(2026, 1, 2, 12, 0, tzinfo=EASTERN), EASTERN) == (
        "January 2, 2026 at 12:00 PM EST"
    )


def test_it_is_short():
    assert len(draft().split()) < 120


def test_it_refuses_a_naive_time():
    with pytest.raises(ValueError, match="aware"):
        draft(received=datetime(2026, 11, 10, 22, 30))
