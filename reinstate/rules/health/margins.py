"""Margins: how far each measure is from a level, counted in the things a driver can act on.

Pure, no Django. For a level (a published threshold, or a watch level the driver set where the
platform publishes none) and one window of standing:

- how many more bad events (late arrivals, returned packages, late deliveries, DNR reports) the
  window can take before the measure crosses the level, if they all happened now;
- once crossed, how many clean blocks bring it back (in the 100-block window each new block
  pushes the oldest out; in the 30-day window older blocks also leave with time, which this
  count leaves out, so it is the most it can take);
- whether it will cross within the next few blocks at the current pace: the last blocks'
  average, repeated.

A higher-is-better measure crosses when it falls below the level; a lower-is-better one when it
rises above it. Being exactly at the level is not crossing. Counting is exact (fractions), so
9 on-time blocks out of 10 against a level of 90 % is at the level, not 1e-16 below it.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from reinstate.rules.health.standing import (
    COMPLETED,
    LAST_BLOCKS,
    METRICS_BY_KEY,
    WINDOW_100,
    Totals,
    WindowStanding,
    metric_value,
    parts,
)

# "The next few blocks": far enough ahead to act, near enough that the pace still holds.
HORIZON = 5
# The pace is the average of this many most recent counted blocks.
PACE_BLOCKS = 10
# Past this many clean blocks a recovery is not worth counting ("more than 200").
RECOVERY_CAP = 200

# What one bad event adds to (numerator, denominator) of each measure. Pay per hour has none.
BAD_EVENT: dict[str, tuple[int, int]] = {
    "reliability": (0, 1),  # a counted block that was not on time
    "delivery_completion": (0, 1),  # a package assigned and not delivered
    "on_time_delivery": (0, 1),  # a package delivered late: delivered + 1, on-time + 0
    "dnr_per_1000": (1000, 0),  # a DNR report on packages already delivered
}


@dataclass(frozen=True)
class Margin:
    metric: str
    window: str
    level: float
    value: float | None
    crossed: bool
    bad_events_left: int | None  # None: the measure has no bad event, no data, or no limit
    clean_blocks_to_recover: int | None  # set only when crossed; None: more than RECOVERY_CAP
    blocks_to_cross: int | None  # at the current pace, within HORIZON blocks; else None


def is_crossed(metric: str, value: float | Fraction | None, level: float | Fraction) -> bool:
    """Whether a value is on the wrong side of a level (never when there is no value yet)."""
    if value is None:
        return False
    if METRICS_BY_KEY[metric].better == "higher":
        return value < level
    return value > level


def exact_value(totals: Totals, metric: str) -> Fraction | None:
    numerator, denominator = parts(totals, metric)
    if denominator <= 0:
        return None
    return Fraction(numerator) / Fraction(denominator)


def exact_level(level: float) -> Fraction:
    """The level as the driver typed it: 0.9 is nine tenths, not the nearest binary float."""
    return Fraction(str(level))


def bad_events_left(totals: Totals, metric: str, level: float) -> int | None:
    """The most bad events the window can take now without crossing the level.

    0 means the next one crosses it. None when the measure has no bad event (pay per hour),
    no value yet, is already crossed, or no number of bad events can cross it.
    """
    if metric not in BAD_EVENT:
        return None
    numerator, denominator = (Fraction(v) for v in parts(totals, metric))
    if denominator <= 0:
        return None
    bound = exact_level(level)
    if is_crossed(metric, numerator / denominator, bound):
        return None
    d_num, d_den = BAD_EVENT[metric]
    # k bad events give (num + k d_num) / (den + k d_den); solve for the largest whole k that
    # keeps it on the right side: slope * k >= room (higher is better) or <= room (lower).
    slope = d_num - bound * d_den
    room = bound * denominator - numerator
    higher = METRICS_BY_KEY[metric].better == "higher"
    if (higher and slope >= 0) or (not higher and slope <= 0):
        return None
    return math.floor(room / slope)


def clean_block(window: WindowStanding) -> Totals:
    """A block with nothing wrong in it, the size of the window's average completed block."""
    sizes = [
        b.packages_delivered
        for b in window.blocks
        if b.status == COMPLETED and b.packages_delivered is not None
    ]
    packages = max(round(sum(sizes) / len(sizes)) if sizes else 0, 1)
    return Totals(
        counted=1,
        on_time=1,
        assigned=packages,
        delivered=packages,
        ot_delivered=packages,
        dnr_delivered=packages,
    )


def clean_blocks_to_recover(
    per_block: Sequence[Totals], metric: str, level: float, clean: Totals, capacity: int | None
) -> int | None:
    """How many clean blocks, added one by one, bring a crossed measure back to the level."""
    if metric not in BAD_EVENT:
        return None
    bound = exact_level(level)
    for step, total in ahead(per_block, clean, capacity, RECOVERY_CAP):
        if not is_crossed(metric, exact_value(total, metric), bound):
            return step
    return None


def ahead(
    per_block: Sequence[Totals], each: Totals, capacity: int | None, steps: int
) -> Iterator[tuple[int, Totals]]:
    """The window's totals after 1, 2, ... more blocks like ``each``; in the 100-block window
    each new block pushes the oldest out."""
    window = deque(per_block)
    total = sum(window, Totals())
    for step in range(1, steps + 1):
        total += each
        window.append(each)
        if capacity is not None and len(window) > capacity:
            total -= window.popleft()
        yield step, total


def pace(per_block: Sequence[Totals], blocks: int = PACE_BLOCKS) -> Totals | None:
    """The average of the most recent counted blocks: what the next block will likely add."""
    recent = [t for t in per_block if t.counted][-blocks:]
    if not recent:
        return None
    return sum(recent, Totals()).scaled(1 / len(recent))


def blocks_to_cross(
    per_block: Sequence[Totals],
    metric: str,
    level: float,
    capacity: int | None,
    horizon: int = HORIZON,
) -> int | None:
    """In how many blocks at the current pace the measure crosses the level (within horizon)."""
    step_totals = pace(per_block)
    if step_totals is None:
        return None
    for step, total in ahead(per_block, step_totals, capacity, horizon):
        if is_crossed(metric, metric_value(total, metric), level):
            return step
    return None


def margin(window: WindowStanding, metric: str, level: float) -> Margin:
    capacity = LAST_BLOCKS if window.key == WINDOW_100 else None
    per_block = window.per_block
    value = window.metrics[metric]
    crossed = is_crossed(metric, exact_value(window.totals, metric), exact_level(level))
    return Margin(
        metric=metric,
        window=window.key,
        level=level,
        value=value,
        crossed=crossed,
        bad_events_left=None if crossed else bad_events_left(window.totals, metric, level),
        clean_blocks_to_recover=(
            clean_blocks_to_recover(per_block, metric, level, clean_block(window), capacity)
            if crossed
            else None
        ),
        blocks_to_cross=None if crossed else blocks_to_cross(per_block, metric, level, capacity),
    )


@dataclass(frozen=True)
class EventMargin:
    """A published limit on events in a rolling window (Grubhub: 3 violations in 90 days)."""

    count: int
    limit: int
    left: int  # more events before the limit is reached; 0 means the next one reaches it
    reached: bool


def event_margin(count: int, limit: int) -> EventMargin:
    return EventMargin(
        count=count, limit=limit, left=max(limit - 1 - count, 0), reached=count >= limit
    )
