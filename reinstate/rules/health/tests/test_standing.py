"""Standing formulas against cases worked out by hand: windows, edges, midnight, clock changes."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.health.standing import (
    WINDOW_30D,
    WINDOW_100,
    BlockRecord,
    metric_series,
    standing,
)

LA = ZoneInfo("America/Los_Angeles")


def at(text: str) -> datetime:
    """A wall-clock time in Los Angeles."""
    return datetime.fromisoformat(text).replace(tzinfo=LA)


def block(
    start: str,
    hours: float = 3,
    *,
    status: str = "completed",
    late_by: float | None = -10,
    assigned: int | None = 30,
    delivered: int | None = 30,
    late: int | None = 0,
    dnr: int | None = 0,
    earnings: float | None = 60.0,
    tips: float | None = 0.0,
) -> BlockRecord:
    begin = at(start)
    return BlockRecord(
        block_start=begin,
        block_end=begin + timedelta(hours=hours),
        arrived_at=None if late_by is None else begin + timedelta(minutes=late_by),
        status=status,
        packages_assigned=assigned,
        packages_delivered=delivered,
        packages_returned=None,
        late_deliveries=late,
        dnr_reports=dnr,
        earnings=earnings,
        tips=tips,
    )


def test_it_works_out_each_measure_by_hand():
    blocks = [
        # On time (10 minutes early): 30 assigned, 29 delivered, 1 late, 1 DNR, $60 + $10, 3 h.
        block("2026-01-05 08:00", delivered=29, late=1, dnr=1, tips=10.0),
        # Checked in 6 minutes after the start: completed but late. 20/20, $50, 2 h.
        block("2026-01-06 08:00", hours=2, late_by=6, assigned=20, delivered=20, earnings=50.0),
        block("2026-01-07 08:00", status="late_forfeit", late_by=None),
        block("2026-01-08 08:00", status="no_show", late_by=None),
        block("2026-01-09 08:00", status="early_forfeit", late_by=None),  # not counted
        block("2026-01-10 08:00", status="cancelled_by_platform", late_by=None),  # not counted
    ]
    result = standing(blocks, as_of=at("2026-01-20 12:00"))
    window = result.windows[WINDOW_30D]
    assert window.counted == 4
    assert window.metrics["reliability"] == pytest.approx(1 / 4)
    assert window.metrics["delivery_completion"] == pytest.approx(49 / 50)
    assert window.metrics["on_time_delivery"] == pytest.approx(1 - 1 / 49)
    assert window.metrics["dnr_per_1000"] == pytest.approx(1000 / 49)
    assert window.metrics["pay_per_hour"] == pytest.approx((60 + 10 + 50) / 5)
    assert result.windows[WINDOW_100].metrics == window.metrics


def test_a_check_in_exactly_5_minutes_late_is_on_time_and_a_missing_one_is_not():
    blocks = [
        block("2026-01-05 08:00", late_by=5),
        block("2026-01-06 08:00", late_by=5.1),
        block("2026-01-07 08:00", late_by=None),
    ]
    window = standing(blocks, as_of=at("2026-01-20 12:00")).windows[WINDOW_30D]
    assert window.metrics["reliability"] == pytest.approx(1 / 3)


def test_the_30_day_window_is_720_hours_up_to_and_including_the_time_asked():
    as_of = at("2026-01-31 12:00")
    blocks = [
        block("2026-01-01 12:00", earnings=1000.0),  # exactly 720 hours before: outside
        block("2026-01-01 12:01"),  # inside
        block("2026-01-31 12:00"),  # exactly at as_of: inside
        block("2026-01-31 12:01", earnings=1000.0),  # after as_of: outside
    ]
    window = standing(blocks, as_of=as_of).windows[WINDOW_30D]
    assert window.counted == 2
    assert [b.block_start for b in window.blocks] == [at("2026-01-01 12:01"), as_of]
    assert window.metrics["pay_per_hour"] == pytest.approx(20)


def test_the_30_days_are_elapsed_hours_across_a_clock_change():
    # 15 Nov 12:00 PST minus 720 h is 16 Oct 13:00 PDT (clocks went back on 1 Nov), not 12:00.
    as_of = at("2026-11-15 12:00")
    blocks = [block("2026-10-16 12:30"), block("2026-10-16 13:30")]
    window = standing(blocks, as_of=as_of).windows[WINDOW_30D]
    assert [b.block_start for b in window.blocks] == [at("2026-10-16 13:30")]


def test_empty_windows_give_no_numbers_rather_than_zeros():
    as_of = at("2026-01-31 12:00")
    for blocks in ([], [block("2026-01-10 08:00", status="early_forfeit", late_by=None)]):
        for window in standing(blocks, as_of=as_of).windows.values():
            assert window.counted == 0
            assert set(window.metrics.values()) == {None}


def test_blocks_older_than_30_days_still_count_in_the_100_block_window():
    result = standing([block("2025-06-01 08:00")], as_of=at("2026-01-31 12:00"))
    assert result.windows[WINDOW_30D].counted == 0
    assert result.windows[WINDOW_100].counted == 1
    assert result.windows[WINDOW_100].metrics["reliability"] == 1.0


def test_the_100_block_window_takes_the_last_100_counted_blocks_by_start():
    first = at("2025-01-01 08:00")
    blocks = []
    for day in range(150):
        start = (first + timedelta(days=day)).strftime("%Y-%m-%d %H:%M")
        # The 50 oldest are late; early forfeits in between are not counted and not in it.
        blocks.append(block(start, late_by=10 if day < 50 else -5))
        blocks.append(block(start.replace("08:00", "14:00"), status="early_forfeit", late_by=None))
    window = standing(list(reversed(blocks)), as_of=at("2026-01-31 12:00")).windows[WINDOW_100]
    assert window.counted == 100 and len(window.blocks) == 100
    assert window.blocks[0].block_start == first + timedelta(days=50)
    assert window.metrics["reliability"] == 1.0


def test_a_block_over_midnight_counts_by_its_start_and_for_all_its_hours():
    as_of = at("2026-01-31 00:30")
    blocks = [
        block("2026-01-01 00:15", earnings=999.0),  # starts before the window, ends inside
        block("2026-01-30 23:00", hours=3, earnings=45.0),  # starts inside, ends after as_of
    ]
    window = standing(blocks, as_of=as_of).windows[WINDOW_30D]
    assert window.counted == 1
    assert window.metrics["pay_per_hour"] == pytest.approx(15)


def test_a_block_over_a_clock_change_is_paid_for_the_hours_it_really_lasted():
    # 1 Nov 2026: 00:30 PDT to 02:30 PST is three hours, though the clock moved two.
    start = at("2026-11-01 00:30")
    end = datetime(2026, 11, 1, 2, 30, tzinfo=LA)
    fall = block("2026-11-01 00:30")._replace(block_end=end, earnings=60.0)
    assert fall.hours == pytest.approx(3)
    # 8 Mar 2026: 01:00 PST to 04:00 PDT is two hours.
    spring = block("2026-03-08 01:00")._replace(
        block_end=datetime(2026, 3, 8, 4, 0, tzinfo=LA), earnings=60.0
    )
    assert spring.hours == pytest.approx(2)
    result = standing([fall], as_of=start + timedelta(days=1))
    assert result.windows[WINDOW_30D].metrics["pay_per_hour"] == pytest.approx(20)


def test_counts_left_empty_are_unknown_not_zero():
    blocks = [
        block("2026-01-05 08:00", assigned=10, delivered=10, late=None, dnr=None),
        block("2026-01-06 08:00", assigned=None, delivered=None, late=None, dnr=None),
        block("2026-01-07 08:00", assigned=10, delivered=5, late=1, dnr=0, earnings=None),
    ]
    window = standing(blocks, as_of=at("2026-01-20 12:00")).windows[WINDOW_30D]
    assert window.metrics["delivery_completion"] == pytest.approx(15 / 20)
    assert window.metrics["on_time_delivery"] == pytest.approx(1 - 1 / 5)
    assert window.metrics["dnr_per_1000"] == 0
    assert window.metrics["pay_per_hour"] == pytest.approx(120 / 6)  # two paid blocks, 6 hours


def test_time_must_be_aware():
    with pytest.raises(ValueError, match="timezone"):
        standing([], as_of=datetime(2026, 1, 1))


def test_the_series_has_one_point_per_end_and_none_where_nothing_counts():
    blocks = [block("2026-01-05 08:00"), block("2026-01-20 08:00", late_by=20)]
    ends = [at("2026-01-01 00:00"), at("2026-01-10 00:00"), at("2026-01-25 00:00")]
    points = metric_series(blocks, "reliability", ends=ends)
    assert points == [(ends[0], None), (ends[1], 1.0), (ends[2], 0.5)]
