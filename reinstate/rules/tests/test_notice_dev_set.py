"""Every development notice (shared/examples/notices/dev.jsonl) is read right on every field."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.notice import read_notice

# The shared examples sit beside the repository (/work/shared next to /work/main);
# REINSTATE_DEV_NOTICES points elsewhere when they do not.
DEV_SET = Path(
    os.environ.get(
        "REINSTATE_DEV_NOTICES",
        Path(__file__).resolve().parents[4] / "shared" / "examples" / "notices" / "dev.jsonl",
    )
)


def _notices() -> list[dict[str, Any]]:
    if not DEV_SET.exists():
        return []
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]


NOTICES = _notices()
pytestmark = pytest.mark.skipif(not NOTICES, reason=f"the dev set is not at {DEV_SET}")


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
