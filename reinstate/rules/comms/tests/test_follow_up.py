"""When support has not answered in N days, it is time to follow up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reinstate.rules.comms.follow_up import Exchange, follow_up

T0 = datetime(2026, 11, 3, 10, tzinfo=UTC)


def test_it_waits_on_the_first_unanswered_message() -> None:
    exchanges = [
        Exchange(1, T0, "to_platform"),
        Exchange(2, T0 + timedelta(days=1), "to_platform"),
    ]
    found = follow_up(exchanges, now=T0 + timedelta(days=2), days=3)
    assert found is not None and found.contact_id == 1 and not found.due
    assert found.due_at == T0 + timedelta(days=3)
    later = follow_up(exchanges, now=T0 + timedelta(days=3), days=3)
    assert later is not None and later.due


def test_an_answer_closes_it() -> None:
    exchanges = [
        Exchange(1, T0, "to_platform"),
        Exchange(2, T0 + timedelta(hours=5), "from_platform"),
    ]
    assert follow_up(exchanges, now=T0 + timedelta(days=10), days=3) is None
    assert follow_up([], now=T0, days=3) is None


def test_a_new_question_after_an_answer_starts_the_clock_again() -> None:
    exchanges = [
        Exchange(3, T0 + timedelta(days=2), "to_platform"),
        Exchange(1, T0, "to_platform"),
        Exchange(2, T0 + timedelta(days=1), "from_platform"),
    ]
    found = follow_up(exchanges, now=T0 + timedelta(days=6), days=3)
    assert found is not None and found.contact_id == 3 and found.due
