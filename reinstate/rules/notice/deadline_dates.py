"""Calendar dates and clock times in a notice, for the deadline grammar (deadline_grammar.py).

The regex source of a written date ("December 3, 2026", "3 de diciembre", "12/3", "2026-12-03",
"Friday, July 10", "the 15th", "tomorrow") with a clock time before or after it ("11:59 p.m.
Pacific Time on ...", "... at 12:00 noon CT", "(5:00 p.m. Central)"), and the turning of a match
into a date and a clock time. The words (months, weekdays, zone names, days named from today)
come from the catalogue's [grammar] tables.
"""

from __future__ import annotations

import re
from datetime import date, time
from zoneinfo import ZoneInfo

from reinstate.rules.notice.patterns import alternation

# the catalogue's [grammar.days] lists, by how many days after the received day each names
DAY_LISTS = {"tomorrow": 1, "tonight": 0, "end_of_day": 0, "today": 0}


def absolute_source(lists: dict[str, list[str]]) -> str | None:
    """ "by December 3", "before 5:00 PM PT on 12/3/2026", "antes del viernes", "by 9 tonight":
    a lead, then a date, a weekday or a day named from today, with a clock time before or after
    it; or such a day, the lead and a clock time ("today by 6 PM"). Without a "leads" list, the
    same expressions standing alone ("expires on June 14, 2026"), which a later "before then"
    names.
    """
    leads = lists.get("leads")
    named = [phrase for name in DAY_LISTS for phrase in lists[name]]
    if (leads is not None and not leads) or not (lists["digits"] or lists["weekdays"] or named):
        return None  # no lead word, or neither a date, a weekday nor a day: no absolute deadline
    month = alternation(lists["months"])
    weekday = alternation(lists["weekdays"])
    zone = alternation(lists["zones"])
    day = (
        rf"(?:{_date(month, weekday)}"
        rf"|(?:(?:this|next|este|el\s+proximo|el)\s+)?(?P<wd>{weekday})\.?"
        rf"|{_named_day(lists, 'd', evening=True)})"
    )
    if leads:
        # the day may come before the lead, and then a clock time after it: "today by 6 PM"
        head = rf"(?:{_named_day(lists, 'p')}\s+)?(?P<lead>{alternation(leads)})(?:\s*[:|])?\s*"
        day = rf"(?:{day}|(?(pre)|(?!)))"  # no day after the lead only where one came before
    else:
        head = r"(?<!\w)"
    return (
        rf"{head}"
        rf"(?:{_time('t1', zone)}\s*(?:on\s+|el\s+|del\s+|de\s+|,\s*)?)?"
        rf"{day}"
        # "at 5 PM", ", 5 PM", "- 9:00 PM CT", "(5:00 p.m. Pacific)"
        rf"(?:\s*[-,]?\s*(?:at|a\s+las?|by|@)?\s*\(?\s*{_time('t2', zone)})?"
    )


def _named_day(lists: dict[str, list[str]], p: str, evening: bool = False) -> str:
    """A day named from the received day, groups prefixed p ("pre" around the whole when p is
    "p"). Tomorrow first: "end of day tomorrow" is not "end of day"."""
    hour = rf"(?:(?P<{p}eh>\d{{1,2}})(?::(?P<{p}em>[0-5]\d))?\s+)?" if evening else ""
    source = "|".join(
        rf"{hour if name == 'tonight' else ''}(?P<{p}{name}>{alternation(lists[name])})"
        for name in DAY_LISTS
    )
    return rf"(?P<pre>{source})" if p == "p" else rf"(?:{source})"


def day_offset(match: re.Match[str], p: str) -> int | None:
    """How many days after the received day a named day of the groups prefixed p falls."""
    found = match.groupdict()
    return next((n for name, n in DAY_LISTS.items() if found.get(f"{p}{name}")), None)


_GLOSS = r"noon|midday|mediodia|midnight|medianoche"


def _time(p: str, zone: str) -> str:
    """A clock time (5 PM, 11:59 p. m., 17:00, 12:00 noon, 12 a.m. (midnight), 5 de la tarde)
    with an optional zone, groups prefixed p."""
    return (
        rf"(?:(?P<{p}h>\d{{1,2}})(?::(?P<{p}m>[0-5]\d))?\s*"
        rf"(?:(?P<{p}ap>[ap])\.?\s?m\b\.?"
        rf"|(?:del|de\s+la)\s+(?P<{p}es>manana|madrugada|mediodia|tarde|noche)(?!\w))"
        rf"|(?P<{p}h24>[01]?\d|2[0-3]):(?P<{p}m24>[0-5]\d)(?!\s*(?:[ap]\.?\s?m\b|{_GLOSS}))"
        rf"|(?:12(?::00)?\s*)?(?P<{p}noon>noon|midday|mediodia)"
        rf"|(?:12(?::00)?\s*)?(?P<{p}night>midnight|medianoche))"
        # "12:00 a.m. (midnight)": the word glosses the clock time, which decides
        rf"(?:\s*\((?:{_GLOSS})\))?"
        rf"(?:\s*,?\s*\(?(?P<{p}zone>{zone})\)?)?"
    )


