"""Deadline reminders: 72 and 24 hours before, each due until the deadline, one at a time."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from reinstate.rules.deadlines.reminders import due_reminder

PACIFIC = ZoneInfo("America/Los_Angeles")
DEADLINE = datetime(2026, 11, 12, 23, 59, tzinfo=PACIFIC)


def due(
    left: timedelta, *, sent: bool = False, closed: bool = False, reminded: Collection[int] = ()
) -> int | None:
    return due_reminder(DEADLINE, now=DEADLINE - left, sent=sent, closed=closed, reminded=reminded)


def test_it_is_due_at_72_hours_and_at_24_hours() -> None:
    assert due(timedelta(hours=73)) is None
    assert due(timedelta(hours=72)) == 72
    assert due(timedelta(hours=25)) == 72
    assert due(timedelta(hours=24)) == 24
    assert due(timedelta(minutes=1)) == 24


def test_a_missed_reminder_is_still_sent_while_the_deadline_is_ahead() -> None:
    # remind did not run at the 72-hour mark (cron every few hours, or the server was down)
    assert due(timedelta(hours=60)) == 72
    assert due(timedelta(hours=60), reminded=(72,)) is None


def test_the_72_hour_reminder_is_skipped_once_the_24_hour_one_is_due() -> None:
    assert due(timedelta(hours=20)) == 24
    assert due(timedelta(hours=20), reminded=(24,)) is None


def test_none_after_the_deadline() -> None:
    assert due(timedelta(0)) is None
    assert due(-timedelta(hours=1)) is None


def test_none_once_something_is_sent_or_the_case_is_closed_or_without_a_deadline() -> None:
    assert due(timedelta(hours=20), sent=True) is None
    assert due(timedelta(hours=20), closed=True) is None
    assert due_reminder(None, now=DEADLINE, sent=False, closed=False) is None


def test_it_counts_real_hours_across_daylight_saving() -> None:
    deadline = datetime(2026, 11, 1, 12, 0, tzinfo=PACIFIC)  # clocks went back at 2:00
    now = datetime(2026, 10, 31, 12, 30, tzinfo=PACIFIC)  # 24.5 real hours before
    assert due_reminder(deadline, now=now, sent=False, closed=False) == 72


@given(
    left=st.timedeltas(min_value=timedelta(hours=-100), max_value=timedelta(hours=200)),
    reminded=st.sets(st.sampled_from([72, 24])),
)
def test_at_most_one_and_never_an_earlier_one_after_a_later_one(
    left: timedelta, reminded: set[int]
) -> None:
    hours = due(left, reminded=reminded)
    if hours is not None:
        assert hours not in reminded
        assert timedelta(0) < left <= timedelta(hours=hours)
        assert not (hours == 72 and left <= timedelta(hours=24))
