"""Properties of the reader: it never fails, reads no more than its scan limit, and its deadlines
keep the table."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reinstate.rules.deadlines.arithmetic import is_business_day
from reinstate.rules.notice.patterns import SCAN_LIMIT
from reinstate.rules.notice.reader import read_notice
from reinstate.rules.notice.reading import KINDS, PLATFORMS, REASONS

ZONES = [
    ZoneInfo(name)
    for name in (
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Anchorage",
        "Pacific/Honolulu",
    )
]
UTC = ZoneInfo("UTC")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip

FRAGMENTS = [
    "Your Amazon Flex account has been deactivated.", "Dasher, your account may be deactivated.",
    "Tu cuenta ha sido desactivada.", "Please appeal within 10 days.", "within 3 business days",
    "by December 4, 2026 at 11:59 PM PT", "antes del viernes", "We'll let you know within 5 days.",
    "Ticket #12345678", "appeals@example.com", "https://example.com/a", "fraud", "selfie",
    "10/31/2026", "before Sunday", "dentro de 10 días hábiles", "¡", "\u2019", "\n", "  ", "p. m.",
    "5:00", "forty-eight", "(72)", "no later than", "de", "el", "y",
]  # fmt: skip


@st.composite
def received_times(draw: st.DrawFn) -> tuple[datetime, ZoneInfo]:
    tz = draw(st.sampled_from(ZONES))
    naive = draw(st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31)))
    return naive.replace(tzinfo=tz), tz


def check_reading(text: str, received: datetime, tz: ZoneInfo) -> None:
    reading = read_notice(text, received=received, tz=tz)
    assert reading.platform is None or reading.platform in PLATFORMS
    assert reading.kind in KINDS
    assert reading.reason is None or reading.reason in REASONS
    # an adverse notice always has a reason ("unknown" at least), news never has one, and an
    # appeal outcome has one only when it states it
    if reading.kind == "information":
        assert reading.reason is None
    elif reading.kind not in ("appeal_denied", "appeal_granted"):
        assert reading.reason is not None
    for phrase in reading.all_phrases:
        assert text[phrase.start : phrase.end] == phrase.text
    if reading.stated_deadline is not None:
        assert reading.stated_deadline.at.astimezone(UTC) >= received.astimezone(UTC)
        assert reading.stated_deadline.at.tzinfo == tz


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), when=received_times())
def test_arbitrary_text_never_crashes(text, when):
    check_reading(text, *when)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=25),
    when=received_times(),
)
def test_notice_like_text_never_crashes_and_keeps_its_invariants(parts, when):
    check_reading(" ".join(parts), *when)


# Hostile texts of 10 MB: a word start every other character is the regexes' worst case.
# How fast they are read is measured by `make bench` (bench/notice.py), not here.
TEN_MEGABYTES = [
    "Your account has been deactivated. You may appeal within 10 days. " * 150_000,
    "a-" * 5_000_000,
    "1-" * 5_000_000,
    " " * 10_000_000,
    "a@" * 5_000_000,
]


def test_ten_megabytes_are_read_as_their_first_scan_limit_characters():
    """What keeps any input quick: only the first SCAN_LIMIT characters are read."""
    tz = ZONES[0]
    when = datetime(2026, 11, 20, 10, tzinfo=tz)
    for text in TEN_MEGABYTES:
        check_reading(text, when, tz)
        reading = read_notice(text, received=when, tz=tz)
        assert reading == read_notice(text[:SCAN_LIMIT], received=when, tz=tz)
        assert all(phrase.end <= SCAN_LIMIT for phrase in reading.all_phrases)
    notice = read_notice(TEN_MEGABYTES[0], received=when, tz=tz)
    assert notice.kind == "deactivation"
    assert notice.stated_deadline is not None
    assert notice.stated_deadline.at == datetime(2026, 11, 30, 10, tzinfo=tz)


def test_what_lies_past_the_first_scan_limit_characters_is_not_read():
    tz = ZONES[0]
    when = datetime(2026, 11, 20, 10, tzinfo=tz)
    notice = "Your Amazon Flex account has been deactivated. Appeal within 10 days. Ticket #1234567"
    whole = read_notice(notice, received=when, tz=tz)
    assert (whole.platform, whole.kind, whole.references.ticket_numbers) == (
        "amazon_flex",
        "deactivation",
        ["1234567"],
    )
    assert whole.stated_deadline is not None
    reading = read_notice(" " * SCAN_LIMIT + notice, received=when, tz=tz)
    assert (reading.platform, reading.kind, reading.stated_deadline) == (None, "information", None)
    assert reading.all_phrases == [] and reading.references.ticket_numbers == []


@settings(max_examples=200, deadline=None)
@given(when=received_times(), days=st.integers(min_value=1, max_value=30))
def test_a_business_day_deadline_never_lands_on_a_weekend_or_holiday(when, days):
    received, tz = when
    stated = read_notice(
        f"Please appeal within {days} business days.", received=received, tz=tz
    ).stated_deadline
    assert stated is not None
    local = stated.at.astimezone(tz)
    assert is_business_day(local.date())
    assert local.astimezone(UTC) > received.astimezone(UTC)
    # exactly `days` business days lie after the received day, up to the deadline's day
    day, counted = received.astimezone(tz).date(), 0
    while day < local.date():
        day += timedelta(days=1)
        counted += is_business_day(day)
    assert counted == days


@settings(max_examples=200, deadline=None)
@given(when=received_times(), days=st.integers(min_value=1, max_value=60))
def test_a_calendar_day_deadline_keeps_the_local_clock_time_across_dst(when, days):
    received, tz = when
    stated = read_notice(
        f"You may appeal within {days} days.", received=received, tz=tz
    ).stated_deadline
    assert stated is not None
    start, end = received.astimezone(tz), stated.at.astimezone(tz)
    assert end.date() == start.date() + timedelta(days=days)
    # the received clock time is kept, unless it falls in a spring-forward gap on that day
    if _exists(datetime.combine(end.date(), start.time().replace(fold=0)), tz):
        assert end.time() == start.time().replace(fold=0)


@settings(max_examples=200, deadline=None)
@given(when=received_times(), hours=st.integers(min_value=1, max_value=200))
def test_an_hours_deadline_is_elapsed_time(when, hours):
    received, tz = when
    stated = read_notice(f"Reply within {hours} hours.", received=received, tz=tz).stated_deadline
    assert stated is not None
    # in UTC: two datetimes sharing a tzinfo subtract as wall clocks
    assert stated.at.astimezone(UTC) - received.astimezone(UTC) == timedelta(hours=hours)


@settings(max_examples=200, deadline=None)
@given(when=received_times(), weekday=st.integers(min_value=0, max_value=6))
def test_a_weekday_deadline_is_the_first_such_day_after_the_received_day(when, weekday):
    received, tz = when
    text = f"Please reply by {WEEKDAYS[weekday]}."
    stated = read_notice(text, received=received, tz=tz).stated_deadline
    assert stated is not None
    local = stated.at.astimezone(tz)
    gap = (local.date() - received.astimezone(tz).date()).days
    assert local.weekday() == weekday
    assert 1 <= gap <= 7
    assert (local.hour, local.minute, local.second) == (23, 59, 59)


@settings(max_examples=200, deadline=None)
@given(when=received_times(), month=st.integers(min_value=1, max_value=12), day=st.integers(1, 28))
def test_a_date_without_a_year_is_the_next_such_date_on_or_after_received(when, month, day):
    received, tz = when
    stated = read_notice(
        f"Please reply by {MONTHS[month - 1]} {day}.", received=received, tz=tz
    ).stated_deadline
    local_received = received.astimezone(tz)
    if stated is None:  # only when the day has already ended
        assert date(local_received.year, month, day) == local_received.date()
        return
    local = stated.at.astimezone(tz)
    assert (local.month, local.day) == (month, day)
    assert local.date() >= local_received.date()
    assert local.date() < local_received.date() + timedelta(days=366)


def _exists(naive: datetime, tz: ZoneInfo) -> bool:
    """Whether a wall-clock time exists in tz (it does not in a spring-forward gap)."""
    round_trip = naive.replace(tzinfo=tz).astimezone(ZoneInfo("UTC")).astimezone(tz)
    return round_trip.replace(tzinfo=None) == naive
