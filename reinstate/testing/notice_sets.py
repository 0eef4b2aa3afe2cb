"""The notice sets (rules/notice/tests/notices/*.jsonl) and the four fields checked on each."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reinstate.rules.notice.reader import read_notice

FOLDER = Path(__file__).resolve().parents[1] / "rules" / "notice" / "tests" / "notices"


def load(name: str) -> list[dict[str, Any]]:
    """One notice set, e.g. load("dev") reads notices/dev.jsonl."""
    text = (FOLDER / f"{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def fields(notice: dict[str, Any]) -> dict[str, Any]:
    """What the reader makes of a notice, in the shape of its "expect"."""
    reading = read_notice(
        notice["text"],
        received=datetime.fromisoformat(notice["received"]),
        tz=ZoneInfo(notice["tz"]),
    )
    stated = reading.stated_deadline
    return {
        "platform": reading.platform,
        "kind": reading.kind,
        "reason": reading.reason,
        "stated_deadline": stated.at.isoformat() if stated else None,
    }
