"""The deadline-expression grammar of the notice reader.

Finds the deadline-shaped words in a notice ("within 10 calendar days of this message",
"by 5:00 PM PT on December 3", "antes del viernes"), turns each into an instant with the
README's deadline table, and keeps those that belong to an action the *driver* takes.
Times the platform (or a background-check agency) gives itself, consequences, past events,
durations and ends of a state ("no offers until April 25"), spans counted from some other event
("within 3 minutes of arriving") and times in an earlier message quoted under a reply are
dropped. Of several driver deadlines the earliest wins: it is the conservative one.

The words (leads, units, numbers, months, weekdays, zones, action verbs) live in
``reinstate/catalogue/reading.toml``; this module is the grammar that puts them together, and
deadline_dates.py the part of it that reads calendar dates and clock times. The helpers both
halves of the reader share (the catalogue loader, the text folding, the phrase compiler) are in
patterns.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
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
from reinstate.rules.notice.deadline_dates import absolute_source, calendar_date, clock
from reinstate.rules.notice.patterns import (
    SCAN_LIMIT,
    LazyPattern,
    alternation,
    clause_bounds,
    compile_phrases,
    fold,
    lazy_phrases,
    literals_of,
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
        calendar = {
            "months": [n for names in g["months"].values() for n in names],
            "weekdays": [n for names in g["weekdays"].values() for n in names],
            "zones": [n for names in g["zones"].values() for n in names],
            "digits": list("0123456789"),
        }
        self.absolute = LazyPattern(
            {"leads": g["leads"]["absolute"] + g["leads"]["labelled"], **calendar},
            absolute_source,
        )
        # a date or a time with no lead: what a later "before then" names
        self.bare = LazyPattern(calendar, absolute_source)
        self.anaphora = lazy_phrases(g["leads"].get("anaphora", []))
        self.until = compile_phrases(g["leads"].get("until", []))
        # "of the notice date" / "of a deactivation": which "N days of" count from this notice
        # (the in-between words may not be "a", "an" or "any": a rule for every driver)
        self.anchored = re.compile(
            r"\s+(?:of|after|before)\s+(?!(?:(?!(?:a|an|any)\s)[\w'-]+\s+){0,4}?"
            rf"(?:{phrase_choices(g['leads'].get('anchors', []))})(?!\w))",
            re.I,
        )
        # "you have until Monday", "tienes hasta el 5": an "until" that gives the driver time
        self.given = re.compile(
            rf"(?<!\w)(?:{phrase_choices(g['leads'].get('given', []))})\s+$", re.I
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
        self.unmet = lazy_phrases(d.get("unmet_conditions", []))
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


def _index(table: dict[str, list[str]]) -> dict[str, int]:
    return {fold(name).lower(): int(key) for key, names in table.items() for name in names}


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar(load_reading_catalogue())


def find_candidates(
    text: str, *, received: datetime, tz: ZoneInfo, language: str = "en"
) -> list[Candidate]:
    """Every deadline-shaped expression in the notice, resolved to an instant in ``tz`` (less
    the look-alikes its own words give away: a state's end, a span counted from another event
    or from an earlier message, a past date)."""
    scan = fold(text[:SCAN_LIMIT])
    g = _grammar()
    local = received.astimezone(tz)
    # "within 14 days of this message" in a quoted earlier message counts from that message
    found = [c for c in _relatives(scan, g, local, tz) if c.start < _history_start(scan)]
    for match in g.absolute.finditer(scan):
        candidate = _absolute(match, g, local, tz, language)
        if candidate is None:
            continue
        if g.until.match(match.group("lead")) and not _given(scan, match.start(), candidate):
            continue  # "no offers until April 25": the end of a state, not a time to act by
        found.append(candidate)
    anaphora = g.anaphora.finditer(scan)
    dates = g.bare.finditer(scan) if anaphora else []  # one pass, however many anaphora
    ends = [d.end() for d in dates]
    for match in anaphora:
        # "expires on June 14, 2026. Upload the new one before then": the date named before
        referent = _referent(scan, match.start(), dates, ends)
        candidate = referent and _absolute(referent, g, local, tz, language)
        if candidate:
            found.append(replace(candidate, start=match.start(), end=match.end(), labelled=False))
    # a past date is not a deadline (compared in UTC: one tzinfo compares as wall clocks)
    return [c for c in found if _utc(c.at) >= _utc(local)]


def _relatives(scan: str, g: _Grammar, local: datetime, tz: ZoneInfo) -> list[Candidate]:
    """ "within 10 days", "you have 48 hours", "inside of 2 weeks", less the look-alikes."""
    found: list[Candidate] = []
    for match in g.relative.finditer(scan):
        lead = match.group("lead")
        if lead is None and match.group("tail") is None:
            continue  # "for 90 days", "over the past 30 days": a duration, not a deadline
        if match.group("tail") is None and g.anchored.match(scan, match.end()):
            # "appeal within 90 days of a deactivation", "left within 3 minutes of arriving":
            # counted from some other event, not from this notice
            continue
        final = False
        if lead is not None and g.after.fullmatch(lead):
            # "after 10 days": a deadline only where the decision then becomes final, or where
            # the driver's act left undone sets it off ("if the check isn't done, after 72 hours")
            lo, hi = _clause(scan, match.start(), match.end())
            unmet = _owners(g, scan).unmet.search(scan, lo, match.start())
            if not (unmet or g.finality.search(scan, lo, hi)):
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
    return found


def _given(scan: str, start: int, candidate: Candidate) -> bool:
    """Whether a time up "until" a date is the driver's to act in: "you have until Monday to
    reply", "upload it until Dec 3" (not "you won't receive offers until April 25")."""
    g = _grammar()
    return bool(g.given.search(scan, max(0, start - 20), start)) or _driver_acts_before(
        scan, candidate
    )


