"""Reading one value of a block spreadsheet: dates and times, counts, money, statuses.

Pure, no Django. Each reader returns the value or raises ``ValueProblem`` with words a driver
can act on; the CSV reader puts them beside the line number. Times without an offset are in
the driver's zone; a time that the clocks skipped (spring forward) is refused, and one that
happened twice (fall back) is read as the first of the two.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _
from reinstate.rules.health.standing import (
    CANCELLED_BY_PLATFORM,
    COMPLETED,
    EARLY_FORFEIT,
    LATE_FORFEIT,
    NO_SHOW,
    STATUSES,
)

# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). A plain number is read
# as such a date only between 1954 and 2119, so that a count is never mistaken for a date.
EXCEL_EPOCH = datetime(1899, 12, 30)  # noqa: DTZ001 - a wall-clock origin, given a zone later
EXCEL_FIRST, EXCEL_LAST = 20_000, 80_000
EXAMPLE = "2026-11-02 08:00"
SHORTEST_DATE = 12  # longer than "12:30:00 PM": a date is there, not a time alone
LONGEST_BLOCK = timedelta(hours=24)
FURTHEST_ARRIVAL = timedelta(hours=12)

_US = re.compile(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})"
    r"(?:[ T,]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?))?"
)
_TIME = re.compile(
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp])?\.?(?:[Mm]\.?)?"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORDY_FORMATS = (
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y %I:%M %p",
    "%b %d %Y %H:%M",
    "%d %b %Y %H:%M",
    "%d %B %Y %H:%M",
)

_STATUS_WORDS = {
    COMPLETED: ("completed", "complete", "done", "delivered", "finished"),
    LATE_FORFEIT: (
        "late_forfeit",
        "late_forfeited",
        "forfeit_late",
        "forfeited_late",
        "late_cancel",
        "late_cancellation",
        "late_release",
    ),
    EARLY_FORFEIT: (
        "early_forfeit",
        "early_forfeited",
        "forfeit_early",
        "forfeited_early",
        "forfeited",
        "forfeit",
        "released",
        "early_release",
    ),
    NO_SHOW: ("no_show", "noshow", "no_call_no_show", "missed"),
    CANCELLED_BY_PLATFORM: (
        "cancelled_by_platform",
        "canceled_by_platform",
        "platform_cancelled",
        "platform_canceled",
        "cancelled_by_amazon",
        "canceled_by_amazon",
        "amazon_cancelled",
        "amazon_canceled",
    ),
}
STATUS_BY_WORD = {word: status for status, words in _STATUS_WORDS.items() for word in words}


class ValueProblem(ValueError):
    """One value that cannot be read; the message says which and why."""


def local_time(naive: datetime, tz: ZoneInfo) -> datetime:
    """A wall-clock time in ``tz``, as UTC: refused if the clocks skipped it, first if repeated.

    Every time read is returned in UTC: comparing times of one zone object is what makes
    windows over 100,000 blocks quick.
    """
    offset = steady_offset(tz, naive.year, naive.month, naive.day)
    if offset is not None:
        return (naive - offset).replace(tzinfo=UTC)
    aware = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if aware.astimezone(tz).replace(tzinfo=None) != naive:
        raise ValueProblem(
            _("%(time)s did not happen in %(zone)s: the clocks went forward then")
            % {"time": f"{naive:%Y-%m-%d %H:%M}", "zone": tz.key}
        )
    return aware


@functools.lru_cache(maxsize=8192)
def steady_offset(tz: ZoneInfo, year: int, month: int, day: int) -> timedelta | None:
    """The zone's offset through a whole day, or None on a day when the clocks change.

    Asking the zone once per day instead of once per time is what makes 100,000 lines quick.
    """
    first = datetime(year, month, day, tzinfo=tz)
    last = datetime(year, month, day, 23, 59, 59, 999999, tzinfo=tz)
    offsets = {t.utcoffset() for t in (first, last, first.replace(fold=1), last.replace(fold=1))}
    offset = offsets.pop()
    return None if offsets else offset


def parse_datetime(text: str, tz: ZoneInfo, what: str) -> datetime:
    """A date and time: ISO 8601, US month/day/year, 'Nov 2, 2026 8:00 AM', or an Excel serial.

    Returned in UTC. Without an offset it is a wall-clock time in ``tz``.
    """
    try:
        return _parse_datetime(text, tz, what)
    except OverflowError:  # 31 December 9999 west of UTC is in the year 10000
        raise ValueProblem(
            _("%(what)s %(value)s is not a date a block can have")
            % {"what": what, "value": repr(text.strip())}
        ) from None


def _parse_datetime(text: str, tz: ZoneInfo, what: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        value = text.strip()
        if not value:
            raise ValueProblem(_("%(what)s is empty") % {"what": what}) from None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return local_time(_other_datetime(value, what), tz)
        text = value
    if ":" not in text and "T" not in text:
        raise ValueProblem(
            _("%(what)s %(value)s has a date but no time (e.g. %(example)s)")
            % {"what": what, "value": repr(text), "example": EXAMPLE}
        )
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC)
    offset = steady_offset(tz, parsed.year, parsed.month, parsed.day)
    if offset is None:
        return local_time(parsed, tz)
    # The quickest way to a UTC time: datetime.replace(tzinfo=...) costs three times as much.
    return datetime.fromisoformat(text + "+00:00") - offset


def _other_datetime(value: str, what: str) -> datetime:
    if _NUMBER.fullmatch(value):
        serial = float(value)
        if not EXCEL_FIRST <= serial <= EXCEL_LAST:
            raise ValueProblem(
                _("%(what)s %(value)s is a number, not a date and time")
                % {"what": what, "value": repr(value)}
            )
        return EXCEL_EPOCH + timedelta(seconds=round(serial * 86400))
    us = _US.fullmatch(value)
    if us:
        if us["time"] is None:
            raise ValueProblem(
                _("%(what)s %(value)s has a date but no time (e.g. %(example)s)")
                % {"what": what, "value": repr(value), "example": EXAMPLE}
            )
        year = int(us["y"]) + (2000 if len(us["y"]) == 2 else 0)
        try:
            day = date(year, int(us["m"]), int(us["d"]))
        except ValueError:
            raise ValueProblem(
                _("%(what)s %(value)s is not a real date (month/day/year is expected)")
                % {"what": what, "value": repr(value)}
            ) from None
        return datetime.combine(day, _time_of_day(us["time"], what))
    for layout in _WORDY_FORMATS:
        try:
            return datetime.strptime(value, layout)  # noqa: DTZ007 - wall clock, zone added by caller
        except ValueError:
            continue
    raise ValueProblem(
        _("%(what)s %(value)s is not a date and time (e.g. %(example)s)")
        % {"what": what, "value": repr(value), "example": EXAMPLE}
    )


def _time_of_day(value: str, what: str) -> time:
    match = _TIME.fullmatch(value.strip())
    if match is None:
        raise ValueProblem(
            _("%(what)s %(value)s is not a time of day (e.g. 14:30 or 2:30 PM)")
            % {"what": what, "value": repr(value)}
        )
    hour, minute = int(match["h"]), int(match["mi"])
    second = int(match["s"] or 0)
    if match["ap"]:
        if not 1 <= hour <= 12:
            raise ValueProblem(_not_a_time(what, value))
        hour = hour % 12 + (12 if match["ap"] in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueProblem(_not_a_time(what, value))
    return time(hour, minute, second)


def _not_a_time(what: str, value: str) -> str:
    return _("%(what)s %(value)s is not a time of day") % {"what": what, "value": repr(value)}


def end_after(start: datetime, clock: time, tz: ZoneInfo) -> datetime:
    """A block's end given as a time of day: on the start's day, or the next if not after it
    (the block crossed midnight)."""
    day = start.astimezone(tz).date()
    end = local_time(datetime.combine(day, clock), tz)
    if end <= start:
        end = local_time(datetime.combine(day + timedelta(days=1), clock), tz)
    return end


def arrival_near(start: datetime, clock: time, tz: ZoneInfo) -> datetime:
    """A check-in given as a time of day: the one nearest the start (a 23:55 check-in for a
    00:05 block was the evening before)."""
    day = start.astimezone(tz).date()
    candidates = [
        local_time(datetime.combine(day + timedelta(days=shift), clock), tz) for shift in (-1, 0, 1)
    ]
    return min(candidates, key=lambda c: abs(c - start))


def parse_end(text: str, start: datetime, tz: ZoneInfo) -> datetime:
    """The block's end: a full date and time, or a time alone (see ``end_after``)."""
    if len(text) <= SHORTEST_DATE:
        clock = _clock(text, "block_end")
        if clock is not None:
            return end_after(start, clock, tz)
    end = parse_datetime(text, tz, "block_end")
    if end <= start:
        raise ValueProblem(
            _("block_end %(value)s is not after block_start") % {"value": repr(text.strip())}
        )
    if end > start + LONGEST_BLOCK:
        raise ValueProblem(_("the block is longer than 24 hours: check block_start and block_end"))
    return end


