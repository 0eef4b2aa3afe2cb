"""Unusual pay by median and MAD, a sudden drop in blocks, payment-details changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reinstate.rules.health.anomalies import (
    blocks_drop,
    mad,
    median,
    recent_payment_changes,
    robust_z,
    unusual_pay,
)
from reinstate.rules.health.standing import BlockRecord

AS_OF = datetime(2026, 6, 30, 12, tzinfo=UTC)


def paid(days_ago: float, pay: float, hours: float = 3, status: str = "completed") -> BlockRecord:
    start = AS_OF - timedelta(days=days_ago)
    return BlockRecord(
        block_start=start,
        block_end=start + timedelta(hours=hours),
        arrived_at=start,
        status=status,
        earnings=pay,
    )


def test_median_and_mad_by_hand():
    values = [1.0, 2.0, 3.0, 4.0, 100.0]
    assert median(values) == 3
    assert mad(values) == 1  # deviations 2, 1, 0, 1, 97
    assert robust_z(100, values) == pytest.approx(0.6745 * 97)
    with pytest.raises(ValueError):
        median([])


def usual(count: int = 20) -> list[BlockRecord]:
    # $75 to $85 a block, 3 hours, spread over the 90 days before the last week.
    return [paid(10 + i * 3, 75 + (i % 11)) for i in range(count)]


def test_a_block_paid_far_below_the_usual_is_flagged_and_a_normal_one_is_not():
    found = unusual_pay([*usual(), paid(1, 20.0), paid(2, 82.0)], as_of=AS_OF)
    assert [(a.measure, a.direction, round(a.value, 2)) for a in found] == [
        ("pay per block", "low", 20.0),
        ("pay per hour", "low", 6.67),
    ]
    assert found[0].usual == 79.5  # 75..85 then 75..83: the 10th and 11th of 20 are 79 and 80


def test_when_all_blocks_pay_the_same_only_a_real_difference_is_flagged():
    same = [paid(10 + i, 80.0) for i in range(12)]
    assert unusual_pay([*same, paid(1, 78.0)], as_of=AS_OF) == []
    assert len(unusual_pay([*same, paid(1, 50.0)], as_of=AS_OF)) == 2


def test_too_little_history_flags_nothing():
    assert unusual_pay([*usual(9), paid(1, 5.0)], as_of=AS_OF) == []


def weekly(counts: list[int]) -> list[BlockRecord]:
    """counts[0] blocks in the last 7 days, counts[1] in the week before, and so on."""
    return [
        paid(week * 7 + 0.5 + i * 0.5, 80.0)
        for week, count in enumerate(counts)
        for i in range(count)
    ]


def test_a_sudden_drop_in_blocks_is_flagged():
    drop = blocks_drop(weekly([2] + [10] * 8), as_of=AS_OF)
    assert drop is not None and (drop.last_week, drop.usual_per_week) == (2, 10)
    assert blocks_drop(weekly([6] + [10] * 8), as_of=AS_OF) is None
    assert blocks_drop(weekly([0] + [2] * 8), as_of=AS_OF) is None  # too few to call a drop
    # Early forfeits are not blocks worked.
    forfeits = [b._replace(status="early_forfeit") for b in weekly([0] + [10] * 8)]
    assert blocks_drop(forfeits, as_of=AS_OF) is None


def test_payment_changes_of_the_last_30_days():
    changes = [AS_OF - timedelta(days=31), AS_OF - timedelta(days=2), AS_OF + timedelta(days=1)]
    assert recent_payment_changes(changes, as_of=AS_OF) == [changes[1]]
