"""The reason of a notice that describes what happened instead of naming it.

Pure Python, no Django. The phrase lists find a reason the notice names ("missing packages",
"bot usage"). Some notices only tell the story: "the customer told us the bag was never handed
over", "your phone reported locations you could not have been at". When the phrase lists find
no reason, the reader scores the whole text against a weighted vocabulary per reason (word
stems in English and Spanish, in the catalogue's [reason_vocabulary]); the best reason is taken
only when it is clearly ahead (a minimum score and a margin over the next), and otherwise the
reading says the reason is not stated, rather than guess.

Each stem counts once however often it appears, and the words that counted are kept, with their
offsets, so the reading can show what it went by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reinstate.rules.notice.patterns import fold, load_reading_catalogue

_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class WordEvidence:
    reason: str
    start: int
    end: int


class _Vocabulary:
    def __init__(self, table: dict[str, Any]) -> None:
        self.threshold = int(table.get("threshold", 5))
        self.margin = int(table.get("margin", 2))
        self.order: list[str] = list(table.get("words", {}))
        self.stems: dict[str, list[tuple[str, int]]] = {}
        self.exact: dict[str, list[tuple[str, int]]] = {}  # "late$": the word, not "later"
        for reason, words in table.get("words", {}).items():
            for stem, weight in words.items():
                key = fold(stem).lower()
                table_for = self.exact if key.endswith("$") else self.stems
                table_for.setdefault(key.rstrip("$"), []).append((reason, int(weight)))
        self.lengths = sorted({len(s) for s in self.stems})

    def score(self, scan: str) -> tuple[str | None, list[WordEvidence]]:
        low = scan.lower()
        scores: dict[str, int] = {}
        words: dict[str, list[str]] = {}  # reason: the notice's words that counted for it
        seen: set[str] = set()
        # each distinct word once, in text order (findall makes no match objects)
        for token in dict.fromkeys(_TOKEN.findall(low)):
            found = [(token + "$", self.exact[token])] if token in self.exact else []
            for length in self.lengths:
                if length > len(token):
                    break
                if token[:length] in self.stems:
                    found.append((token[:length], self.stems[token[:length]]))
            for stem, weighted in found:
                if stem in seen:
                    continue
                seen.add(stem)
                for reason, weight in weighted:
                    scores[reason] = scores.get(reason, 0) + weight
                    words.setdefault(reason, []).append(token)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.order.index(kv[0])))
        if not ranked or ranked[0][1] < self.threshold:
            return None, []
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if ranked[0][1] - runner_up < self.margin:
            return None, []  # two stories fit as well: not sure, so say nothing
        reason = ranked[0][0]
        return reason, [_first(scan, token, reason) for token in words[reason]]


def _first(scan: str, token: str, reason: str) -> WordEvidence:
    """Where a word first stands whole in the text (searched in the text itself: lower() can
    change a text's length, and so its offsets)."""
    match = re.search(rf"(?<![A-Za-z0-9]){re.escape(token)}(?![A-Za-z0-9])", scan, re.I)
    assert match is not None  # the word was found in this text
    return WordEvidence(reason, match.start(), match.end())


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    return _Vocabulary(load_reading_catalogue().get("reason_vocabulary", {}))


def reason_from_words(scan: str) -> tuple[str | None, list[WordEvidence]]:
    """The reason the words of a (folded) notice point to clearly, with the words; or None."""
    return _vocabulary().score(scan)
