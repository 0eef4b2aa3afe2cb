"""Anomalies: pay far from the driver's usual, a sudden drop in blocks, a payment-details change.

Pure, no Django; ``as_of`` is passed in. "Usual" is measured robustly, with the median and the
median absolute deviation (MAD), so one great or awful block does not move it. A value is
unusual when its modified z-score, 0.6745 x (value - median) / MAD, is beyond 3.5 (Iglewicz
and Hoaglin's rule of thumb). When most blocks pay the same, the MAD is 0 and every small
difference would be "infinitely" unusual, so the spread is never taken below 5 % of the median.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from reinstate.rules.health.standing import COMPLETED, COUNTED, BlockRecord

Z_LIMIT = 3.5
Z_SCALE = 0.6745  # makes the MAD comparable with a standard deviation for normal data
MIN_SPREAD = 0.05  # of the median
MIN_USUAL = 10  # blocks needed before "usual" means anything
RECENT = timedelta(days=7)
USUAL_SPAN = timedelta(days=90)
DROP_WEEKS = 8
DROP_FACTOR = 0.5  # a week with fewer than half the usual blocks
DROP_MIN_USUAL = 3  # a driver who usually works fewer blocks a week has no "drop" to see
PAYMENT_CHANGE_SPAN = timedelta(days=30)


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of nothing")
    return float(statistics.median(values))


def mad(values: Sequence[float]) -> float:
    """Median absolute deviation from the median."""
    centre = median(values)
    return median([abs(v - centre) for v in values])


def robust_z(value: float, values: Sequence[float]) -> float:
    return _z(value, *_centre_and_spread(values))


def _centre_and_spread(values: Sequence[float]) -> tuple[float, float]:
    centre = median(values)
    return centre, max(mad(values), MIN_SPREAD * abs(centre))


def _z(value: float, centre: float, spread: float) -> float:
    return 0.0 if spread == 0 else Z_SCALE * (value - centre) / spread


PayMeasure = Literal["pay per block", "pay per hour"]


@dataclass(frozen=True)
class PayAnomaly:
    block_start: datetime
    measure: PayMeasure
    value: float
    usual: float
    direction: Literal["low", "high"]


def _pay_points(blocks: Iterable[BlockRecord]) -> list[tuple[datetime, float, float | None]]:
    """(start, pay, pay per hour) of completed blocks that record earnings."""
    points = []
    for b in blocks:
        pay = b.pay
        if b.status == COMPLETED and pay is not None:
            points.append((b.block_start, pay, pay / b.hours if b.hours > 0 else None))
    return points


def unusual_pay(blocks: Iterable[BlockRecord], *, as_of: datetime) -> list[PayAnomaly]:
    """Blocks of the last 7 days whose pay is far from the 90 days before them."""
    as_of = as_of.astimezone(UTC)  # elapsed time, not wall-clock time, across clock changes
    points = _pay_points(blocks)
    recent_since = as_of - RECENT
    usual_since = recent_since - USUAL_SPAN
    usual = [p for p in points if usual_since < p[0] <= recent_since]
    recent = sorted(p for p in points if recent_since < p[0] <= as_of)
    if len(usual) < MIN_USUAL:
        return []
    per_block = [p[1] for p in usual]
    per_hour = [p[2] for p in usual if p[2] is not None]
    # The baselines are the same for every recent block: their median and spread once each
    # (an import of a year of blocks checks this at its end, inside the request).
    baselines: dict[PayMeasure, tuple[float, float] | None] = {
        "pay per block": _centre_and_spread(per_block),
        "pay per hour": _centre_and_spread(per_hour) if len(per_hour) >= MIN_USUAL else None,
    }
    found = []
    for start, pay, hourly in recent:
        values: tuple[tuple[PayMeasure, float | None], ...] = (
            ("pay per block", pay),
            ("pay per hour", hourly),
        )
        for measure, value in values:
            baseline = baselines[measure]
            if value is None or baseline is None:
                continue
            z = _z(value, *baseline)
            if abs(z) > Z_LIMIT:
                found.append(
                    PayAnomaly(
                        block_start=start,
                        measure=measure,
                        value=value,
                        usual=baseline[0],
                        direction="low" if z < 0 else "high",
                    )
                )
    return found


@dataclass(frozen=True)
class BlocksDrop:
    last_week: int
    usual_per_week: float


def blocks_drop(blocks: Iterable[BlockRecord], *, as_of: datetime) -> BlocksDrop | None:
    """Fewer than half the usual counted blocks in the last 7 days, against the 8 weeks before.

    Fewer offers can be the first sign of a standing problem, before any email says so.
    """
    as_of = as_of.astimezone(UTC)
    starts = [b.block_start for b in blocks if b.status in COUNTED and b.block_start <= as_of]
    weeks = [0] * (DROP_WEEKS + 1)  # index 0: the last 7 days
    for start in starts:
        index = int((as_of - start) / RECENT)
        if 0 <= index <= DROP_WEEKS:
            weeks[index] += 1
    usual = median(weeks[1:])
    if usual < DROP_MIN_USUAL or weeks[0] >= usual * DROP_FACTOR:
        return None
    return BlocksDrop(last_week=weeks[0], usual_per_week=usual)


def recent_payment_changes(changes: Iterable[datetime], *, as_of: datetime) -> list[datetime]:
    """Payment-details changes recorded in the last 30 days: an account takeover starts so."""
    as_of = as_of.astimezone(UTC)
    return sorted(c for c in changes if as_of - PAYMENT_CHANGE_SPAN < c <= as_of)
