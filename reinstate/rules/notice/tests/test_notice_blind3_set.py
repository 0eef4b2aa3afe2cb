"""Every notice of the third blind set is read right on every field.

notices/blind3.jsonl (E001-E120) was written from the label spec and the domain fact sheet alone,
before the reader's code or catalogue was read, aimed at the misses reported on notices written by
others: reasons told as events rather than named, removals and denials in unusual or misspelt
words, Spanish beyond the common phrases, dates and times broken across lines, and periods the
driver has "for up to" or "after" which a decision is final. The reader's first run on it scored
platform 95.0%, kind 93.3%, reason 92.5% and stated deadline 95.8%. Six of the platform misses
were labelling errors (five notices name no platform; one names Amazon Flex's own "block-grabbing",
which the other sets read as naming it), corrected and noted in their "note" fields; counted as
labelled now, platform scored 100%. The misses were fixed by class of wording (see the blind3
block of test_notice_wording.py, test_notice_spelling.py and test_notice_vocabulary.py); this test
keeps the reader from sliding back.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load

NOTICES = load("blind3")


@pytest.mark.parametrize("notice", NOTICES, ids=[n["id"] for n in NOTICES])
def test_it_reads_every_third_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_third_blind_set_covers_every_label():
    covered = coverage(NOTICES, "E")
    assert covered.size == 120
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 8
    assert covered.without_deadline >= 48
    assert covered.spanish >= 25
