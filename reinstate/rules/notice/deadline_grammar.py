"""The deadline-expression grammar of the notice reader.

Finds the deadline-shaped words in a notice ("within 10 calendar days of this message",
"by 5:00 PM PT on December 3", "antes del viernes"), turns each into an instant with the
README's deadline table, and keeps those that belong to an action the *driver* takes.
Times the platform gives itself, consequences, past events and durations of a state are
dropped. Of several driver deadlines the earliest wins: it is the conservative one.

The words (leads, units, numbers, months, weekdays, zones, action verbs) live in
``reinstate/catalogue/reading.toml``; this module is the grammar that puts them together.
The helpers both halves of the reader share (the catalogue loader, the text folding, the phrase
compiler) are in patterns.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import gettext_noop
from reinstate.rules.deadlines.arithmetic import (
    add_business_days,
    add_calendar_days,
    add_hours,
    end_of_local_day,
)
from reinstate.rules.notice.patterns import (
    SCAN_LIMIT,
    LazyPattern,
    alternation,
    clause_bounds,
    compile_phrases,
    fold,
    lazy_phrases,
    load_reading_catalogue,
    phrase_choices,
)
from reinstate.rules.notice.reading import Phrase, StatedDeadline

# Which row of the deadline table applied: kept with the reading as the phrase's label (in
# English, a key), and shown to the driver translated ("shows: within N calendar days").
RULE_HOURS = gettext_noop("within N hours")
RULE_DAYS = gettext_noop("within N calendar days")
RULE_WEEKS = gettext_noop("within N weeks")
RULE_BUSINESS = gettext_noop("within N business days")
RULE_DATE = gettext_noop("by a date")
RULE_DATE_TIME = gettext_noop("by a date with a clock time")
RULE_WEEKDAY = gettext_noop("by a weekday")


_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class Candidate:
    """A deadline-shaped expression and the instant it names."""

    start: int
    end: int
    at: datetime
    rule: str
    labelled: bool  # introduced by a label such as "Deadline:"
    final: bool = False  # "after 10 days this decision becomes final": the driver's last moment


class _Grammar:
    """Regexes built once from the catalogue's [grammar] and [deadline] tables."""

    def __init__(self, catalogue: dict[str, Any]) -> None:
        g = catalogue["grammar"]
        d = catalogue["deadline"]
        self.numbers = {fold(k).lower(): int(v) for k, v in g["numbers"].items()}
        self.months = _index(g["months"])
        self.weekdays = _index(g["weekdays"])
        self.zones = {
            fold(name).lower(): zone for zone, names in g["zones"].items() for name in names
        }
        units = {f"u_{unit}": names for unit, names in g["units"].items()}
        # compiled per notice for the words it holds (see LazyPattern): these two regexes
        # hold every lead, number word, unit, month, weekday and zone name
        self.relative = LazyPattern(
            {
                "leads": g["leads"]["relative"] + g["leads"]["labelled"] + g["leads"]["after"],
                "limits": g["leads"].get("limits", []),
                "tails": g["leads"]["tails"],
                "numbers": [re.escape(w) for w in self.numbers],
                "digits": list("0123456789"),
                **units,
            },
            lambda lists: _relative_source(lists, list(units)),
        )
        self.absolute = LazyPattern(
            {
                "leads": g["leads"]["absolute"] + g["leads"]["labelled"],
                "months": [n for names in g["months"].values() for n in names],
                "weekdays": [n for names in g["weekdays"].values() for n in names],
                "zones": [n for names in g["zones"].values() for n in names],
                "digits": list("0123456789"),
            },
            _absolute_source,
        )
        self.labelled = compile_phrases(g["leads"]["labelled"])
        # "for the next 7 days": the length of a state, not a time to act in
        self.duration = re.compile(
            rf"(?<!\w)(?:{phrase_choices(g['leads'].get('durations', []))})\s+$", re.I
        )
        self.driver = lazy_phrases(d["driver_actions"])
        self.platform_self = lazy_phrases(d["platform_self"])
        self.not_deadline = lazy_phrases(d["not_deadlines"])
        self.driver_subject = lazy_phrases(d["driver_subjects"])
        self.after = compile_phrases(g["leads"].get("after", []))
        self.limit = compile_phrases(g["leads"].get("limits", []))
        self.finality = lazy_phrases(g["leads"].get("finality", []))


