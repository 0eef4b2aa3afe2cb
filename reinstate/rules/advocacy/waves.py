"""Waves: several drivers of one organisation hit by what looks like one batch of notices.

Two notices are of one wave when they name the same platform and reason, arrived in the same
ISO week, and say nearly the same thing. The wording is compared only inside a (platform,
reason, week) group, so 5,000 cases never make 12.5 million pairs: the caller first groups
without the text (`candidate_groups`) and loads the text of the groups big enough to matter.

Inside a group, the same wording (once names of days, numbers and punctuation are set aside)
is compared once; each distinct wording joins the first cluster whose first wording it resembles
(Jaccard similarity of word triples at least SIMILAR), else starts its own: linear in the
group for the few wordings a batch has, rather than every pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# "Several": two drivers with one notice may be chance; three look like a batch.
MIN_WAVE = 3
SIMILAR = 0.6
SHINGLE = 3
_WORD = re.compile(r"[a-z0]+")


@dataclass(frozen=True)
class Received:
    """What the first pass needs of a case: no text."""

    case_id: int
    platform: str
    reason: str
    received_on: date  # the day it arrived, in the case's own time zone


@dataclass(frozen=True)
class Notice:
    case_id: int
    text: str


GroupKey = tuple[str, str, int, int]  # platform, reason, ISO year, ISO week


@dataclass(frozen=True)
class Wave:
    key: str  # "amazon_flex.performance_metrics.2026-W45.1": a link names it
    platform: str
    reason: str
    week_start: date  # the Monday of the week the notices arrived
    case_ids: tuple[int, ...]  # ascending


def group_of(item: Received) -> GroupKey:
    year, week, _ = item.received_on.isocalendar()
    return (item.platform, item.reason, year, week)


def candidate_groups(
    items: Iterable[Received], *, min_size: int = MIN_WAVE
) -> dict[GroupKey, list[int]]:
    """The (platform, reason, week) groups with at least min_size cases: only these can hold a
    wave, so only their text needs reading."""
    groups: dict[GroupKey, list[int]] = defaultdict(list)
    for item in items:
        if item.platform and item.reason:
            groups[group_of(item)].append(item.case_id)
    return {key: sorted(ids) for key, ids in groups.items() if len(ids) >= min_size}


def normalise(text: str) -> str:
    """Lower case, every digit a 0 (dates, times, references differ from driver to driver),
    punctuation and spacing gone."""
    lowered = re.sub(r"\d", "0", text.lower())
    return " ".join(_WORD.findall(lowered))


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    return _triples(normalise(text))


def _triples(normalised: str) -> frozenset[tuple[str, ...]]:
    words = normalised.split()
    if len(words) < SHINGLE:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Jaccard: shared word triples over all word triples (1.0 for two empty texts)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def waves(
    groups: dict[GroupKey, list[int]],
    notices: Iterable[Notice],
    *,
    min_size: int = MIN_WAVE,
) -> list[Wave]:
    """The waves within the candidate groups, largest first (then earliest week)."""
    text_of = {n.case_id: n.text for n in notices}
    wordings: dict[str, str] = {}  # text -> normalised, across the groups
    found: list[Wave] = []
    for (platform, reason, year, week), ids in groups.items():
        monday = date.fromisocalendar(year, week, 1)
        clusters = _clusters([(i, text_of.get(i, "")) for i in ids], wordings)
        members = [c for c in clusters if len(c) >= min_size]
        for number, cluster in enumerate(members, start=1):
            found.append(
                Wave(
                    key=f"{platform}.{reason}.{year}-W{week:02d}.{number}",
                    platform=platform,
                    reason=reason,
                    week_start=monday,
                    case_ids=tuple(sorted(cluster)),
                )
            )
    found.sort(key=lambda w: (-len(w.case_ids), w.week_start, w.key))
    return found


def _clusters(cases: list[tuple[int, str]], wordings: dict[str, str]) -> list[list[int]]:
    # Copies of one notice are common (one template to many drivers): each text is read once.
    by_text: dict[str, list[int]] = defaultdict(list)
    for case_id, text in sorted(cases):
        by_text[text].append(case_id)
    by_wording: dict[str, list[int]] = defaultdict(list)
    for text, ids in by_text.items():
        if text not in wordings:
            wordings[text] = normalise(text)
        by_wording[wordings[text]].extend(ids)
    leaders: list[frozenset[tuple[str, ...]]] = []
    clusters: list[list[int]] = []
    for wording, ids in by_wording.items():
        marks = _triples(wording)
        for index, leader in enumerate(leaders):
            if similarity(marks, leader) >= SIMILAR:
                clusters[index].extend(ids)
                break
        else:
            leaders.append(marks)
            clusters.append(list(ids))
    return clusters


KEY = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+\.\d{4}-W\d{2}\.\d+$")


def is_wave_key(text: str) -> bool:
    return bool(KEY.match(text))