def parse_arrival(text: str, start: datetime, tz: ZoneInfo) -> datetime | None:
    """The check-in time, or None when empty; a time alone is read with ``arrival_near``."""
    if not text or text.isspace():
        return None
    if len(text) <= SHORTEST_DATE:
        clock = _clock(text, "arrived_at")
        if clock is not None:
            return arrival_near(start, clock, tz)
    arrived = parse_datetime(text, tz, "arrived_at")
    if not start - FURTHEST_ARRIVAL <= arrived <= start + FURTHEST_ARRIVAL:
        raise ValueProblem(
            _("arrived_at %(value)s is more than 12 hours from block_start")
            % {"value": repr(text.strip())}
        )
    return arrived


def _clock(text: str, what: str) -> time | None:
    """The time of day when the value is a time alone (no date), else None."""
    if "-" in text or "/" in text:  # a date is there
        return None
    return _time_of_day(text, what) if _TIME.fullmatch(text.strip()) else None


def parse_count(text: str, what: str) -> int | None:
    """A whole number of packages or reports; empty means not recorded."""
    try:
        number = int(text)
    except ValueError:
        value = text.strip()
        if not value:
            return None
        number = _whole(_plain_number(value, what), value, what)
    if number < 0:
        raise ValueProblem(_negative(what, text.strip()))
    return number


