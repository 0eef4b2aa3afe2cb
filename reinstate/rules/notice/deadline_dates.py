"""Calendar dates and clock times in a notice, for the deadline grammar (deadline_grammar.py).

The regex source of a written date ("December 3, 2026", "3 de diciembre", "12/3", "2026-12-03",
"Friday, July 10") with a clock time before or after it ("11:59 p.m. Pacific Time on ...",
"... at 12:00 noon CT"), and the turning of a match into a date and a clock time. The words
(months, weekdays, zone names) come from the catalogue's [grammar] tables.
"""

from __future__ import annotations

import re
from datetime import date, time
from zoneinfo import ZoneInfo

from reinstate.rules.notice.patterns import alternation


def absolute_source(lists: dict[str, list[str]]) -> str | None:
    """ "by December 3", "before 5:00 PM PT on 12/3/2026", "antes del viernes": a lead, then a
    date or a weekday, with a clock time before or after it. Without a "leads" list, the same
    expressions standing alone ("expires on June 14, 2026"), which a later "before then" names.
    """
    leads = lists.get("leads")
    if (leads is not None and not leads) or not (lists["digits"] or lists["weekdays"]):
        return None  # no lead word, or neither a date nor a weekday: no absolute deadline
    month = alternation(lists["months"])
    weekday = alternation(lists["weekdays"])
    zone = alternation(lists["zones"])
    head = rf"(?P<lead>{alternation(leads)})\s*" if leads else r"(?<!\w)"
    return (
        rf"{head}"
        rf"(?:{_time('t1', zone)}\s*(?:on\s+|el\s+|del\s+|de\s+|,\s*)?)?"
        rf"(?:{_date(month, weekday)}"
        rf"|(?:(?:this|next|este|el\s+proximo|el)\s+)?(?P<wd>{weekday})\.?)"
        rf"(?:\s*,?\s*(?:at|a\s+las?|by|@)?\s*{_time('t2', zone)})?"
    )


_GLOSS = r"noon|midday|mediodia|midnight|medianoche"


def _time(p: str, zone: str) -> str:
    """A clock time (5 PM, 11:59 p. m., 17:00, 12:00 noon, 12 a.m. (midnight)) with an optional
    zone, groups prefixed p."""
    return (
        rf"(?:(?P<{p}h>\d{{1,2}})(?::(?P<{p}m>[0-5]\d))?\s*(?P<{p}ap>[ap])\.?\s?m\b\.?"
        rf"|(?P<{p}h24>[01]?\d|2[0-3]):(?P<{p}m24>[0-5]\d)(?!\s*(?:[ap]\.?\s?m\b|{_GLOSS}))"
        rf"|(?:12(?::00)?\s*)?(?P<{p}noon>noon|midday|mediodia)"
        rf"|(?:12(?::00)?\s*)?(?P<{p}night>midnight|medianoche))"
        # "12:00 a.m. (midnight)": the word glosses the clock time, which decides
        rf"(?:\s*\((?:{_GLOSS})\))?"
        rf"(?:\s*,?\s*\(?(?P<{p}zone>{zone})\)?)?"
    )


def _date(month: str, weekday: str) -> str:
    """December 3, 2026 / 3 de diciembre de 2026 / 12/3/2026 / 2026-12-03, maybe after a weekday."""
    wd = rf"(?:{weekday}\.?,?\s+)?"
    return (
        # "(?!:\d)": "May 12:" ends a line that lists what to send; "May 12:30" is no date
        rf"(?:{wd}(?P<mon1>{month})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)"
        rf"(?:,?\s+(?P<year1>\d{{4}}))?"
        rf"|{wd}(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<mon2>{month})\.?"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<year2>\d{{4}}))?"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
        rf"|{wd}(?P<na>\d{{1,2}})\s*/\s*(?P<nb>\d{{1,2}})(?:\s*/\s*(?P<ny>\d{{4}}|\d{{2}}))?(?!\s*/|\d))"
    )


def calendar_date(
    match: re.Match[str], months: dict[str, int], today: date, language: str
) -> date | None:
    """The date a match of ``absolute_source`` names (not its weekday form)."""
    year: int | None
    if match.group("iy"):
        year, month, day = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
    elif match.group("na"):
        a, b = int(match.group("na")), int(match.group("nb"))
        # US order unless impossible; Spanish notices write day first
        month, day = (b, a) if (language == "es" and b <= 12 and a <= 31) or a > 12 else (a, b)
        raw_year = match.group("ny")
        year = None if raw_year is None else int(raw_year) + (2000 if len(raw_year) == 2 else 0)
    else:
        month = months[(match.group("mon1") or match.group("mon2")).lower().rstrip(".")]
        day = int(match.group("day1") or match.group("day2"))
        raw_year = match.group("year1") or match.group("year2")
        year = int(raw_year) if raw_year else None
    try:
        if year is not None:
            # a far-off year is a misreading, and would overflow the time arithmetic
            return date(year, month, day) if 2000 <= year <= 2100 else None
        # no year: the first such date on or after the day the notice arrived
        this_year = _safe_date(today.year, month, day)
        if this_year is not None and this_year >= today:
            return this_year
        return _safe_date(today.year + 1, month, day) or _safe_date(today.year + 4, month, day)
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def clock(
    match: re.Match[str], p: str, zones: dict[str, str]
) -> tuple[time, ZoneInfo | None] | None:
    """The clock time (and its zone, if written) of the time groups prefixed ``p``."""
    if match.group(f"{p}noon"):
        when = time(12, 0)
    elif match.group(f"{p}night"):
        when = time(23, 59, 59)  # "midnight on Dec 3": the conservative end of that day
    elif match.group(f"{p}h24"):
        when = time(int(match.group(f"{p}h24")), int(match.group(f"{p}m24")))
    elif match.group(f"{p}h"):
        hour = int(match.group(f"{p}h"))
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(f"{p}ap").lower() == "p" else 0)
        when = time(hour, int(match.group(f"{p}m") or 0))
    else:
        return None
    zone_name = match.group(f"{p}zone")
    zone = ZoneInfo(zones[_squash(zone_name)]) if zone_name else None
    return when, zone


def _squash(name: str) -> str:
    return re.sub(r"\s+", " ", name).lower()
