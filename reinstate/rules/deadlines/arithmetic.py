"""Deadline arithmetic on aware datetimes.

Pure functions, no Django. Every function takes and returns timezone-aware
datetimes; "local" means the wall clock of the ``tz`` passed in, so that a
deadline of "10 days" keeps its clock time across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

END_OF_DAY = time(23, 59, 59)


def require_aware(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("a timezone-aware datetime is required")
    return dt


def add_hours(start: datetime, hours: float) -> datetime:
    """Elapsed time: the same instant plus N hours, whatever the clocks do."""
    require_aware(start)
    tz = start.tzinfo
    return (start.astimezone(ZoneInfo("UTC")) + timedelta(hours=hours)).astimezone(tz)


def add_calendar_days(start: datetime, days: int, tz: ZoneInfo) -> datetime:
    """The same local clock time ``days`` calendar days later, in ``tz``."""
    local = require_aware(start).astimezone(tz)
    target = local.date() + timedelta(days=days)
    return _at_local(target, local.time().replace(tzinfo=None), tz)


@lru_cache(maxsize=64)
def us_federal_holidays(year: int) -> frozenset[date]:
    """US federal holidays of ``year``, observed dates included."""
    # Imported here: the holidays package costs a fresh process about 0.1 s, and only
    # business-day deadlines need it.
    import holidays

    us = holidays.country_holidays("US", years=[year - 1, year, year + 1], observed=True)
    return frozenset(day for day in us if day.year == year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in us_federal_holidays(day.year)


def add_business_days(start: datetime, days: int, tz: ZoneInfo) -> datetime:
    """The same local clock time after ``days`` weekdays that are not US federal holidays."""
    local = require_aware(start).astimezone(tz)
    day = local.date()
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_business_day(day):
            remaining -= 1
    return _at_local(day, local.time().replace(tzinfo=None), tz)


def end_of_local_day(day: date, tz: ZoneInfo) -> datetime:
    """23:59:59 on ``day`` in ``tz``."""
    return _at_local(day, END_OF_DAY, tz)


def _at_local(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """A wall-clock time on a day in ``tz``.

    A clock time that falls in a spring-forward gap does not exist; fold=0
    with a round trip through UTC moves it forward to a real instant. An
    ambiguous time in the autumn overlap takes the earlier instant (fold=0),
    which is the conservative reading for a deadline.
    """
    naive = datetime.combine(day, clock)
    aware = naive.replace(tzinfo=tz, fold=0)
    return aware.astimezone(ZoneInfo("UTC")).astimezone(tz)


def as_utc(moment: datetime | None) -> datetime:
    """An aware instant in UTC, where subtracting two instants is always right."""
    if moment is None:
        raise ValueError("a datetime is required")
    return require_aware(moment).astimezone(UTC)