_OFFSET_TAIL = re.compile(
    r"\s+(?:after|before|late|early|ago|past|tarde|antes|despues)(?!\w)", re.I
)
_LATE = re.compile(r"\s+(?:late|early|ago|tarde|temprano)(?!\w)", re.I)


def _an_offset(scan: str, match: re.Match[str], lead: str | None) -> bool:
    """ "checked in 14 minutes after the start", "llegó en 10 minutos tarde", "no more than 5
    minutes late": how late or early something was, not a time to act in; "up to two days
    ago": a time past."""
    if _LATE.match(scan, match.end()):
        return True
    return (lead or "").lower() in ("in", "en") and bool(_OFFSET_TAIL.match(scan, match.end()))


# Where the quoted history under a reply begins: "----- Original Message -----", "--- Previous
# message ---", "On Mar 3, 2026, Ana wrote:", a line quoted with ">".
_HISTORY = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:original|earlier|previous|your)\s+message"
    r"|-{2,}[ \t]*mensaje\s+(?:original|anterior)"
    r"|(?:on|el)\s[^\n]{4,80}?\b(?:wrote|escribio):|>)",
    re.I | re.M,
)
_OWN_BODY = 200  # characters of the reply's own before a history: "fwd: is this real?" is none


@lru_cache(maxsize=8)
def _history_start(scan: str) -> int:
    """Where the earlier messages quoted under the notice begin (the end of the text if none).

    A time counted "within 14 days of this message" there was counted from a message that
    arrived before this one, so it is not counted from ``received``. A forwarded notice, or one
    quoted under a line of the driver's own ("fwd: is this legit?"), is the notice itself.
    """
    first = _HISTORY.search(scan)
    return first.start() if first and first.start() >= _OWN_BODY else len(scan)


_REFERENT_REACH = 300  # characters back, within the paragraph, a "before then" looks for its date


def _referent(
    scan: str, at: int, dates: list[re.Match[str]], ends: list[int]
) -> re.Match[str] | None:
    """The nearest of ``dates`` (ending at ``ends``) written before ``at`` in its paragraph,
    which "then" names."""
    i = bisect_right(ends, at)
    if i == 0:
        return None
    lo = max(0, at - _REFERENT_REACH, scan.rfind("\n\n", 0, at) + 1)
    return dates[i - 1] if dates[i - 1].start() >= lo else None


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
    lead = match.groupdict().get("lead")
    labelled = bool(lead and g.labelled.fullmatch(lead))
    if match.group("wd"):
        target = g.weekdays[match.group("wd").lower()]
        ahead = (target - local.weekday() - 1) % 7 + 1  # strictly after the received day
        day: date | None = local.date() + timedelta(days=ahead)
        rule = RULE_WEEKDAY
    else:
        day = calendar_date(match, g.months, local.date(), language)
        rule = RULE_DATE
    if day is None:
        return None
    written = clock(match, "t1", g.zones) or clock(match, "t2", g.zones)
    if written is None:
        return Candidate(match.start(), match.end(), end_of_local_day(day, tz), rule, labelled)
    when, zone = written
    at = datetime.combine(day, when).replace(tzinfo=zone or tz).astimezone(tz)
    rule = RULE_DATE_TIME if rule == RULE_DATE else rule
    return Candidate(match.start(), match.end(), at, rule, labelled)


# "prepared by Checkr, Inc. within 14 days": a company's abbreviation does not end the clause
_COMPANY = re.compile(r"(?<![A-Za-z])(?:inc|ltd|llc|corp|co)$", re.I)


# A sentence is a few hundred characters; a text with no full stop is read no further than this
# either side of a deadline, so that each of its many look-alikes is judged in bounded time.
_CLAUSE_REACH = 400


