"""What an organisation's cases came to: counts and rates from plain rows (issue 13, outcomes).

Pure: no Django, no database. compose/org_stats.py reads one plain row per case (`CaseFacts`)
and this module counts them by platform, reason, stage, outcome and month of the notice, with
the reinstatement rate and the median days from the notice to the platform's decision.

- A case's stage here is coarse, what the database knows without reading each appeal:
  preparing (open, nothing sent yet), sent, decided (a decision recorded), closed.
- Its outcome: reinstated, partial, denied, other (closed without an answer, or other), or
  pending (no answer yet; a recorded "no answer by now" is still pending).
- The reinstatement rate is reinstated / cases with an outcome (pending ones are left out).
- Small numbers may point at one driver, so what leaves the organisation (the CSV) shows a
  count from 1 to SMALL - 1 as "<5", and leaves out a rate or a median that would give such a
  count away (`shown_count`, `rate_is_safe`, `median_is_safe`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

STAGES = ("preparing", "sent", "decided", "closed")
OUTCOMES = ("reinstated", "partial", "denied", "other", "pending")
ANSWERED = ("reinstated", "partial", "denied", "other")
GROUPS = ("platform", "reason", "stage", "outcome", "month")
SMALL = 5  # counts below this are hidden in the export


@dataclass(frozen=True)
class CaseFacts:
    """One case, as plain values (no names, no references, no text)."""

    platform: str  # catalogue key, "" when the notice did not name one
    reason: str  # catalogue key, "" when it gave none
    stage: str  # one of STAGES
    outcome: str  # one of OUTCOMES
    notice_day: date  # the day the notice arrived, in the case's time zone
    decided_on: date | None = None  # the platform's first answer, if known

    @property
    def month(self) -> str:
        return f"{self.notice_day:%Y-%m}"

    @property
    def days_to_decision(self) -> int | None:
        if self.decided_on is None:
            return None
        return max(0, (self.decided_on - self.notice_day).days)


@dataclass(frozen=True)
class Tally:
    """The cases of one group (one platform, one month...)."""

    key: str
    cases: int
    answered: int  # with an outcome: reinstated, partial, denied or other
    reinstated: int
    days: tuple[int, ...]  # days from notice to decision, of the cases that have them

    @property
    def rate(self) -> float | None:
        """Reinstated among the cases with an outcome; None before any outcome."""
        return self.reinstated / self.answered if self.answered else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def timed(self) -> int:
        return len(self.days)


@dataclass(frozen=True)
class Outcomes:
    since: date | None
    until: date | None
    total: Tally
    groups: dict[str, tuple[Tally, ...]]  # GROUPS → its tallies, in a fixed order

    def group(self, name: str) -> tuple[Tally, ...]:
        return self.groups[name]


def classify_stage(*, closed: bool, decided: bool, sent: bool) -> str:
    if closed:
        return "closed"
    if decided:
        return "decided"
    return "sent" if sent else "preparing"


def classify_outcome(*, closed: bool, case_outcome: str, latest_decision: str | None) -> str:
    """From the case's own outcome (set when it was closed) or else its latest decision."""
    if closed:
        return case_outcome if case_outcome in ("reinstated", "denied") else "other"
    return {"granted": "reinstated", "partial": "partial", "denied": "denied"}.get(
        latest_decision or "", "pending"
    )


def months_between(first: date, last: date) -> list[str]:
    """Every month from first's to last's, as "YYYY-MM" (empty when last is before first)."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _tally(key: str, rows: Sequence[CaseFacts]) -> Tally:
    days = tuple(sorted(d for r in rows if (d := r.days_to_decision) is not None))
    return Tally(
        key=key,
        cases=len(rows),
        answered=sum(1 for r in rows if r.outcome in ANSWERED),
        reinstated=sum(1 for r in rows if r.outcome == "reinstated"),
        days=days,
    )


def outcomes_of(
    facts: Iterable[CaseFacts], *, since: date | None = None, until: date | None = None
) -> Outcomes:
    """Counted by each group. Stages and outcomes always list every value (zeros too), months
    every month of the range (of the cases' months when a bound is open); platforms and
    reasons the ones present, most cases first."""
    rows = [f for f in facts if (since is None or f.notice_day >= since)]
    rows = [f for f in rows if until is None or f.notice_day <= until]
    by: dict[str, dict[str, list[CaseFacts]]] = {name: defaultdict(list) for name in GROUPS}
    for row in rows:
        for name in GROUPS:
            by[name][getattr(row, name)].append(row)
    days = [r.notice_day for r in rows]
    first = since or (min(days) if days else None)
    last = until or (max(days) if days else None)
    months = months_between(first, last) if first and last else []
    fixed = {"stage": STAGES, "outcome": OUTCOMES, "month": tuple(months)}
    groups: dict[str, tuple[Tally, ...]] = {}
    for name in GROUPS:
        found = by[name]
        keys = list(fixed[name]) if name in fixed else sorted(found, key=_most_first(found))
        groups[name] = tuple(_tally(key, found.get(key, [])) for key in keys)
    return Outcomes(since, until, _tally("", rows), groups)


def _most_first(found: dict[str, list[CaseFacts]]) -> Callable[[str], tuple[int, bool, str]]:
    """Most cases first; the cases with no platform or no reason named last of their count."""
    return lambda key: (-len(found[key]), key == "", key)


def shown_count(count: int) -> str:
    """A count as the export shows it: 0, "<5" for 1 to 4, else the number."""
    return f"<{SMALL}" if 0 < count < SMALL else str(count)


def _small(count: int) -> bool:
    return 0 < count < SMALL


def rate_is_safe(tally: Tally) -> bool:
    """A rate gives its counts away: only when neither the reinstated nor the others are few
    (and there are enough cases with an outcome to say anything)."""
    return (
        tally.answered >= SMALL
        and not _small(tally.reinstated)
        and not _small(tally.answered - tally.reinstated)
    )


def median_is_safe(tally: Tally) -> bool:
    return tally.timed >= SMALL