def _relative_source(lists: dict[str, list[str]], units: list[str]) -> str | None:
    """ "within 10 calendar days", "3 to 5 business days", "10 days of this message"."""
    if not any(lists[unit] for unit in units) or not (lists["digits"] or lists["numbers"]):
        return None  # no unit word or no number: no relative deadline
    word = "|".join(sorted(lists["numbers"], key=len, reverse=True)) or r"(?!x)x"
    number = rf"(?:\d{{1,3}}|(?:{word})(?:(?:\s*-\s*|\s+(?:y\s+)?)(?:{word}))?)"
    unit_groups = "|".join(f"(?P<{unit}>{phrase_choices(lists[unit])})" for unit in units)
    # "you have up to 14 days": a limit word between the lead and the number
    limit = rf"(?:(?P<limit>{alternation(lists['limits'])})\s+)?" if lists["limits"] else ""
    return (
        rf"(?<!\w)(?=\w)(?:(?P<lead>{alternation(lists['leads'])})\s+{limit}(?:(?:a|an|un|una)\s+(?=\d))?)?"
        rf"(?:(?P<low>{number})(?:\s+(?:to|a|o)\s+|\s*-\s*(?=\d)))?"
        rf"(?<!\w)(?P<num>{number})(?:\s*\(\s*\d{{1,3}}\s*\))?(?:\s*-\s*|\s+)(?:{unit_groups})(?!\w)"
        rf"(?P<tail>\s+{alternation(lists['tails'])})?"
    )


def _absolute_source(lists: dict[str, list[str]]) -> str | None:
    """ "by December 3", "before 5:00 PM PT on 12/3/2026", "antes del viernes"."""
    if not lists["leads"] or not (lists["digits"] or lists["weekdays"]):
        return None  # no lead word, or neither a date nor a weekday: no absolute deadline
    month = alternation(lists["months"])
    weekday = alternation(lists["weekdays"])
    zone = alternation(lists["zones"])
    return (
        rf"(?P<lead>{alternation(lists['leads'])})\s*"
        rf"(?:{_time('t1', zone)}\s*(?:on\s+|el\s+|del\s+|de\s+|,\s*)?)?"
        rf"(?:{_date(month, weekday)}"
        rf"|(?:(?:this|next|este|el\s+proximo|el)\s+)?(?P<wd>{weekday})\.?)"
        rf"(?:\s*,?\s*(?:at|a\s+las?|by|@)?\s*{_time('t2', zone)})?"
    )


def _index(table: dict[str, list[str]]) -> dict[str, int]:
    return {fold(name).lower(): int(key) for key, names in table.items() for name in names}


def _time(p: str, zone: str) -> str:
    """A clock time (5 PM, 11:59 p. m., 17:00, noon) with an optional zone, groups prefixed p."""
    return (
        rf"(?:(?P<{p}h>\d{{1,2}})(?::(?P<{p}m>[0-5]\d))?\s*(?P<{p}ap>[ap])\.?\s?m\b\.?"
        rf"|(?P<{p}h24>[01]?\d|2[0-3]):(?P<{p}m24>[0-5]\d)(?!\s*[ap]\.?\s?m\b)"
        rf"|(?P<{p}noon>noon|midday|mediodia)|(?P<{p}night>midnight|medianoche))"
        rf"(?:\s*,?\s*\(?(?P<{p}zone>{zone})\)?)?"
    )


def _date(month: str, weekday: str) -> str:
    """December 3, 2026 / 3 de diciembre de 2026 / 12/3/2026 / 2026-12-03, maybe after a weekday."""
    wd = rf"(?:{weekday}\.?,?\s+)?"
    return (
        rf"(?:{wd}(?P<mon1>{month})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:)"
        rf"(?:,?\s+(?P<year1>\d{{4}}))?"
        rf"|{wd}(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<mon2>{month})\.?"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<year2>\d{{4}}))?"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
        rf"|{wd}(?P<na>\d{{1,2}})\s*/\s*(?P<nb>\d{{1,2}})(?:\s*/\s*(?P<ny>\d{{4}}|\d{{2}}))?(?!\s*/|\d))"
    )


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar(load_reading_catalogue())


