"""Blocks as a driver's records would show them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.rules.health.standing import BlockRecord

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
