"""Standing from a driver's own block records: the numbers behind the platform's tier.

Pure, no Django; ``as_of`` is passed in. The formulas are Reinstate's own estimates of the
Amazon Flex measures (Amazon publishes neither formulas nor thresholds), written from the
issue's definitions:

- counted blocks: status completed, late_forfeit or no_show;
- reliability: completed blocks checked in at most 5 minutes after the start / counted blocks;
- delivery completion: packages delivered / packages assigned, over completed blocks;
- on-time delivery: 1 - late deliveries / packages delivered, over completed blocks;
- DNR per 1000: 1000 x DNR reports / packages delivered, over completed blocks;
- pay per hour: (earnings + tips) / hours of completed blocks.

Two windows, a block belonging to one by its start: the 30 x 24 hours up to and including
``as_of`` (elapsed hours, so a daylight-saving change neither stretches nor shrinks it), and the
last 100 counted blocks that started at or before ``as_of``. A count a record leaves empty is
unknown, not zero: that block is left out of the measures that need it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Literal, NamedTuple

from reinstate.lib.i18n import _, gettext_noop, ngettext

COMPLETED = "completed"
LATE_FORFEIT = "late_forfeit"
EARLY_FORFEIT = "early_forfeit"
NO_SHOW = "no_show"
CANCELLED_BY_PLATFORM = "cancelled_by_platform"
STATUSES = (COMPLETED, LATE_FORFEIT, EARLY_FORFEIT, NO_SHOW, CANCELLED_BY_PLATFORM)
# English, kept as the choices' labels; shown through _() (the app's gettext).
STATUS_TITLES = {
    COMPLETED: gettext_noop("Completed"),
    LATE_FORFEIT: gettext_noop("Forfeited late"),
    EARLY_FORFEIT: gettext_noop("Forfeited early"),
    NO_SHOW: gettext_noop("No-show"),
    CANCELLED_BY_PLATFORM: gettext_noop("Cancelled by the platform"),
}
COUNTED = frozenset({COMPLETED, LATE_FORFEIT, NO_SHOW})

ON_TIME_GRACE = timedelta(minutes=5)
GRACE_SECONDS = ON_TIME_GRACE.total_seconds()
DAYS_WINDOW = timedelta(hours=30 * 24)
LAST_BLOCKS = 100
WINDOW_30D = "30d"
WINDOW_100 = "100_blocks"
WINDOWS = (WINDOW_30D, WINDOW_100)
WINDOW_TITLES = {
    WINDOW_30D: gettext_noop("Last 30 days"),
    WINDOW_100: gettext_noop("Last 100 counted blocks"),
}

Better = Literal["higher", "lower"]
Unit = Literal["fraction", "per_1000", "money_per_hour"]


class BlockRecord(NamedTuple):
    """One block as the driver recorded it. Times are aware; counts None when not recorded.

    A named tuple, not a dataclass: an import builds 100,000 of them and this is the fastest.
    """

    block_start: datetime
    block_end: datetime
    arrived_at: datetime | None
    status: str
    packages_assigned: int | None = None
    packages_delivered: int | None = None
    packages_returned: int | None = None
    late_deliveries: int | None = None
    dnr_reports: int | None = None
    earnings: float | None = None
    tips: float | None = None
    miles: float | None = None

    @property
    def hours(self) -> float:
        """Elapsed hours, so a block over a clock change is as long as it really was.

        (Subtracting two times of one zone object gives wall-clock hours, hence timestamps.)
        """
        return (self.block_end.timestamp() - self.block_start.timestamp()) / 3600

    @property
    def pay(self) -> float | None:
        """Earnings plus tips; tips left empty count as none, earnings left empty as unknown."""
        if self.earnings is None:
            return None
        return self.earnings + (self.tips or 0.0)

    @property
    def on_time(self) -> bool:
        return (
            self.status == COMPLETED
            and self.arrived_at is not None
            and self.arrived_at.timestamp() <= self.block_start.timestamp() + GRACE_SECONDS
        )


_START = itemgetter(0)  # a record's block_start, read in C: windows over 100,000 blocks


@dataclass(frozen=True, slots=True)
class Totals:
    """The sums the formulas divide; each measure has its own denominator (see module doc).

    Sums of whole blocks are whole numbers; an average block (a window scaled down) is not.
    """

    counted: float = 0
    on_time: float = 0
    assigned: float = 0  # completed blocks that record both assigned and delivered
    delivered: float = 0
    ot_delivered: float = 0  # completed blocks that record late deliveries and delivered
    late: float = 0
    dnr_delivered: float = 0  # completed blocks that record DNR reports and delivered
    dnr: float = 0
    pay: float = 0  # completed blocks that record earnings
    hours: float = 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))

    def __sub__(self, other: Totals) -> Totals:
        return Totals(*(a - b for a, b in zip(self.values(), other.values(), strict=True)))

    def scaled(self, factor: float) -> Totals:
        return Totals(*(value * factor for value in self.values()))

    def values(self) -> tuple[float, ...]:
        return (
            self.counted,
            self.on_time,
            self.assigned,
            self.delivered,
            self.ot_delivered,
            self.late,
            self.dnr_delivered,
            self.dnr,
            self.pay,
            self.hours,
        )


def block_totals(block: BlockRecord) -> Totals:
    """What one block adds to each sum."""
    if block.status != COMPLETED:
        return Totals(counted=int(block.status in COUNTED))
    assigned, delivered = block.packages_assigned, block.packages_delivered
    late, dnr, pay = block.late_deliveries, block.dnr_reports, block.pay
    known = delivered is not None
    return Totals(
        counted=1,
        on_time=int(block.on_time),
        assigned=assigned if known and assigned is not None else 0,
        delivered=delivered if delivered is not None and assigned is not None else 0,
        ot_delivered=delivered if delivered is not None and late is not None else 0,
        late=late if known and late is not None else 0,
        dnr_delivered=delivered if delivered is not None and dnr is not None else 0,
        dnr=dnr if known and dnr is not None else 0,
        pay=pay if pay is not None else 0,
        hours=block.hours if pay is not None else 0,
    )


@dataclass(frozen=True)
class MetricInfo:
    key: str
    title: str
    formula: str
    better: Better
    unit: Unit
    bad_event: str | None  # one more of which makes it worse, for margins: "late arrival"
    bad_events: str | None  # the plural
    clean_block: str  # a block that brings it back
    clean_blocks: str


METRICS: tuple[MetricInfo, ...] = (
    MetricInfo(
        key="reliability",
        title=gettext_noop("Reliability"),
        formula=gettext_noop(
            "completed blocks where you checked in at most 5 minutes after the start, divided "
            "by counted blocks (completed, forfeited late, or no-show)"
        ),
        better="higher",
        unit="fraction",
        bad_event="late arrival, late forfeit or no-show",
        bad_events="late arrivals, late forfeits or no-shows",
        clean_block="block you start on time",
        clean_blocks="blocks you start on time",
    ),
    MetricInfo(
        key="delivery_completion",
        title=gettext_noop("Delivery completion"),
        formula=gettext_noop(
            "packages delivered divided by packages assigned, over completed blocks"
        ),
        better="higher",
        unit="fraction",
        bad_event="returned package",
        bad_events="returned packages",
        clean_block="block with every package delivered",
        clean_blocks="blocks with every package delivered",
    ),
    MetricInfo(
        key="on_time_delivery",
        title=gettext_noop("On-time delivery"),
        formula=gettext_noop(
            "1 minus late deliveries divided by packages delivered, over completed blocks"
        ),
        better="higher",
        unit="fraction",
        bad_event="late delivery",
        bad_events="late deliveries",
        clean_block="block with every delivery on time",
        clean_blocks="blocks with every delivery on time",
    ),
    MetricInfo(
        key="dnr_per_1000",
        title=gettext_noop("DNR per 1000 packages"),
        formula=gettext_noop(
            "1000 times 'delivered, not received' (DNR) reports divided by packages delivered, "
            "over completed blocks"
        ),
        better="lower",
        unit="per_1000",
        bad_event="DNR report",
        bad_events="DNR reports",
        clean_block="block with no DNR report",
        clean_blocks="blocks with no DNR report",
    ),
    MetricInfo(
        key="pay_per_hour",
        title=gettext_noop("Pay per hour"),
        formula=gettext_noop("earnings plus tips divided by the hours of completed blocks"),
        better="higher",
        unit="money_per_hour",
        bad_event=None,
        bad_events=None,
        clean_block="block at your usual pay",
        clean_blocks="blocks at your usual pay",
    ),
)
METRIC_KEYS = tuple(m.key for m in METRICS)


def more_bad_events(key: str, number: int) -> str:
    """'1 more late delivery', '3 more late deliveries', in the reader's language."""
    phrases = {
        "reliability": ngettext(
            "%(count)s more late arrival, late forfeit or no-show",
            "%(count)s more late arrivals, late forfeits or no-shows",
            number,
        ),
        "delivery_completion": ngettext(
            "%(count)s more returned package", "%(count)s more returned packages", number
        ),
        "on_time_delivery": ngettext(
            "%(count)s more late delivery", "%(count)s more late deliveries", number
        ),
        "dnr_per_1000": ngettext("%(count)s more DNR report", "%(count)s more DNR reports", number),
    }
    return phrases[key] % {"count": number}