def find_candidates(
    text: str, *, received: datetime, tz: ZoneInfo, language: str = "en"
) -> list[Candidate]:
    """Every deadline-shaped expression in the notice, resolved to an instant in ``tz``."""
    scan = fold(text[:SCAN_LIMIT])
    g = _grammar()
    local = received.astimezone(tz)
    found: list[Candidate] = []
    for match in g.relative.finditer(scan):
        lead = match.group("lead")
        if lead is None and match.group("tail") is None:
            continue  # "for 90 days", "over the past 30 days": a duration, not a deadline
        final = False
        if lead is not None and g.after.fullmatch(lead):
            # "after 10 days": a deadline only where the decision then becomes final
            lo, hi = clause_bounds(scan, match.start(), match.end())
            if not g.finality.search(scan, lo, hi):
                continue
            final = True
        candidate = _relative(match, g, local, tz)
        if candidate is None or _an_offset(scan, match, lead):
            continue
        if g.duration.search(scan, max(0, match.start() - 20), match.start()):
            # "for the next 7 days" is the length of a state; "submit it for up to 10 days"
            # is a period the driver has to act in
            if not (match.groupdict().get("limit") or g.limit.fullmatch(lead or "")):
                continue
            if not _driver_acts_before(scan, candidate):
                continue
        found.append(replace(candidate, final=final) if final else candidate)
    for match in g.absolute.finditer(scan):
        candidate = _absolute(match, g, local, tz, language)
        # a past date is not a deadline (compared in UTC: one tzinfo compares as wall clocks)
        if candidate is not None and _utc(candidate.at) >= _utc(local):
            found.append(candidate)
    return found


_OFFSET_TAIL = re.compile(
    r"\s+(?:after|before|late|early|ago|past|tarde|antes|despues)(?!\w)", re.I
)


def _an_offset(scan: str, match: re.Match[str], lead: str | None) -> bool:
    """ "checked in 14 minutes after the start", "llegó en 10 minutos tarde": how late or early
    something was, not a time to act in."""
    return (lead or "").lower() in ("in", "en") and bool(_OFFSET_TAIL.match(scan, match.end()))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(_UTC)


def _number(raw: str, g: _Grammar) -> int | None:
    raw = raw.strip().lower()
    if raw.isdigit():
        return int(raw)
    values: list[int] = []
    for part in re.split(r"[\s-]+", raw):
        if part and part != "y":
            value = g.numbers.get(part)
            if value is None:
                return None
            values.append(value)
    if len(values) == 2 and not (values[0] % 10 == 0 and values[0] >= 20 and values[1] < 10):
        return None  # "twenty one" is 21; "one two" is nothing
    return sum(values) or None


def _relative(match: re.Match[str], g: _Grammar, local: datetime, tz: ZoneInfo) -> Candidate | None:
    # "3 to 5 business days": the driver plans on the shorter time
    raw = match.group("low") or match.group("num")
    n = _number(raw, g)
    if n is None or n <= 0 or n > 400:
        return None
    unit = next(k[2:] for k, v in match.groupdict().items() if k.startswith("u_") and v)
    if unit == "hours":
        at, rule = add_hours(local, n).astimezone(tz), RULE_HOURS
    elif unit == "minutes":
        at, rule = add_hours(local, n / 60).astimezone(tz), RULE_HOURS
    elif unit == "business_days":
        at, rule = add_business_days(local, n, tz), RULE_BUSINESS
    elif unit == "weeks":
        at, rule = add_calendar_days(local, 7 * n, tz), RULE_WEEKS
    else:
        at, rule = add_calendar_days(local, n, tz), RULE_DAYS
    lead = match.group("lead") or ""
    return Candidate(match.start(), match.end(), at, rule, bool(g.labelled.fullmatch(lead)))


def _absolute(
    match: re.Match[str], g: _Grammar, local: datetime, tz: ZoneInfo, language: str
) -> Candidate | None:
    labelled = bool(g.labelled.fullmatch(match.group("lead")))
    if match.group("wd"):
        target = g.weekdays[match.group("wd").lower()]
        ahead = (target - local.weekday() - 1) % 7 + 1  # strictly after the received day
        day: date | None = local.date() + timedelta(days=ahead)
        rule = RULE_WEEKDAY
    else:
        day = _calendar_date(match, g, local.date(), language)
        rule = RULE_DATE
    if day is None:
        return None
    clock = _clock(match, "t1", g) or _clock(match, "t2", g)
    if clock is None:
        return Candidate(match.start(), match.end(), end_of_local_day(day, tz), rule, labelled)
    when, zone = clock
    at = datetime.combine(day, when).replace(tzinfo=zone or tz).astimezone(tz)
    rule = RULE_DATE_TIME if rule == RULE_DATE else rule
    return Candidate(match.start(), match.end(), at, rule, labelled)


