"""Every notice of the blind set is read right on every field.

notices/blind.jsonl holds notices written to measure how the reader generalises, in the shape of
shared/examples/notices/dev.jsonl. "composed-blind" notices (B001-B180) were written from the label
spec and the dev set alone, before the reader's code or catalogue was read; "composed-heldout"
notices (B181-B286) were written later, and each batch was measured before the reader was changed
for it. The first-run accuracy is recorded in the report that came with them; this test keeps the
reader from sliding back.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load

NOTICES = load("blind")


@pytest.mark.parametrize("notice", NOTICES, ids=[n["id"] for n in NOTICES])
def test_it_reads_every_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_blind_set_covers_every_label():
    covered = coverage(NOTICES, "B")
    assert covered.size >= 120
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 10
    assert covered.without_deadline >= 60