def next_bad_event(key: str) -> str:
    """'the next late delivery': the one bad event that would cross the level."""
    phrases = {
        "reliability": _("the next late arrival, late forfeit or no-show"),
        "delivery_completion": _("the next returned package"),
        "on_time_delivery": _("the next late delivery"),
        "dnr_per_1000": _("the next DNR report"),
    }
    return phrases[key]


def clean_blocks(key: str, number: int) -> str:
    """'1 block you start on time', '3 blocks with no DNR report', in the reader's language."""
    phrases = {
        "reliability": ngettext(
            "%(count)s block you start on time", "%(count)s blocks you start on time", number
        ),
        "delivery_completion": ngettext(
            "%(count)s block with every package delivered",
            "%(count)s blocks with every package delivered",
            number,
        ),
        "on_time_delivery": ngettext(
            "%(count)s block with every delivery on time",
            "%(count)s blocks with every delivery on time",
            number,
        ),
        "dnr_per_1000": ngettext(
            "%(count)s block with no DNR report", "%(count)s blocks with no DNR report", number
        ),
        "pay_per_hour": ngettext(
            "%(count)s block at your usual pay", "%(count)s blocks at your usual pay", number
        ),
    }
    return phrases[key] % {"count": number}


def blocks(number: int) -> str:
    """'1 block', '3 blocks'."""
    return ngettext("%(count)s block", "%(count)s blocks", number) % {"count": number}