# after "the 15th" with no month: the end of the phrase, or a word that is no noun counted
# ("by the 15th to keep claiming orders", not "the 2nd violation", "the 3rd week")
_AFTER_ORDINAL = (
    r"to|so|or|and|if|at|by|in|for|otherwise|unless|please|you|your|we|then|a|y|o|si|para"
)


def _date(month: str, weekday: str) -> str:
    """December 3, 2026 / 3 de diciembre de 2026 / 12/3/2026 / 2026-12-03, maybe after a
    weekday; the 15th (of next month) / el día 15 (del próximo mes)."""
    wd = rf"(?:{weekday}\.?,?\s+)?"
    return (
        # "(?!:\d)": "May 12:" ends a line that lists what to send; "May 12:30" is no date
        rf"(?:{wd}(?P<mon1>{month})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)"
        rf"(?:,?\s+(?P<year1>\d{{4}}))?"
        rf"|{wd}(?:the\s+|(?:el\s+)?dia\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?"
        rf"(?P<mon2>{month})\.?(?:,?\s+(?:de\s+|del\s+)?(?P<year2>\d{{4}}))?"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
        rf"|{wd}(?P<na>\d{{1,2}})\s*/\s*(?P<nb>\d{{1,2}})(?:\s*/\s*(?P<ny>\d{{4}}|\d{{2}}))?(?!\s*/|\d)"
        rf"|(?:the\s+(?P<od>\d{{1,2}})(?:st|nd|rd|th)|(?:el\s+)?dia\s+(?P<od2>\d{{1,2}}))"
        rf"(?P<om>\s+(?:of\s+(?:this|next|the)\s+month|de\s+este\s+mes|del\s+mes"
        rf"(?:\s+(?:proximo|que\s+viene|siguiente))?|del\s+proximo\s+mes))?"
        rf"(?=\s*(?:[^\w\s]|$)|\s+(?:{_AFTER_ORDINAL})(?!\w)))"
    )


_NEXT_MONTH = re.compile(r"next|proximo|que\s+viene|siguiente")
_THIS_MONTH = re.compile(r"this|este")


def calendar_date(
    match: re.Match[str], months: dict[str, int], today: date, language: str, nearest: bool = False
) -> date | None:
    """The date a match of ``absolute_source`` names (not its weekday or a named day). A date
    without a year is the first such date on or after ``today``, or with ``nearest`` the one
    closest to it, before or after (a date in an earlier message quoted under the notice)."""
    year: int | None
    if match.group("od") or match.group("od2"):
        return None if nearest else _day_of_month(match, today)
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
        if nearest:
            near = [_safe_date(today.year + k, month, day) for k in (-1, 0, 1)]
            return min((d for d in near if d), key=lambda d: abs(d - today), default=None)
        # no year: the first such date on or after the day the notice arrived
        this_year = _safe_date(today.year, month, day)
        if this_year is not None and this_year >= today:
            return this_year
        return _safe_date(today.year + 1, month, day) or _safe_date(today.year + 4, month, day)
    except ValueError:
        return None


def _day_of_month(match: re.Match[str], today: date) -> date | None:
    """ "the 15th": the first 15th on or after ``today`` (past months too short for it); "the
    3rd of next month": that of the month after; "the 3rd of this month": this one's, maybe past
    (and then no deadline)."""
    day = int(match.group("od") or match.group("od2"))
    which = (match.group("om") or "").lower()
    if _NEXT_MONTH.search(which):
        return _in_month(today, 1, day)
    if _THIS_MONTH.search(which):
        return _in_month(today, 0, day)
    for ahead in range(3):
        found = _in_month(today, ahead, day)
        if found is not None and found >= today:
            return found
    return None


def _in_month(today: date, ahead: int, day: int) -> date | None:
    month = today.month - 1 + ahead
    return _safe_date(today.year + month // 12, month % 12 + 1, day)


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
        when = _twelve_hour(hour, int(match.group(f"{p}m") or 0), match, p)
    else:
        return None
    zone_name = match.group(f"{p}zone")
    zone = ZoneInfo(zones[_squash(zone_name)]) if zone_name else None
    return when, zone


def _twelve_hour(hour: int, minute: int, match: re.Match[str], p: str) -> time:
    """5 p.m.; 5 de la tarde, 10 de la noche, 12 del mediodía, 9 de la mañana."""
    spanish = match.group(f"{p}es")
    if spanish == "noche" and hour == 12:
        return time(23, 59, 59)  # "las 12 de la noche": midnight, the end of that day
    after_noon = (
        (match.group(f"{p}ap") or "").lower() == "p"
        or spanish in ("tarde", "noche")
        or (spanish == "mediodia" and (hour == 12 or hour < 6))
    )
    return time(hour % 12 + (12 if after_noon else 0), minute)


def evening_clock(match: re.Match[str]) -> time | None:
    """ "by 9 tonight": a bare hour before the evening is after noon (12 is its midnight, read
    as the end of the day)."""
    raw = match.groupdict().get("deh")
    if raw is None or not 1 <= int(raw) <= 12:
        return None
    if int(raw) == 12:
        return time(23, 59, 59)
    return time(int(raw) + 12, int(match.group("dem") or 0))


def _squash(name: str) -> str:
    return re.sub(r"\s+", " ", name).lower()
