from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reinstate.rules.evidence.exhibits import Exhibit, assign_labels, exhibit_index, exhibit_label


def test_labels_run_like_spreadsheet_columns() -> None:
    assert [exhibit_label(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


@given(st.integers(min_value=0, max_value=100_000))
def test_a_label_gives_back_its_index(index: int) -> None:
    assert exhibit_index(exhibit_label(index)) == index


def test_it_labels_in_order() -> None:
    exhibits = [Exhibit(10, "?", False), Exhibit(11, "?", False), Exhibit(12, "?", False)]
    assert assign_labels(exhibits) == {10: "A", 11: "B", 12: "C"}


def test_a_locked_label_is_never_changed_nor_given_to_another_item() -> None:
    # B was printed in a packet; the driver then moved C to the top and withdrew A.
    exhibits = [Exhibit(3, "C", False), Exhibit(2, "B", True), Exhibit(4, "D", False)]
    assert assign_labels(exhibits) == {3: "A", 2: "B", 4: "C"}
    exhibits = [Exhibit(1, "A", True), Exhibit(2, "B", True), Exhibit(5, "?", False)]
    assert assign_labels(exhibits) == {1: "A", 2: "B", 5: "C"}
    # C was printed for an item since withdrawn: the new one skips it.
    assert assign_labels(exhibits, retired={"C"}) == {1: "A", 2: "B", 5: "D"}


@given(st.lists(st.booleans(), max_size=60))
def test_labels_are_unique_whatever_is_locked(locks: list[bool]) -> None:
    exhibits = [Exhibit(i, exhibit_label(i), locked) for i, locked in enumerate(reversed(locks))]
    labels = assign_labels(exhibits)
    assert len(set(labels.values())) == len(exhibits)
    assert all(labels[e.key] == e.label for e in exhibits if e.locked)
