"""A second opinion on a notice's kind and reason, from all of its words.

Pure Python, no Django. The phrase lists (reader.py) know the wording they were written for; a
notice worded another way ("we have determined that you are no longer eligible to participate")
can slip past every phrase. This is a linear model over the notice's words, word pairs and
word pieces (three to five letters, which carry misspellings and Spanish endings), trained on
the labelled notices in ``rules/notice/tests/notices/`` by ``scripts/train-notice-model``
(``make notice-model``) and kept in ``catalogue/notice_model.json``. The reader lets it
overrule the phrases only where it finds its own answer several times likelier than theirs
([model] in reading.toml), and then shows the words that weighed most, so the reading still
explains itself. The reason's model also knows an appeal outcome that states no reason
(NO_REASON), so it can take a reason from an outcome or leave it with none.

The numbers are those of scikit-learn's TfidfTransformer(sublinear_tf=True) and a multinomial
LogisticRegression: the weight of a feature is (1 + ln count) * idf, the weights are scaled to
unit length, and the probabilities are the softmax of the classes' scores. Only the features
the training kept are stored, so a notice's other words count for nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

# The model reads the head of a notice: its kind and reason are told there, and the cost of a
# hostile 10 MB paste stays bounded.
READ_LIMIT = 20_000
PIECES = (3, 5)  # lengths of the word pieces, as trained
SHOWN_LENGTH = 4  # the shortest word shown as the model's evidence
# The labelled sets the model never learns from: they measure the reader on wording unseen
# (blind7 chose the model's first settings; blind9 to blind13 measure it; blind8 measured it
# first and was then learnt from).
HELD_OUT = frozenset({f"blind{n}.jsonl" for n in (7, 9, 10, 11, 12, 13)})
# The reason model's class for an appeal outcome that states no reason: it learns from outcomes
# labelled with a null reason, so it can tell "your appeal was denied" from one that says why.
NO_REASON = "none"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+")


@dataclass(frozen=True)
class Opinion:
    field: str
    text: str
    words_read: int  # how many words the text has (within READ_LIMIT)
    probabilities: dict[str, float]  # of each class, summing to 1

    def likeliest(self, leaving_out: str | None = None) -> str:
        """The class the model finds likeliest (of those other than ``leaving_out``)."""
        return max(
            (c for c in self.probabilities if c != leaving_out), key=self.probabilities.__getitem__
        )

    def odds(self, label: str, against: str) -> float:
        """How many times likelier ``label`` is than ``against`` (a class the model does not
        know counts as all but impossible)."""
        return self.probabilities[label] / max(self.probabilities.get(against, 0.0), 1e-9)

    def words(self, label: str) -> tuple[tuple[int, int], ...]:
        """Where the words that weighed most for ``label`` are in the text: (start, end)s.
        Found only when asked: the reader asks when the model overrules the phrases."""
        return models()[self.field].weighed(self.text, label)


def words_of(text: str) -> list[tuple[str, int, int]]:
    """The words of a text, lower-cased, with their offsets (the model's tokens)."""
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text[:READ_LIMIT])]


def features(words: list[str]) -> dict[str, int]:
    """How often each feature occurs: words ("w:"), word pairs ("b:"), pieces ("c:")."""
    counts: dict[str, int] = {}
    low, high = PIECES
    for word in words:
        counts["w:" + word] = counts.get("w:" + word, 0) + 1
        padded = f" {word} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                key = "c:" + padded[i : i + n]
                counts[key] = counts.get(key, 0) + 1
    for first, second in pairwise(words):
        key = f"b:{first} {second}"
        counts[key] = counts.get(key, 0) + 1
    return counts


@lru_cache(maxsize=4)  # the kind's model and the reason's read the same text
def _counted(text: str) -> tuple[list[tuple[str, int, int]], dict[str, int]]:
    tokens = words_of(text)
    return tokens, features([w for w, _, _ in tokens])


class LinearModel:
    """One field's model: its classes, and for each kept feature its idf and class weights."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.classes: list[str] = list(spec["classes"])
        self.intercept: list[float] = [float(b) for b in spec["intercept"]]
        # feature: [idf, weight for each class]
        self.table: dict[str, list[float]] = spec["features"]

    def values(self, text: str) -> dict[str, float]:
        """The text's kept features and their weights, (1 + ln count) * idf, unit length."""
        counts = _counted(text)[1]
        values = {
            f: (1.0 + math.log(n)) * self.table[f][0] for f, n in counts.items() if f in self.table
        }
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return {f: v / norm for f, v in values.items()}

    def opinion(self, text: str, field: str) -> Opinion:
        scores = list(self.intercept)
        for f, v in self.values(text).items():
            weights = self.table[f]
            for c in range(len(scores)):
                scores[c] += v * weights[c + 1]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        probabilities = {c: e / total for c, e in zip(self.classes, exps, strict=True)}
        return Opinion(field, text, len(_counted(text)[0]), probabilities)

    def weighed(self, text: str, label: str) -> tuple[tuple[int, int], ...]:
        tokens = _counted(text)[0]
        return _weighed(tokens, self.values(text), self.table, self.classes.index(label))


def _weighed(
    tokens: list[tuple[str, int, int]],
    values: dict[str, float],
    table: dict[str, list[float]],
    label: int,
    most: int = 4,
) -> tuple[tuple[int, int], ...]:
    """The words that pushed hardest toward the label: a word's own weight, its pieces' and
    its pairs' (half each), where it first occurs. Words of under four letters ("has", "you")
    weigh in the model but explain nothing to the person reading, so they are not shown."""

    def push(feature: str) -> float:
        return values[feature] * table[feature][label + 1] if feature in values else 0.0

    weight: dict[str, float] = {}
    first: dict[str, tuple[int, int]] = {}
    low, high = PIECES
    for word, start, end in tokens:
        first.setdefault(word, (start, end))
        if word in weight:
            continue
        padded = f" {word} "
        pieces = {
            padded[j : j + n] for n in range(low, high + 1) for j in range(len(padded) - n + 1)
        }
        weight[word] = push("w:" + word) + sum(push("c:" + p) for p in pieces)
    for (a, _, _), (b, _, _) in pairwise(tokens):
        half = push(f"b:{a} {b}") / 2
        weight[a] += half
        weight[b] += half
    shown = (w for w in weight if weight[w] > 0 and len(w) >= SHOWN_LENGTH)
    ranked = sorted(shown, key=lambda w: -weight[w])[:most]
    return tuple(sorted(first[w] for w in ranked))


@lru_cache(maxsize=1)
def _stored() -> dict[str, Any]:
    source = resources.files("reinstate.catalogue").joinpath("notice_model.json")
    return dict(json.loads(source.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def models() -> dict[str, LinearModel]:
    return {field: LinearModel(_stored()[field]) for field in ("kind", "reason")}


def training_files(folder: Path) -> list[Path]:
    """The labelled sets the model learns from: those in ``folder`` (the test sets) and in its
    train/ (notices written for training alone), less the held-out ones."""
    files = [*folder.glob("*.jsonl"), *folder.glob("train/*.jsonl")]
    return sorted((p for p in files if p.name not in HELD_OUT), key=lambda p: p.name)


def fingerprint(files: list[Path]) -> dict[str, str]:
    """Each set's file name and the sha256 of its bytes: what the stored model records."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def trained_on() -> dict[str, str]:
    """The labelled sets the stored model learnt from, each with the sha256 of its file."""
    return dict(_stored()["sets"])


def opinion(field: str, text: str) -> Opinion:
    """The model's kind or reason (``field``) for a folded, respelt notice text."""
    return models()[field].opinion(text, field)