METRICS_BY_KEY = {m.key: m for m in METRICS}


def parts(totals: Totals, key: str) -> tuple[float, float]:
    """(numerator, denominator) of a measure: one definition for the float and exact forms."""
    if key == "reliability":
        return totals.on_time, totals.counted
    if key == "delivery_completion":
        return totals.delivered, totals.assigned
    if key == "on_time_delivery":
        return totals.ot_delivered - totals.late, totals.ot_delivered
    if key == "dnr_per_1000":
        return 1000 * totals.dnr, totals.dnr_delivered
    if key == "pay_per_hour":
        return totals.pay, totals.hours
    raise KeyError(f"no metric {key!r}")


def metric_value(totals: Totals, key: str) -> float | None:
    """The measure, or None when its denominator is 0 (nothing to measure yet)."""
    numerator, denominator = parts(totals, key)
    if denominator <= 0:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class WindowStanding:
    key: str
    blocks: tuple[BlockRecord, ...]  # oldest first
    totals: Totals
    metrics: dict[str, float | None] = field(default_factory=dict)

    @property
    def counted(self) -> int:
        return int(self.totals.counted)

    @property
    def per_block(self) -> tuple[Totals, ...]:
        return tuple(block_totals(b) for b in self.blocks)


@dataclass(frozen=True)
class Standing:
    as_of: datetime
    windows: dict[str, WindowStanding]


def window_30d(blocks: Iterable[BlockRecord], as_of: datetime) -> list[BlockRecord]:
    """Blocks that started in the 30 x 24 hours up to and including ``as_of``, oldest first."""
    as_of = as_of.astimezone(UTC)  # arithmetic in a zone with clock changes would be wall-clock
    since = as_of - DAYS_WINDOW
    chosen = [b for b in blocks if since < b.block_start <= as_of]
    chosen.sort(key=_START)
    return chosen


def window_last(
    blocks: Iterable[BlockRecord], as_of: datetime, count: int = LAST_BLOCKS
) -> list[BlockRecord]:
    """The last ``count`` counted blocks that started at or before ``as_of``, oldest first."""
    as_of = as_of.astimezone(UTC)
    eligible = (b for b in blocks if b.status in COUNTED and b.block_start <= as_of)
    return sorted(heapq.nlargest(count, eligible, key=_START), key=_START)


def summarise(key: str, blocks: Sequence[BlockRecord]) -> WindowStanding:
    totals = sum((block_totals(b) for b in blocks), Totals())
    return WindowStanding(
        key=key,
        blocks=tuple(blocks),
        totals=totals,
        metrics={k: metric_value(totals, k) for k in METRIC_KEYS},
    )


def standing(blocks: Iterable[BlockRecord], *, as_of: datetime) -> Standing:
    if as_of.tzinfo is None:
        raise ValueError("as_of must be timezone-aware")
    as_of = as_of.astimezone(UTC)  # records are in UTC; one zone object compares quickly
    records = blocks if isinstance(blocks, Sequence) else list(blocks)
    return Standing(
        as_of=as_of,
        windows={
            WINDOW_30D: summarise(WINDOW_30D, window_30d(records, as_of)),
            WINDOW_100: summarise(WINDOW_100, window_last(records, as_of)),
        },
    )


def metric_series(
    blocks: Sequence[BlockRecord], key: str, *, ends: Sequence[datetime], window: str = WINDOW_30D
) -> list[tuple[datetime, float | None]]:
    """The measure as it stood at each of ``ends``: the points of a chart."""
    pick = window_30d if window == WINDOW_30D else window_last
    points = []
    for end in ends:
        totals = sum((block_totals(b) for b in pick(blocks, end)), Totals())
        points.append((end, metric_value(totals, key)))
    return points
