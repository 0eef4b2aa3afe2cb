"""Misspelt key words, read as meant: "deactiavted" is "deactivated".

Pure Python, no Django. The phrase lists match whole words exactly, so one slip of the keyboard
in the word that carries a notice ("your account has been deactiavted") hid its kind. The
catalogue's [spelling] list holds the words the reading turns on; a word of the notice that is
one edit away from one of them (a letter wrong, missing, added, or two letters swapped) is read
as that word. Only long words are respelt, so no ordinary short word is mistaken for another.

The respelt text is what the phrase lists are matched against; ``Respelt.original`` maps an
offset in it back to the notice, so every phrase the reading shows is the notice's own words.

Speed: notices are read on every paste and in bulk. Each word of the notice is looked up with
its one-letter deletions in a table of the key words' deletions (the "symmetric delete" method),
a few dictionary look-ups a word, and only a hit is checked with a real edit distance.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from reinstate.rules.notice.patterns import fold, load_reading_catalogue

# Shorter words have too many real neighbours ("closed" / "closer") to be respelt safely.
MIN_LENGTH = 7
_WORD = re.compile(rf"[A-Za-z]{{{MIN_LENGTH},}}")
_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class Respelt:
    """A text with its misspelt key words corrected, and the way back to the original offsets."""

    text: str
    # (start in text, end in text, start in the original, end in the original), in order
    edits: tuple[tuple[int, int, int, int], ...] = ()

    def original(self, pos: int, *, end: bool = False) -> int:
        """The offset in the original text of ``pos`` in the respelt one."""
        if not self.edits:
            return pos
        i = bisect_right([e[0] for e in self.edits], pos if not end else pos - 1) - 1
        if i < 0:
            return pos
        start, stop, o_start, o_stop = self.edits[i]
        if pos < stop or (end and pos == stop):
            # inside a respelt word: its start, or its end for the end of a span
            return o_stop if end and pos > start else o_start
        return pos - stop + o_stop


class _Speller:
    def __init__(self, words: list[str], known: Callable[[], frozenset[str]]) -> None:
        self.words = frozenset(w.lower() for w in words if len(w) >= MIN_LENGTH)
        # real words the catalogue's phrases use ("suspendimos", one slip from "suspendidos"):
        # never a misspelling. Gathered the first time a word looks like a slip, which keeps
        # a fresh process that reads one well-spelt notice from paying for it.
        self._known = known
        self.deletes: dict[str, set[str]] = {}
        self.cache: dict[str, str | None] = {}
        for word in self.words:
            for variant in _deletions(word) | {word}:
                self.deletes.setdefault(variant, set()).add(word)

    def correct(self, word: str) -> str | None:
        low = word.lower()
        # most words of a notice recur from one notice to the next ("customer", "delivery"):
        # each is worked out once a process (the cache is bounded, so a flood of odd words
        # costs memory once, never more)
        if low in self.cache:
            return self.cache[low]
        meant = self._correct(low)
        if len(self.cache) < _CACHE_SIZE:
            self.cache[low] = meant
        return meant

    def _correct(self, low: str) -> str | None:
        if low in self.words:
            return None
        found: set[str] = set()
        for variant in _deletions(low) | {low}:
            found |= self.deletes.get(variant, set())
        # a key word with one more letter at its end is its inflection ("elegibles"), no slip
        close = [w for w in found if _osa_distance(low, w) == 1 and not low.startswith(w)]
        if len(close) > 1:
            # "terminatd": "terminated" or "terminate"? A slip rarely hits the last letter, so
            # keep the words that end as the notice's word does
            close = [w for w in close if w[-1] == low[-1]]
        # still two key words equally close: no way to tell which was meant
        if len(close) != 1 or low in self._known():
            return None
        return close[0]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _osa_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit."""
    if abs(len(a) - len(b)) > 1:
        return 2
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]


@lru_cache(maxsize=1)
def _speller() -> _Speller:
    catalogue = load_reading_catalogue()
    words = list(catalogue.get("spelling", {}).get("words", []))
    return _Speller(words, _known_words)


@lru_cache(maxsize=1)
def _short_forms() -> tuple[dict[str, str], re.Pattern[str]]:
    """Texting short forms ("pls verify ur identity w/ a selfie") and the words they stand for,
    with the pattern that finds them, or a long word to respell, on whole words."""
    forms = {k.lower(): v for k, v in load_reading_catalogue()["spelling"]["short_forms"].items()}
    short = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    # "U.S." is no "you": a short form ends a word, never an abbreviation's first letter
    pattern = rf"(?<![\w/'.])(?:{short})(?![\w/'&-]|\.\w)|[A-Za-z]{{{MIN_LENGTH},}}"
    return forms, re.compile(pattern, re.I)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The long words of the catalogue's phrases, outside the [spelling] list."""
    catalogue = load_reading_catalogue()
    keys = set(catalogue.get("spelling", {}).get("words", []))
    return frozenset(
        word.lower()
        for key, table in catalogue.items()
        if key != "spelling"
        for text in _strings(table)
        for word in _WORD.findall(fold(text))
        if word.lower() not in keys
    )


def _strings(node: object) -> Iterator[str]:
    """Every string in a catalogue table, its keys included (the vocabulary's stems are keys)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)


@lru_cache(maxsize=8)
def respell(scan: str) -> Respelt:
    """``scan`` (a folded notice) with every misspelt key word and texting short form replaced
    by the word meant."""
    speller = _speller()
    forms, words = _short_forms()
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    last = 0
    length = 0
    for match in words.finditer(scan):
        word = match.group()
        meant = forms.get(word.lower()) or speller.correct(word)
        if meant is None:
            continue
        if word[0].isupper():
            meant = meant.capitalize()
        parts.append(scan[last : match.start()])
        length += match.start() - last
        edits.append((length, length + len(meant), match.start(), match.end()))
        parts.append(meant)
        length += len(meant)
        last = match.end()
    if not edits:
        return Respelt(scan)
    parts.append(scan[last:])
    return Respelt("".join(parts), tuple(edits))
