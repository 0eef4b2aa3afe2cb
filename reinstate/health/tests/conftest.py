"""Blocks for Dana, recorded through the actions as the app would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reinstate.accounts.models import User
from reinstate.health.actions import do_record_block
from reinstate.health.models import Block
from reinstate.rules.standing import BlockRecord

LA = ZoneInfo("America/Los_Angeles")


def flex_block(
    start: datetime, *, late_by: int = -10, status: str = "completed", **kw: object
) -> BlockRecord:
    values: dict[str, object] = {
        "block_start": start,
        "block_end": start + timedelta(hours=3),
        "arrived_at": None if status != "completed" else start + timedelta(minutes=late_by),
        "status": status,
        "packages_assigned": 30,
        "packages_delivered": 30,
        "packages_returned": 0,
        "late_deliveries": 0,
        "dnr_reports": 0,
        "earnings": 72.0,
        "tips": 0.0,
        "miles": 40.0,
    }
    return BlockRecord(**(values | kw))  # type: ignore[arg-type]


@pytest.fixture
def record_blocks() -> Callable[..., list[Block]]:
    """record_blocks(user, [True, False, ...]): one a day up to yesterday, False is late."""

    def _record(
        user: User,
        on_time: list[bool],
        *,
        platform: str = "amazon_flex",
        end: datetime | None = None,
    ) -> list[Block]:
        last = end or datetime.now(LA).replace(
            hour=8, minute=0, second=0, microsecond=0
        ) - timedelta(days=1)
        first = last - timedelta(days=len(on_time) - 1)
        return [
            do_record_block(
                owner=user,
                platform=platform,
                record=flex_block(first + timedelta(days=i), late_by=-10 if good else 12),
            )
            for i, good in enumerate(on_time)
        ]

    return _record