def _calendar_date(match: re.Match[str], g: _Grammar, today: date, language: str) -> date | None:
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
        month = g.months[(match.group("mon1") or match.group("mon2")).lower().rstrip(".")]
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


def _clock(match: re.Match[str], p: str, g: _Grammar) -> tuple[time, ZoneInfo | None] | None:
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
    zone = ZoneInfo(g.zones[_squash(zone_name)]) if zone_name else None
    return when, zone


def _squash(name: str) -> str:
    return re.sub(r"\s+", " ", name).lower()


def _driver_acts_before(scan: str, candidate: Candidate) -> bool:
    """Whether the nearest trigger before the candidate, in its clause, is a driver action."""
    g = _grammar()
    lo, _ = clause_bounds(scan, candidate.start, candidate.end)
    if g.platform_self.search(scan, lo, candidate.start):
        return False
    before = [(m.end(), True) for m in g.driver.finditer(scan, lo, candidate.start)]
    before += [(m.end(), False) for m in g.not_deadline.finditer(scan, lo, candidate.start)]
    return bool(before) and max(before)[1]


def _driver_turn(scan: str, start: int, end: int) -> bool:
    """Whether, after a comma in [start, end), the driver is told to act: "Before we decide,
    reply within 5 business days" (but not "we review it, and respond within 5 days")."""
    g = _grammar()
    comma = scan.rfind(",", start, end)
    if comma < 0:
        return False
    at = comma + 1
    while at < end and scan[at].isspace():
        at += 1
    return bool(g.driver.match(scan, at, end) or g.driver_subject.match(scan, at, end))


def is_drivers(scan: str, candidate: Candidate) -> bool:
    """Whether the deadline belongs to an action the driver takes.

    Inside the candidate's clause: a platform phrase before it ("we'll let you know our
    decision within ...") claims it unless a driver subject follows; otherwise the nearest
    trigger before it decides (an action verb, or a consequence / past event / state), and
    failing that the nearest trigger after it ("you have 14 days to appeal").
    """
    g = _grammar()
    lo, hi = clause_bounds(scan, candidate.start, candidate.end)
    own = [(m.start(), m.end()) for m in g.platform_self.finditer(scan, lo, candidate.start)]
    if own and not g.driver_subject.search(scan, own[-1][1], candidate.start):
        if not _driver_turn(scan, own[-1][1], candidate.start):
            return False
        own = []

    def outside_platform(m: re.Match[str]) -> bool:
        return not any(s <= m.start() < e for s, e in own)

    before = [
        (m.end(), True) for m in g.driver.finditer(scan, lo, candidate.start) if outside_platform(m)
    ]
    before += [(m.end(), False) for m in g.not_deadline.finditer(scan, lo, candidate.start)]
    if before:
        return max(before)[1]
    after = [(m.start(), True) for m in g.driver.finditer(scan, candidate.end, hi)]
    after += [(m.start(), False) for m in g.not_deadline.finditer(scan, candidate.end, hi)]
    after += [(m.start(), False) for m in g.platform_self.finditer(scan, candidate.end, hi)]
    if after:
        return min(after)[1]
    # no verb to go by: "you can ask us ... within 4 weeks" still speaks to the driver, and so
    # does a lead that names the driver ("tienes 5 días hábiles")
    return candidate.labelled or bool(g.driver_subject.search(scan, lo, candidate.end))


def find_stated_deadline(
    text: str, *, received: datetime, tz: ZoneInfo, language: str = "en"
) -> StatedDeadline | None:
    """The driver's deadline the notice states: the earliest one attached to a driver action."""
    scan = fold(text[:SCAN_LIMIT])
    candidates = [
        c
        for c in find_candidates(text, received=received, tz=tz, language=language)
        if c.final or is_drivers(scan, c)
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (_utc(c.at), c.start))
    end = best.end
    while end < len(text) and text[end].isalnum():
        end += 1  # a word mended across a line break ends later in the notice's own text
    words = text[best.start : end]
    phrase = Phrase(text=words, start=best.start, end=end, label=best.rule)
    return StatedDeadline(at=best.at, text=words, rule=best.rule, phrase=phrase)
