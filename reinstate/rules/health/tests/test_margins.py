"""Margins worked out by hand: bad events left, clean blocks to recover, the pace ahead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reinstate.rules.health.margins import (
    bad_events_left,
    blocks_to_cross,
    event_margin,
    is_crossed,
    margin,
)
from reinstate.rules.health.standing import (
    WINDOW_30D,
    WINDOW_100,
    BlockRecord,
    Totals,
    standing,
)

AS_OF = datetime(2026, 6, 30, 12, tzinfo=UTC)


def blocks(on_time: list[bool], *, delivered: int = 20) -> list[BlockRecord]:
    """Completed blocks an hour apart, ending before AS_OF, oldest first."""
    first = AS_OF - timedelta(hours=len(on_time) + 1)
    records = []
    for i, good in enumerate(on_time):
        start = first + timedelta(hours=i)
        records.append(
            BlockRecord(
                block_start=start,
                block_end=start + timedelta(minutes=50),
                arrived_at=start + timedelta(minutes=-5 if good else 15),
                status="completed",
                packages_assigned=delivered,
                packages_delivered=delivered,
                late_deliveries=0,
                dnr_reports=0,
                earnings=30.0,
            )
        )
    return records


def test_exactly_at_the_level_is_not_crossed():
    assert not is_crossed("reliability", 0.9, 0.9)
    assert is_crossed("reliability", 0.89, 0.9)
    assert not is_crossed("dnr_per_1000", 4.0, 4.0)
    assert is_crossed("dnr_per_1000", 4.1, 4.0)
    assert not is_crossed("reliability", None, 0.9)


@pytest.mark.parametrize(
    ("totals", "metric", "level", "left"),
    [
        # 9 on time of 10 against 90 %: at the level; the next late arrival crosses it.
        (Totals(counted=10, on_time=9), "reliability", 0.9, 0),
        # Against 80 %: 9/11 = 0.82 holds, 9/12 = 0.75 does not.
        (Totals(counted=10, on_time=9), "reliability", 0.8, 1),
        # 95 of 100 packages against 90 %: 95/105 holds, 95/106 does not.
        (Totals(assigned=100, delivered=95), "delivery_completion", 0.9, 5),
        # 5 late of 100 delivered against 90 %: 95/105 on time holds, 95/106 does not.
        (Totals(ot_delivered=100, late=5), "on_time_delivery", 0.9, 5),
        # 1 DNR in 500 against 4 per 1000: 2 in 500 is exactly 4, 3 is 6.
        (Totals(dnr_delivered=500, dnr=1), "dnr_per_1000", 4.0, 1),
        # A DNR level of 0 is crossed by the first report.
        (Totals(dnr_delivered=500), "dnr_per_1000", 0.0, 0),
    ],
)
def test_bad_events_left_by_hand(totals: Totals, metric: str, level: float, left: int):
    assert bad_events_left(totals, metric, level) == left


def test_no_count_for_pay_already_crossed_or_no_data():
    assert bad_events_left(Totals(pay=100, hours=5), "pay_per_hour", 15) is None
    assert bad_events_left(Totals(counted=10, on_time=5), "reliability", 0.9) is None
    assert bad_events_left(Totals(), "reliability", 0.9) is None
    # A level of 0 can never be crossed by late arrivals.
    assert bad_events_left(Totals(counted=4, on_time=2), "reliability", 0.0) is None


def test_clean_blocks_push_the_oldest_out_of_the_100_block_window():
    # 100 counted blocks, the 20 oldest late: 80 %. Against 90 %, 10 clean blocks push out
    # 10 late ones: 90/100. In the 30 days nothing leaves: (80 + k) / (100 + k) >= 0.9 at 100.
    result = standing(blocks([False] * 20 + [True] * 80), as_of=AS_OF)
    in_100 = margin(result.windows[WINDOW_100], "reliability", 0.9)
    in_30d = margin(result.windows[WINDOW_30D], "reliability", 0.9)
    assert in_100.crossed and in_100.clean_blocks_to_recover == 10
    assert in_30d.crossed and in_30d.clean_blocks_to_recover == 100
    assert in_100.bad_events_left is None and in_100.blocks_to_cross is None


def test_the_pace_of_the_last_10_blocks_says_when_it_crosses():
    # 30 blocks, 27 on time (90 %); the last 10 have 3 late (pace: 0.7 on time a block).
    # After n more: (27 + 0.7 n) / (30 + n) < 0.88 first at n = 4, < 0.89 at n = 2, and
    # < 0.85 only at n = 11, beyond the 5 blocks looked at.
    pattern = [True] * 20 + [True, False, True, True, False, True, True, False, True, True]
    window = standing(blocks(pattern), as_of=AS_OF).windows[WINDOW_30D]
    per_block = window.per_block
    assert blocks_to_cross(per_block, "reliability", 0.88, capacity=None) == 4
    assert blocks_to_cross(per_block, "reliability", 0.89, capacity=None) == 2
    assert blocks_to_cross(per_block, "reliability", 0.85, capacity=None) is None
    found = margin(window, "reliability", 0.88)
    # 27/30.68: one more late arrival now (27/31 = 0.871) crosses it.
    assert not found.crossed and found.bad_events_left == 0 and found.blocks_to_cross == 4


def test_a_returned_package_is_the_bad_event_of_delivery_completion():
    records = blocks([True] * 10, delivered=10)
    records[-1] = records[-1]._replace(packages_assigned=12)  # 100 of 102
    window = standing(records, as_of=AS_OF).windows[WINDOW_30D]
    found = margin(window, "delivery_completion", 0.97)
    # 100/103 = 0.9709 holds, 100/104 = 0.9615 does not.
    assert found.bad_events_left == 1


def test_published_event_limits():
    assert event_margin(0, 3).left == 2
    assert event_margin(2, 3).left == 0 and not event_margin(2, 3).reached
    assert event_margin(3, 3).reached and event_margin(3, 3).left == 0
