"""Times as the command line and stored JSON write them."""

from __future__ import annotations

from datetime import datetime


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with its offset, or None for a time not known (JSON null)."""
    return value.isoformat() if value is not None else None
