"""The reader starts cheaply and reads exactly as if every pattern were compiled up front.

A fresh process spends most of its first notice compiling the catalogue's alternations, so
each is compiled only for the phrases the notice can match (LazyPattern): a phrase whose
required words are absent cannot match anywhere, and leaving it out changes no match.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.notice import deadline_grammar, patterns
from reinstate.rules.notice import reader as notice_reader
from reinstate.rules.notice.patterns import (
    LazyPattern,
    Literals,
    fold,
    load_reading_catalogue,
    phrase_source,
    required_literals,
)
from reinstate.rules.notice.reader import read_notice

NOTICES = Path(__file__).parent / "notices"


def _notices(*names: str) -> list[dict[str, str]]:
    rows = []
    for name in names:
        text = (NOTICES / name).read_text(encoding="utf-8")
        rows += [json.loads(line) for line in text.splitlines() if line]
    return rows


def _phrases(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _phrases(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("numbers", "weights", "min_score") and not key.startswith("on_"):
                yield from _phrases(value)


def _fresh_reader() -> None:
    notice_reader._reader.cache_clear()
    deadline_grammar._grammar.cache_clear()
    patterns.literals_of.cache_clear()


@pytest.mark.parametrize(
    ("phrase", "needs"),
    [
        ("dashers?", ("dasher",)),
        ("door ?dash", ("door", "dash")),
        (
            "(has|have) been (permanently )?(deactivated|disabled)",
            (("has", "have"), "been", ("deactivated", "disabled")),
        ),
        ("reactivat\\w*", ("reactivat",)),
        ("(?-i:Flex)", ("flex",)),
        ("(?<!your\\x20)safety(?!\\x20reasons)", ("safety",)),
        ("x{0,3}yz", ("yz",)),
        ("(un)?reliable", ("reliable",)),
        ("(a|b c|)", ()),  # an empty branch: nothing is required
        ("late|delayed", (("late", "delayed"),)),
        ("[^.]{0,40}", ()),
    ],
)
def test_it_finds_the_words_every_match_of_a_phrase_contains(phrase, needs):
    assert required_literals(phrase_source(phrase)) == needs


def test_every_catalogue_phrase_match_contains_its_required_words():
    texts = [fold(n["text"]) for n in _notices("dev.jsonl", "blind2.jsonl")]
    texts += ["Ticket \u0131d: \u017fuspended - \u212aELVIN - don\u2019t  a-b-c 1/2/3 12:30 p. m."]
    joined = "\n".join(texts)
    phrases = sorted(set(_phrases(load_reading_catalogue())))
    checked = 0
    for phrase in phrases:
        source = phrase_source(phrase)
        needs = required_literals(source)
        for match in re.finditer(source, joined, re.IGNORECASE):
            checked += 1
            assert Literals(match.group()).meets(needs), (phrase, needs, match.group())
    assert checked > 1000


def _readings(rows: list[dict[str, str]]) -> list[object]:
    return [
        read_notice(
            row["text"], received=datetime.fromisoformat(row["received"]), tz=ZoneInfo(row["tz"])
        )
        for row in rows
    ]


def test_partly_compiled_patterns_read_exactly_like_the_full_ones(monkeypatch):
    rows = _notices("dev.jsonl", "blind2.jsonl")
    rows += _notices("written.jsonl", "blind.jsonl")[::6]
    try:
        _fresh_reader()
        monkeypatch.setattr(LazyPattern, "FULL_AFTER", 10**9)  # always the trimmed patterns
        trimmed = _readings(rows)
        _fresh_reader()
        monkeypatch.setattr(LazyPattern, "FULL_AFTER", 0)  # always the full patterns
        full = _readings(rows)
    finally:
        _fresh_reader()
    assert trimmed == full


def test_a_first_notice_compiles_a_small_part_of_the_catalogue():
    text = (
        "We have received several reports from customers who could not locate packages that "
        "you marked as delivered. Because of this, your Amazon Flex account has been "
        "deactivated. If you would like us to reconsider, respond within 72 hours."
    )
    when = datetime(2026, 11, 10, 22, 30, tzinfo=ZoneInfo("America/New_York"))
    _fresh_reader()
    try:
        reading = read_notice(text, received=when, tz=ZoneInfo("America/New_York"))
        assert (reading.kind, reading.reason) == ("deactivation", "delivery_disputes")
        lazies = [lazy for family in _families() for _, lazy in family.patterns]
        grammar = deadline_grammar._grammar()
        lazies += [grammar.relative, grammar.absolute, grammar.driver, grammar.platform_self]
        lazies += [grammar.not_deadline, grammar.driver_subject]
        total = sum(len(items) for lazy in lazies for items in lazy.items)
        compiled = sum(len(i) for lazy in lazies for key in lazy._subsets for i in key)
        assert all(lazy._full is False for lazy in lazies)  # nothing compiled in full
        assert compiled < total / 5
    finally:
        _fresh_reader()


def _families() -> list[notice_reader._Labels]:
    reader = notice_reader._reader()
    return [reader.platforms, reader.kinds, reader.reasons, reader.appeal_context]


def test_every_catalogue_pattern_compiles_in_full():
    """A broken phrase fails here, not only when a notice first holds its words."""
    _fresh_reader()
    try:
        lazies = [lazy for family in _families() for _, lazy in family.patterns]
        grammar = deadline_grammar._grammar()
        lazies += [grammar.relative, grammar.absolute, grammar.driver, grammar.platform_self]
        lazies += [grammar.not_deadline, grammar.driver_subject]
        assert all(lazy.full() is not None for lazy in lazies)
    finally:
        _fresh_reader()
