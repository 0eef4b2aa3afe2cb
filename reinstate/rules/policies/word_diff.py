"""The words that changed between two versions of a policy's text (difflib on words).

Pure, no Django. The page shows the runs in order: unchanged words as they are, deleted and
inserted words marked (with <del>/<ins> and words a screen reader says, never by colour alone).
Long unchanged stretches are shortened to their first and last words, so a one-word change in
a long policy does not bury itself.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

Op = Literal["same", "deleted", "inserted", "skipped"]
# Unchanged runs longer than this keep only CONTEXT words at each end.
CONTEXT = 12


@dataclass(frozen=True)
class Run:
    op: Op
    text: str
    words: int  # how many words the run has (for "skipped": how many were left out)


def word_diff(old: str, new: str, *, context: int = CONTEXT) -> list[Run]:
    """The runs that turn `old` into `new`, word by word."""
    a, b = old.split(), new.split()
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.extend(_same(a[i1:i2], context))
            continue
        if tag in ("delete", "replace"):
            runs.append(Run("deleted", " ".join(a[i1:i2]), i2 - i1))
        if tag in ("insert", "replace"):
            runs.append(Run("inserted", " ".join(b[j1:j2]), j2 - j1))
    return runs


def _same(words: list[str], context: int) -> list[Run]:
    if len(words) <= 2 * context:
        return [Run("same", " ".join(words), len(words))]
    return [
        Run("same", " ".join(words[:context]), context),
        Run("skipped", "", len(words) - 2 * context),
        Run("same", " ".join(words[-context:]), context),
    ]


def changed_words(runs: list[Run]) -> tuple[int, int]:
    """(deleted, inserted) word counts."""
    deleted = sum(r.words for r in runs if r.op == "deleted")
    inserted = sum(r.words for r in runs if r.op == "inserted")
    return deleted, inserted
