"""The deadline-expression grammar of the notice reader.

Finds the deadline-shaped words in a notice ("within 10 calendar days of this message",
"by 5:00 PM PT on December 3", "antes del viernes"), turns each into an instant with the
README's deadline table, and keeps those that belong to an action the *driver* takes.
Times the platform (or a background-check agency) gives itself, consequences, past events,
durations and ends of a state ("no offers until April 25"), spans counted from some other event
("within 3 minutes of arriving") and times in an earlier message quoted under a reply are
dropped. Of several driver deadlines the earliest wins: it is the conservative one.

The words (leads, units, numbers, months, weekdays, days, zones, action verbs) live in
``reinstate/catalogue/reading.toml``; this module is the grammar that puts them together,
deadline_dates.py the part of it that reads calendar dates and clock times, and
deadline_owners.py the part that says whose time a deadline is. The helpers both halves of the
reader share (the catalogue loader, the text folding, the phrase compiler) are in patterns.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
from reinstate.rules.notice.deadline_dates import (
    DAY_LISTS,
    absolute_source,
    calendar_date,
    clock,
    day_offset,
    evening_clock,
)
from reinstate.rules.notice.deadline_owners import (
    clause,
    driver_acts_before,
    given,
    is_drivers,
    owners,
)
from reinstate.rules.notice.patterns import (
    SCAN_LIMIT,
    LazyPattern,
    alternation,
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
    owned: bool = False  # "Insurance expired - 72h to upload": the driver's act named right after


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
            **{name: g["days"].get(name, []) for name in DAY_LISTS},
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
        self.offers = lazy_phrases(d.get("offers", []))
        self.close_of_business = compile_phrases(g["leads"].get("close_of_business", []))
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
        # "72h": a figure may touch its unit; "within the next week": one, with no number
        rf"(?:(?<!\w)(?P<num>{number})(?:\s*\(\s*\d{{1,3}}\s*\))?(?:(?<=\d)\s*|\s*-\s*|\s+)"
        rf"|(?<=next\s))(?:{unit_groups})(?!\w)"
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
    history = _history_start(scan)
    found = [c for c in _relatives(scan, g, local, tz) if c.start < history]
    for match in g.absolute.finditer(scan):
        since = _range_start(scan, match, g, local, language)
        quoted = match.start() >= history
        candidate = _absolute(match, g, local, tz, language, quoted=quoted, since=since)
        if candidate is None:
            continue
        if g.until.match(match.group("lead")) and not given(g, scan, match.start(), candidate):
            continue  # "no offers until April 25": the end of a state, not a time to act by
        found.append(candidate)
    anaphora = g.anaphora.finditer(scan)
    dates = g.bare.finditer(scan) if anaphora else []  # one pass, however many anaphora
    # "then" names a written date, not "today" ("nothing to do today ... the date your upload is
    # due ... if you don't by then")
    dates = [d for d in dates if day_offset(d, "d") is None]
    ends = [d.end() for d in dates]
    for match in anaphora:
        # "expires on June 14, 2026. Upload the new one before then": the date named before
        referent = _referent(scan, match.start(), dates, ends)
        quoted = referent is not None and referent.start() >= history
        candidate = referent and _absolute(referent, g, local, tz, language, quoted=quoted)
        if candidate:
            found.append(replace(candidate, start=match.start(), end=match.end(), labelled=False))
    # a past date is not a deadline (compared in UTC: one tzinfo compares as wall clocks)
    return [c for c in found if _utc(c.at) >= _utc(local)]


def _relatives(scan: str, g: _Grammar, local: datetime, tz: ZoneInfo) -> list[Candidate]:
    """ "within 10 days", "you have 48 hours", "inside of 2 weeks", less the look-alikes."""
    found: list[Candidate] = []
    for match in g.relative.finditer(scan):
        lead = match.group("lead")
        if match.group("num") is None and not _THE_NEXT.fullmatch(lead or ""):
            continue  # "next week" is a week's time, not a span: only "within the next week"
        owned = lead is None and match.group("tail") is None and _heading_act(scan, match, g)
        if lead is None and match.group("tail") is None and not owned:
            continue  # "for 90 days", "over the past 30 days": a duration, not a deadline
        if match.group("tail") is None and g.anchored.match(scan, match.end()):
            # "appeal within 90 days of a deactivation", "left within 3 minutes of arriving":
            # counted from some other event, not from this notice
            continue
        final = False
        if lead is not None and g.after.fullmatch(lead):
            # "after 10 days": a deadline only where the decision then becomes final, or where
            # the driver's act left undone sets it off ("if the check isn't done, after 72 hours")
            lo, hi = clause(scan, match.start(), match.end())
            unmet = owners(g, scan).unmet.search(scan, lo, match.start())
            if not (unmet or g.finality.search(scan, lo, hi)):
                continue
            final = True
        candidate = _relative(match, g, local, tz)
        if candidate is None or _an_offset(scan, match, lead):
            continue
        if match.group("num") is None and not driver_acts_before(g, scan, candidate):
            continue  # "you'll see offers again within the next hour": no act, no number
        if g.duration.search(scan, max(0, match.start() - 20), match.start()):
            # "for the next 7 days" is the length of a state; "submit it for up to 10 days"
            # is a period the driver has to act in
            if not (match.groupdict().get("limit") or g.limit.fullmatch(lead or "")):
                continue
            if not driver_acts_before(g, scan, candidate):
                continue
        found.append(replace(candidate, final=final, owned=owned))
    return found


_THE_NEXT = re.compile(r"(?:within|in)\s+the\s+next", re.I)
_TO = re.compile(r"\s+to\s+", re.I)
# what may come just before the figure of a heading: a line's start, a dash, a colon, a bar, a
# bracket ("Insurance expired - 72h to upload", "Reminder: 10 days to appeal")
_HEADING = re.compile(r"(?:^|[-:|(\[\]])[ \t]*$", re.M)


def _heading_act(scan: str, match: re.Match[str], g: _Grammar) -> bool:
    """Whether a span with no lead opens a heading and the driver's act follows it at once
    ("Insurance expired - 72h to upload"): the act names whose time it is. Not a span with a
    subject before it ("the agency has 30 days to respond")."""
    to = _TO.match(scan, match.end())
    if to is None or not owners(g, scan).driver.match(scan, to.end()):
        return False
    return bool(_HEADING.search(scan, max(0, match.start() - 8), match.start()))


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
    n = 1 if raw is None else _number(raw, g)  # "within the next week": one
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
    match: re.Match[str],
    g: _Grammar,
    local: datetime,
    tz: ZoneInfo,
    language: str,
    *,
    quoted: bool = False,
    since: date | None = None,
) -> Candidate | None:
    """The instant a date, weekday or named day with its clock time names. In a ``quoted``
    earlier message a date without a year is the nearest such date (it was written before this
    notice arrived), and a day named from "today" was counted from that message: none. A range's
    end is counted from the day it starts on (``since``)."""
    lead = match.groupdict().get("lead")
    labelled = bool(lead and g.labelled.match(lead))  # "Due: COB" opens with its label
    written = clock(match, "t1", g.zones) or clock(match, "t2", g.zones)
    evening = evening_clock(match)
    if written is None and evening is not None:
        written = evening, None
    if written is None and g.close_of_business.search(match.group()):
        written = _CLOSE_OF_BUSINESS, None  # "by COB Thursday": 17:00 local
    day: date | None
    named = day_offset(match, "d")
    rule = RULE_DATE
    if match.group("wd"):
        target = g.weekdays[match.group("wd").lower()]
        ahead = (target - local.weekday() - 1) % 7 + 1  # strictly after the received day
        day = local.date() + timedelta(days=ahead)
        rule = RULE_WEEKDAY
    elif any(match.group(k) for k in _DATE_GROUPS):
        day = calendar_date(match, g.months, since or local.date(), language, nearest=quoted)
    else:
        if named is None:  # the day came before the lead: "today by 6 PM" needs its clock time
            named = day_offset(match, "p") if written else None
        if named is None or quoted or (named == 0 and _past_today(match, written)):
            return None
        written_zone = written[1] if written else None
        day = local.astimezone(written_zone or tz).date() + timedelta(days=named)
    if day is None:
        return None
    if written is None:
        return Candidate(match.start(), match.end(), end_of_local_day(day, tz), rule, labelled)
    when, zone = written
    at = datetime.combine(day, when).replace(tzinfo=zone or tz).astimezone(tz)
    rule = RULE_DATE_TIME if rule == RULE_DATE else rule
    return Candidate(match.start(), match.end(), at, rule, labelled)


_CLOSE_OF_BUSINESS = time(17, 0)
_DATE_GROUPS = ("mon1", "mon2", "iy", "na", "od", "od2")
# "before today", "antes de hoy": the time up to now, not a deadline ("by today", "before 8 PM
# today" and "before the end of the day" are; "until today" is where it is given, as any "until")
_BEFORE = re.compile(r"before|prior|antes", re.I)


def _past_today(match: re.Match[str], written: tuple[time, ZoneInfo | None] | None) -> bool:
    return (
        written is None
        and bool(match.group("dtoday"))
        and bool(_BEFORE.match(match.groupdict().get("lead") or ""))
    )


def _range_start(
    scan: str, match: re.Match[str], g: _Grammar, local: datetime, language: str
) -> date | None:
    """ "photos from Feb 9 through Feb 12": the day a range of dates starts on, from which its
    end is counted (so a range of days gone by ends in the past, not next year)."""
    lead = match.groupdict().get("lead")
    if not lead or not g.until.fullmatch(lead):
        return None
    starts = [
        m
        for m in g.bare.finditer(scan, max(0, match.start() - 40), match.start())
        if not scan[m.end() : match.start()].strip()
    ]
    if not starts or not any(starts[-1].group(k) for k in _DATE_GROUPS):
        return None  # "Monday through Friday", "from today through ...": no calendar date
    return calendar_date(starts[-1], g.months, local.date(), language, nearest=True)


def find_stated_deadline(
    text: str, *, received: datetime, tz: ZoneInfo, language: str = "en"
) -> StatedDeadline | None:
    """The driver's deadline the notice states: the earliest one attached to a driver action."""
    scan = fold(text[:SCAN_LIMIT])
    g = _grammar()
    candidates = [
        c
        for c in find_candidates(text, received=received, tz=tz, language=language)
        if c.final or c.owned or is_drivers(g, scan, c)
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
