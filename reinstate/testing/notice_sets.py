"""The notice sets (rules/notice/tests/notices/*.jsonl) and the four fields checked on each."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.notice.reader import read_notice
from reinstate.rules.notice.reading import KINDS, PLATFORMS, REASONS

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


@dataclass(frozen=True)
class Coverage:
    """What a notice set covers, to check that a blind set is as broad as it was written."""

    size: int
    every_platform: bool  # every platform and a notice that names none
    every_kind: bool
    fewest_of_a_reason: int
    without_deadline: int
    spanish: int
    ids_in_order: bool


def coverage(notices: list[dict[str, Any]], letter: str) -> Coverage:
    """The coverage of a set whose ids are ``letter`` and a number from 001 ("G001")."""
    expects = [n["expect"] for n in notices]
    reasons = Counter(e["reason"] for e in expects)
    ids = [n["id"] for n in notices]
    return Coverage(
        size=len(notices),
        every_platform={e["platform"] for e in expects} == set(PLATFORMS) | {None},
        every_kind={e["kind"] for e in expects} == set(KINDS),
        fewest_of_a_reason=min(reasons[reason] for reason in REASONS),
        without_deadline=sum(1 for e in expects if e["stated_deadline"] is None),
        spanish=sum(1 for n in notices if any(w in n["text"] for w in (" tu ", "Tu ", "cuenta"))),
        ids_in_order=ids == [f"{letter}{i:03d}" for i in range(1, len(ids) + 1)],
    )


def params(notices: list[dict[str, Any]], misses: dict[str, str]) -> list[Any]:
    """The notices as test parameters, by id; those in ``misses`` (id: why) as strict xfails,
    so a mark fails as soon as its notice reads right."""
    return [
        pytest.param(
            notice,
            id=notice["id"],
            marks=[pytest.mark.xfail(strict=True, reason=misses[notice["id"]])]
            if notice["id"] in misses
            else [],
        )
        for notice in notices
    ]


def right_per_field(notices: list[dict[str, Any]]) -> dict[str, int]:
    """How many of the notices the reader reads right, field by field."""
    right = dict.fromkeys(("platform", "kind", "reason", "stated_deadline"), 0)
    for notice in notices:
        got = fields(notice)
        for name in right:
            right[name] += got[name] == notice["expect"][name]
    return right
