"""Every development notice is read right on every field.

notices/dev.jsonl is a copy of shared/examples/notices/dev.jsonl, kept in the repository so the
test runs wherever the repository is cloned.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.notice import read_notice

DEV_SET = Path(__file__).parent / "notices" / "dev.jsonl"
NOTICES = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]


def _read(notice: dict[str, Any]) -> dict[str, Any]:
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


@pytest.mark.parametrize("notice", NOTICES, ids=[n["id"] for n in NOTICES])
def test_it_reads_every_dev_notice_right_on_every_field(notice):
    assert _read(notice) == notice["expect"]


def test_the_dev_set_is_all_there():
    assert len(NOTICES) == 30
