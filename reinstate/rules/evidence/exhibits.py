"""Exhibit labels: A, B, … Z, AA, AB, … in the order the driver gives, and never a label that
a packet already used for another item."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass


def exhibit_label(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA (spreadsheet columns)."""
    if index < 0:
        raise ValueError("an exhibit index is 0 or more")
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def exhibit_index(label: str) -> int:
    """The inverse of exhibit_label, for sorting: AA comes after Z."""
    index = 0
    for char in label:
        index = index * 26 + (ord(char) - ord("A") + 1)
    return index - 1


@dataclass(frozen=True)
class Exhibit:
    key: int
    label: str
    locked: bool  # a packet printed this label: it must not change or go to another item


def assign_labels(exhibits: Sequence[Exhibit], *, retired: Collection[str] = ()) -> dict[int, str]:
    """Labels for exhibits in the order given: locked ones keep theirs; the others take the
    first labels that no locked exhibit holds and no packet gave to an exhibit since withdrawn
    (`retired`), in order."""
    taken = {e.label for e in exhibits if e.locked} | set(retired)
    free = (label for label in _labels() if label not in taken)
    return {e.key: e.label if e.locked else next(free) for e in exhibits}


def _labels() -> Iterator[str]:
    index = 0
    while True:
        yield exhibit_label(index)
        index += 1
