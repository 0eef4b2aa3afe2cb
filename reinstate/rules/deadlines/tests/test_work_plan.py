from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from reinstate.rules.deadlines.work_plan import countdown_text, plan_work, urgency

PACIFIC = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=PACIFIC)
KEYS = ["gather", "write", "review", "submit"]


def utc(moment: datetime) -> datetime:
    """Compare instants in UTC: two datetimes sharing a ZoneInfo compare by wall clock,
    which runs backwards for an hour when the clocks go back."""
    return moment.astimezone(UTC)


def assert_well_formed(steps, *, now: datetime, deadline: datetime) -> None:
    assert [s.key for s in steps] == KEYS
    assert utc(steps[0].starts) == utc(now)
    for before, after in pairwise(steps):
        assert before.due == after.starts  # back to back, no overlap
    for step in steps:
        assert utc(now) <= utc(step.starts) <= utc(step.due) <= utc(deadline)
        assert step.title and step.detail


def test_steps_are_in_order_back_to_back_and_before_the_deadline():
    deadline = NOW + timedelta(days=10)
    steps = plan_work(deadline, now=NOW, tz=PACIFIC)
    assert_well_formed(steps, now=NOW, deadline=deadline)
    assert not any(s.rushed for s in steps)


def test_it_keeps_a_day_spare_before_a_10_day_deadline():
    deadline = NOW + timedelta(days=10)
    steps = plan_work(deadline, now=NOW, tz=PACIFIC)
    assert steps[-1].due <= deadline - timedelta(days=1)
    assert "spare before the deadline" in steps[-1].detail


def test_it_keeps_a_quarter_of_a_short_window_spare():
    deadline = NOW + timedelta(hours=8)
    steps = plan_work(deadline, now=NOW, tz=PACIFIC)
    assert steps[-1].due <= deadline - timedelta(hours=2)


def test_a_long_window_finishes_early():
    deadline = NOW + timedelta(days=365)
    steps = plan_work(deadline, now=NOW, tz=PACIFIC)
    assert_well_formed(steps, now=NOW, deadline=deadline)
    assert steps[-1].due <= NOW + timedelta(days=7)


def test_due_times_fall_on_whole_hours_when_there_is_time():
    steps = plan_work(NOW + timedelta(days=10, minutes=17), now=NOW, tz=PACIFIC)
    assert all(s.due.minute == 0 and s.due.second == 0 for s in steps)


def test_it_marks_a_short_plan_rushed_and_says_so():
    deadline = NOW + timedelta(hours=20)
    steps = plan_work(deadline, now=NOW, tz=PACIFIC)
    assert_well_formed(steps, now=NOW, deadline=deadline)
    assert all(s.rushed for s in steps)
    assert all(s.detail.startswith("Time is short") for s in steps)


def test_a_passed_deadline_gives_one_step_to_send_now():
    steps = plan_work(NOW - timedelta(hours=1), now=NOW, tz=PACIFIC)
    [step] = steps
    assert step.key == "send_now"
    assert step.rushed
    assert step.starts == step.due == NOW
    assert "passed" in step.detail


def test_steps_are_given_in_the_time_zone_asked_for():
    eastern = ZoneInfo("America/New_York")
    steps = plan_work(datetime(2026, 11, 12, 17, 0, tzinfo=UTC), now=NOW, tz=eastern)
    assert all(s.starts.tzinfo == eastern and s.due.tzinfo == eastern for s in steps)


def test_it_counts_real_hours_across_daylight_saving():
    now = datetime(2026, 10, 31, 20, 0, tzinfo=PACIFIC)  # clocks go back at 02:00 on 1 November
    deadline = datetime(2026, 11, 1, 8, 0, tzinfo=PACIFIC)  # 13 real hours later
    steps = plan_work(deadline, now=now, tz=PACIFIC)
    assert_well_formed(steps, now=now, deadline=deadline)
    assert utc(deadline) - utc(steps[-1].due) >= timedelta(hours=3)  # a quarter of 13 hours


ZONES = st.sampled_from(
    [ZoneInfo(name) for name in ("America/Los_Angeles", "America/New_York", "UTC", "Asia/Kolkata")]
)


@given(
    now=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=ZONES
    ),
    ahead=st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=400)),
    tz=ZONES,
)
def test_any_plan_is_ordered_and_within_now_and_the_deadline(now, ahead, tz):
    deadline = (utc(now) + ahead).astimezone(tz)
    steps = plan_work(deadline, now=now, tz=tz)
    assert_well_formed(steps, now=now, deadline=deadline)
    margin = min(timedelta(days=1), ahead / 4)
    assert utc(steps[-1].due) <= utc(deadline) - margin
    assert all(s.rushed == (ahead < timedelta(hours=48)) for s in steps)


@given(
    now=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=ZONES
    ),
    behind=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
)
def test_any_passed_deadline_gives_one_rushed_step(now, behind):
    steps = plan_work(utc(now) - behind, now=now, tz=PACIFIC)
    assert [s.key for s in steps] == ["send_now"]
    assert steps[0].rushed and utc(steps[0].starts) == utc(now)


# --------------------------------------------------------------------------- countdown


def test_urgency_reads_the_time_left():
    assert urgency(None, now=NOW) == "none"
    assert urgency(NOW - timedelta(seconds=1), now=NOW) == "overdue"
    assert urgency(NOW, now=NOW) == "due_soon"
    assert urgency(NOW + timedelta(hours=72), now=NOW) == "due_soon"
    assert urgency(NOW + timedelta(hours=72, seconds=1), now=NOW) == "upcoming"


def test_countdown_text_reads_plainly():
    assert (
        countdown_text(NOW + timedelta(days=2, hours=4, minutes=30), now=NOW)
        == "2 days 4 hours left"
    )
    assert countdown_text(NOW + timedelta(days=1), now=NOW) == "1 day left"
    assert countdown_text(NOW + timedelta(hours=3, minutes=59), now=NOW) == "3 hours left"
    assert countdown_text(NOW + timedelta(minutes=45), now=NOW) == "45 minutes left"
    assert countdown_text(NOW + timedelta(seconds=30), now=NOW) == "less than a minute left"
    assert countdown_text(NOW - timedelta(days=1, minutes=5), now=NOW) == "overdue by 1 day"
    assert countdown_text(NOW - timedelta(hours=2), now=NOW) == "overdue by 2 hours"
    assert countdown_text(None, now=NOW) == "no deadline"


def test_countdown_counts_real_hours_across_daylight_saving():
    now = datetime(2026, 10, 31, 12, 0, tzinfo=PACIFIC)
    deadline = datetime(2026, 11, 1, 12, 0, tzinfo=PACIFIC)  # 25 real hours: clocks go back
    assert countdown_text(deadline, now=now) == "1 day 1 hour left"
