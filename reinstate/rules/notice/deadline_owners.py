"""Whose time it is: the half of the deadline grammar (deadline_grammar.py) that keeps a
deadline-shaped time only where it belongs to an action the driver takes.

Inside the time's clause, a phrase of the platform about itself ("we'll let you know our
decision within ...") claims it unless the driver is named after it; an incentive's terms
("earn an extra $50 when you complete 15 orders by Sunday") make it no deadline; otherwise the
nearest word before it decides (an action verb, or a consequence, past event or state), and
failing that the nearest after it ("you have 14 days to appeal"). The phrase lists are the
catalogue's [deadline] tables, compiled once for each notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reinstate.rules.notice.patterns import clause_bounds, literals_of

if TYPE_CHECKING:
    from reinstate.rules.notice.deadline_grammar import Candidate, _Grammar

# "prepared by Checkr, Inc. within 14 days": a company's abbreviation does not end the clause
_COMPANY = re.compile(r"(?<![A-Za-z])(?:inc|ltd|llc|corp|co)$", re.I)


# A sentence is a few hundred characters; a text with no full stop is read no further than this
# either side of a deadline, so that each of its many look-alikes is judged in bounded time.
_CLAUSE_REACH = 400


def clause(scan: str, start: int, end: int) -> tuple[int, int]:
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
class Owners:
    """The phrase lists that say whose time it is, compiled once for one notice (a notice may
    hold hundreds of look-alikes, each judged with these)."""

    driver: re.Pattern[str]
    platform_self: re.Pattern[str]
    not_deadline: re.Pattern[str]
    driver_subject: re.Pattern[str]
    unmet: re.Pattern[str]
    offer: re.Pattern[str]


@lru_cache(maxsize=8)
def owners(g: _Grammar, scan: str) -> Owners:
    found = literals_of(scan)
    lists = (g.driver, g.platform_self, g.not_deadline, g.driver_subject, g.unmet, g.offers)
    return Owners(*(lazy.pattern(found) or _NEVER for lazy in lists))


def _triggers_before(
    o: Owners, scan: str, lo: int, at: int, own: list[tuple[int, int]]
) -> list[tuple[int, bool]]:
    """The words in [lo, at) that say whose time it is, each with whether it is the driver's:
    an action verb or the driver's act left undone ("if we don't receive it"), or a consequence,
    past event or state. A verb inside a platform phrase (``own``) does not count."""
    before = [
        (m.end(), True)
        for m in o.driver.finditer(scan, lo, at)
        if not any(s <= m.start() < e for s, e in own)
    ]
    before += [(m.end(), True) for m in o.unmet.finditer(scan, lo, at)]
    before += [(m.end(), False) for m in o.not_deadline.finditer(scan, lo, at)]
    return before


def driver_acts_before(g: _Grammar, scan: str, candidate: Candidate) -> bool:
    """Whether the nearest trigger before the candidate, in its clause, is a driver action."""
    o = owners(g, scan)
    lo, _ = clause(scan, candidate.start, candidate.end)
    if o.platform_self.search(scan, lo, candidate.start):
        return False
    before = _triggers_before(o, scan, lo, candidate.start, [])
    return bool(before) and max(before)[1]


def given(g: _Grammar, scan: str, start: int, candidate: Candidate) -> bool:
    """Whether a time up "until" a date is the driver's to act in: "you have until Monday to
    reply", "upload it until Dec 3" (not "you won't receive offers until April 25")."""
    return bool(g.given.search(scan, max(0, start - 20), start)) or driver_acts_before(
        g, scan, candidate
    )


def _driver_turn(o: Owners, scan: str, start: int, end: int) -> bool:
    """Whether, after a comma in [start, end), the driver is told to act: "Before we decide,
    reply within 5 business days" (but not "we review it, and respond within 5 days")."""
    comma = scan.rfind(",", start, end)
    if comma < 0:
        return False
    at = comma + 1
    while at < end and scan[at].isspace():
        at += 1
    return bool(o.driver.match(scan, at, end) or o.driver_subject.match(scan, at, end))


def is_drivers(g: _Grammar, scan: str, candidate: Candidate) -> bool:
    """Whether the deadline belongs to an action the driver takes (see the module's doc)."""
    o = owners(g, scan)
    lo, hi = clause(scan, candidate.start, candidate.end)
    if o.offer.search(scan, lo, hi):
        return False
    own = [(m.start(), m.end()) for m in o.platform_self.finditer(scan, lo, candidate.start)]
    if own and not o.driver_subject.search(scan, own[-1][1], candidate.start):
        if not _driver_turn(o, scan, own[-1][1], candidate.start):
            return False
        own = []
    before = _triggers_before(o, scan, lo, candidate.start, own)
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
