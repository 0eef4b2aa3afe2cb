"""An email's Date header as an aware time."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def mail_date(raw: str) -> datetime | None:
    """The time an email's Date header gives, aware; None when there is none or it cannot be
    read (a year of 90 quintillion, a day 32). "-0000" is UTC with the sender's own zone
    unknown (RFC 5322 3.3; Python's formatdate() writes it): Python reads it as a naive time,
    which is still the right instant in UTC."""
    if not raw or not raw.strip():
        return None
    try:
        parsed = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
