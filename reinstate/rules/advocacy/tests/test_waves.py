"""Waves: notices of one platform, reason and week, worded alike, are named as one batch."""

from __future__ import annotations

from datetime import date, timedelta

from reinstate.rules.advocacy.waves import (
    MIN_WAVE,
    Notice,
    Received,
    candidate_groups,
    is_wave_key,
    normalise,
    shingles,
    similarity,
    waves,
)

LATE = (
    "Dear {name},\nWe have decided to end your participation in the Amazon Flex program. Over "
    "the past 30 days you have had repeated late arrivals to the delivery station on {day} and "
    "several blocks forfeited with less than 45 minutes' notice.\nYou may appeal this decision "
    "within 10 calendar days of this message. Reference {ref}.\nAmazon Flex Support"
)
OTHER = (
    "We have received several reports from customers who could not locate packages that you "
    "marked as delivered. Because of this, your Amazon Flex account has been deactivated."
)
MONDAY = date(2026, 11, 2)


def _late(i: int) -> str:
    return LATE.format(
        name=["Maria", "James", "Aisha", "Luis"][i % 4], day=f"Oct {20 + i}", ref=f"QX-{7000 + i}"
    )


def _received(
    ids: range, day: date = MONDAY, reason: str = "performance_metrics"
) -> list[Received]:
    return [Received(i, "amazon_flex", reason, day + timedelta(days=i % 5)) for i in ids]


def test_it_finds_three_alike_notices_of_one_week_as_one_wave() -> None:
    groups = candidate_groups(_received(range(1, 4)))
    found = waves(groups, [Notice(i, _late(i)) for i in range(1, 4)])
    assert len(found) == 1
    assert found[0].case_ids == (1, 2, 3)
    assert found[0].week_start == MONDAY
    assert found[0].key == "amazon_flex.performance_metrics.2026-W45.1"
    assert is_wave_key(found[0].key)


def test_it_needs_several_cases() -> None:
    assert candidate_groups(_received(range(1, MIN_WAVE))) == {}


def test_it_keeps_weeks_apart() -> None:
    items = _received(range(1, 3)) + _received(range(3, 5), day=MONDAY + timedelta(days=7))
    assert candidate_groups(items) == {}


def test_it_keeps_reasons_apart() -> None:
    items = _received(range(1, 3)) + _received(range(3, 5), reason="delivery_disputes")
    assert candidate_groups(items) == {}


def test_it_leaves_out_cases_with_no_platform_or_reason() -> None:
    items = [Received(i, "", "performance_metrics", MONDAY) for i in range(1, 5)]
    assert candidate_groups(items) == {}


def test_it_splits_a_group_whose_wording_differs() -> None:
    groups = candidate_groups(_received(range(1, 7)))
    notices = [Notice(i, _late(i)) for i in range(1, 4)] + [
        Notice(i, OTHER + f" Case {i}.") for i in range(4, 7)
    ]
    found = waves(groups, notices)
    assert sorted(w.case_ids for w in found) == [(1, 2, 3), (4, 5, 6)]
    assert {w.key.rsplit(".", 1)[1] for w in found} == {"1", "2"}


def test_it_leaves_out_a_notice_worded_otherwise() -> None:
    groups = candidate_groups(_received(range(1, 5)))
    notices = [Notice(i, _late(i)) for i in range(1, 4)] + [Notice(4, OTHER)]
    assert [w.case_ids for w in waves(groups, notices)] == [(1, 2, 3)]


def test_it_sees_past_names_dates_and_references() -> None:
    assert similarity(shingles(_late(1)), shingles(_late(2))) >= 0.6
    assert similarity(shingles(_late(1)), shingles(OTHER)) < 0.2
    assert normalise("Ref QX-7781, 2 Nov!") == "ref qx 0000 0 nov"


def test_it_orders_the_largest_wave_first() -> None:
    items = _received(range(1, 4)) + _received(range(10, 14), day=MONDAY + timedelta(days=7))
    groups = candidate_groups(items)
    found = waves(groups, [Notice(i, _late(i)) for i in [*range(1, 4), *range(10, 14)]])
    assert [len(w.case_ids) for w in found] == [4, 3]


def test_it_takes_thousands_of_copies_of_one_notice_as_one_wave() -> None:
    """5,000 cases in one week with one wording: compared once per wording, not per pair."""
    items = _received(range(1, 5001))
    groups = candidate_groups(items)
    found = waves(groups, [Notice(i, _late(i)) for i in range(1, 5001)])
    assert len(found) == 1 and len(found[0].case_ids) == 5000