def _clause(scan: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end) (patterns.clause_bounds), across "Inc." and the like."""
    lo, hi = clause_bounds(scan, start, end)
    floor, ceiling = start - _CLAUSE_REACH, end + _CLAUSE_REACH
    while lo > max(floor, 1) and scan[lo - 1] == "." and _company_before(scan, lo - 1):
        lo = clause_bounds(scan, lo - 1, lo - 1)[0]
    while hi < min(ceiling, len(scan)) and scan[hi] == "." and _company_before(scan, hi):
        hi = clause_bounds(scan, hi + 1, hi + 1)[1]
    return max(lo, floor), min(hi, ceiling)


def _company_before(scan: str, at: int) -> bool:
    return bool(_COMPANY.search(scan, max(0, at - 5), at))


_NEVER = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class _Owners:
    """The phrase lists that say whose time it is, compiled once for one notice (a notice may
    hold hundreds of look-alikes, each judged with these)."""

    driver: re.Pattern[str]
    platform_self: re.Pattern[str]
    not_deadline: re.Pattern[str]
    driver_subject: re.Pattern[str]
    unmet: re.Pattern[str]


@lru_cache(maxsize=8)
def _owners(g: _Grammar, scan: str) -> _Owners:
    found = literals_of(scan)
    lists = (g.driver, g.platform_self, g.not_deadline, g.driver_subject, g.unmet)
    return _Owners(*(lazy.pattern(found) or _NEVER for lazy in lists))


def _triggers_before(
    scan: str, lo: int, at: int, own: list[tuple[int, int]]
) -> list[tuple[int, bool]]:
    """The words in [lo, at) that say whose time it is, each with whether it is the driver's:
    an action verb or the driver's act left undone ("if we don't receive it"), or a consequence,
    past event or state. A verb inside a platform phrase (``own``) does not count."""
    o = _owners(_grammar(), scan)
    before = [
        (m.end(), True)
        for m in o.driver.finditer(scan, lo, at)
        if not any(s <= m.start() < e for s, e in own)
    ]
    before += [(m.end(), True) for m in o.unmet.finditer(scan, lo, at)]
    before += [(m.end(), False) for m in o.not_deadline.finditer(scan, lo, at)]
    return before


def _driver_acts_before(scan: str, candidate: Candidate) -> bool:
    """Whether the nearest trigger before the candidate, in its clause, is a driver action."""
    o = _owners(_grammar(), scan)
    lo, _ = _clause(scan, candidate.start, candidate.end)
    if o.platform_self.search(scan, lo, candidate.start):
        return False
    before = _triggers_before(scan, lo, candidate.start, [])
    return bool(before) and max(before)[1]


def _driver_turn(scan: str, start: int, end: int) -> bool:
    """Whether, after a comma in [start, end), the driver is told to act: "Before we decide,
    reply within 5 business days" (but not "we review it, and respond within 5 days")."""
    o = _owners(_grammar(), scan)
    comma = scan.rfind(",", start, end)
    if comma < 0:
        return False
    at = comma + 1
    while at < end and scan[at].isspace():
        at += 1
    return bool(o.driver.match(scan, at, end) or o.driver_subject.match(scan, at, end))


def is_drivers(scan: str, candidate: Candidate) -> bool:
    """Whether the deadline belongs to an action the driver takes.

    Inside the candidate's clause: a platform phrase before it ("we'll let you know our
    decision within ...") claims it unless a driver subject follows; otherwise the nearest
    trigger before it decides (an action verb, or a consequence / past event / state), and
    failing that the nearest trigger after it ("you have 14 days to appeal").
    """
    o = _owners(_grammar(), scan)
    lo, hi = _clause(scan, candidate.start, candidate.end)
    own = [(m.start(), m.end()) for m in o.platform_self.finditer(scan, lo, candidate.start)]
    if own and not o.driver_subject.search(scan, own[-1][1], candidate.start):
        if not _driver_turn(scan, own[-1][1], candidate.start):
            return False
        own = []
    before = _triggers_before(scan, lo, candidate.start, own)
    if before:
        return max(before)[1]
    after = [(m.start(), True) for m in o.driver.finditer(scan, candidate.end, hi)]
    after += [(m.start(), False) for m in o.not_deadline.finditer(scan, candidate.end, hi)]
    after += [(m.start(), False) for m in o.platform_self.finditer(scan, candidate.end, hi)]
    if after:
        return min(after)[1]
    # no verb to go by: "you can ask us ... within 4 weeks" still speaks to the driver, and so
    # does a lead that names the driver ("tienes 5 días hábiles")
    return candidate.labelled or bool(o.driver_subject.search(scan, lo, candidate.end))


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