def _negative(what: str, value: str) -> str:
    return _("%(what)s cannot be negative (%(value)s)") % {"what": what, "value": value}


def _whole(number: float, value: str, what: str) -> int:
    if not number.is_integer():
        raise ValueProblem(
            _("%(what)s %(value)s is not a whole number") % {"what": what, "value": repr(value)}
        )
    return int(number)


def parse_amount(text: str, what: str) -> float | None:
    """Money or miles: '$1,234.50', '12.5'; empty means not recorded; never negative."""
    try:
        number = float(text)
    except ValueError:
        value = text.strip()
        if not value:
            return None
        cleaned = value.removeprefix("US").removeprefix("$").removesuffix("USD").strip()
        if (cleaned.startswith("(") and cleaned.endswith(")")) or cleaned.startswith("-"):
            raise ValueProblem(_negative(what, value)) from None
        number = _plain_number(cleaned.removeprefix("$"), what, shown=value)
    if number < 0:
        raise ValueProblem(_negative(what, text.strip()))
    if not math.isfinite(number):
        raise ValueProblem(_not_a_number(what, text.strip()))
    return number


def _plain_number(value: str, what: str, shown: str | None = None) -> float:
    try:
        number = float(value.replace(",", "").replace(" ", ""))
    except ValueError:
        raise ValueProblem(_not_a_number(what, shown or value)) from None
    if not math.isfinite(number):
        raise ValueProblem(_not_a_number(what, shown or value))
    return number


def _not_a_number(what: str, value: str) -> str:
    return _("%(what)s %(value)s is not a number") % {"what": what, "value": repr(value)}


def parse_status(text: str) -> str:
    if text in STATUS_BY_WORD:
        return STATUS_BY_WORD[text]
    word = re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")
    if not word:
        raise ValueProblem(_("status is empty"))
    status = STATUS_BY_WORD.get(word)
    if status is None:
        raise ValueProblem(
            _("status %(value)s is not one of %(statuses)s")
            % {"value": repr(text.strip()), "statuses": ", ".join(STATUSES)}
        )
    return status
