"""Every notice of the blind set is read right on every field.

notices/blind.jsonl holds notices written to measure how the reader generalises, in the shape of
shared/examples/notices/dev.jsonl. "composed-blind" notices (B001-B180) were written from the label
spec and the dev set alone, before the reader's code or catalogue was read; "composed-heldout"
notices (B181-B286) were written later, and each batch was measured before the reader was changed
for it. The first-run accuracy is recorded in the report that came with them; this test keeps the
reader from sliding back.
"""

from __future__ import annotations

from collections import Counter

import pytest

from reinstate.rules.notice.reading import KINDS, PLATFORMS, REASONS
from reinstate.testing.notice_sets import fields, load

NOTICES = load("blind")


@pytest.mark.parametrize("notice", NOTICES, ids=[n["id"] for n in NOTICES])
def test_it_reads_every_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_blind_set_covers_every_label():
    expects = [n["expect"] for n in NOTICES]
    assert len(NOTICES) >= 120
    assert {e["platform"] for e in expects} == set(PLATFORMS) | {None}
    assert {e["kind"] for e in expects} == set(KINDS)
    reasons = Counter(e["reason"] for e in expects)
    assert all(reasons[reason] >= 10 for reason in REASONS)
    assert sum(1 for e in expects if e["stated_deadline"] is None) >= 60


def test_the_blind_set_ids_are_unique_and_ordered():
    ids = [n["id"] for n in NOTICES]
    assert ids == [f"B{i:03d}" for i in range(1, len(ids) + 1)]
