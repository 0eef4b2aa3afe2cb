"""Document reminders 30, 7 and 1 days ahead, and once expired."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reinstate.rules.health.expiry import describe, reminder_stage, status

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("days", "stage", "state"),
    [
        (45, None, "ok"),
        (31, None, "ok"),
        (30, 30, "soon"),
        (8, 30, "soon"),
        (7, 7, "urgent"),
        (5, 7, "urgent"),  # added late: only the nearest reminder, not the 30-day one too
        (2, 7, "urgent"),
        (1, 1, "urgent"),
        (0, 0, "expired"),
        (-3, 0, "expired"),
    ],
)
def test_the_nearest_reminder_is_due(days: int, stage: int | None, state: str):
    expires = TODAY + timedelta(days=days)
    assert reminder_stage(expires, TODAY) == stage
    assert status(expires, TODAY) == state


def test_it_says_how_long_is_left_in_words():
    words = [describe(TODAY + timedelta(days=d), TODAY) for d in (9, 1, 0, -1, -4)]
    assert words == [
        "expires in 9 days",
        "expires tomorrow",
        "expires today",
        "expired yesterday",
        "expired 4 days ago",
    ]
