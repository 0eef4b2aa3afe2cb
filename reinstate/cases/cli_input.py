"""Reading a notice given on the command line: a file, or standard input."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from reinstate.cases.actions import CaseInputError
from reinstate.lib.notice_file import MAX_NOTICE_BYTES, NoticeInput, notice_from_file


def load_notice(source: str | None) -> NoticeInput:
    """A notice from a path, or from standard input when the path is '-' or missing."""
    if source in (None, "-"):
        data = sys.stdin.buffer.read(MAX_NOTICE_BYTES * 4 + 1)
        return notice_from_file(data, "")
    path = Path(source)
    if not path.is_file():
        raise CaseInputError(f"No such file: {source}")
    with path.open("rb") as handle:
        data = handle.read(MAX_NOTICE_BYTES * 4 + 1)
    return notice_from_file(data, path.name)


def parse_received(value: str | None, tz: ZoneInfo) -> datetime | None:
    """An ISO 8601 time; one without an offset is read in ``tz``."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CaseInputError(
            f"--received {value!r} is not a date and time: use ISO 8601, "
            "e.g. 2026-11-20T09:30:00-05:00."
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed
