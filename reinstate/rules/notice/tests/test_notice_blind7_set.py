"""The seventh blind set: 100 notices the reader has never been tuned on, HELD OUT.

notices/blind7.jsonl (J001-J100) was written by a helper from the label spec and the domain
fact sheet alone, after the sixth round's fixes, without reading the reader's code, its
catalogue or any other notice file; every stated deadline was computed with zoneinfo. The
reader's first (and so far only) run scored platform 100%, kind 89%, reason 90%, stated
deadline 98%: below the 97% bar on kind and reason (issue 17). Only the ids and fields of the
misses were looked at, not the notices.

Do NOT add phrases looking at these notices: the set measures the next approach to reading
(see the issue 17 note), and it measures nothing once tuned on. Each miss is a strict xfail,
so a change that reads one right shows here, and the last test pins the score.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params, right_per_field

NOTICES = load("blind7")

# The fields the reader gets wrong on each notice it misreads (strict xfail).
MISSES: dict[str, str] = {
    "J002": "misread: kind, reason",
    "J007": "misread: kind",
    "J013": "misread: kind, reason",
    "J014": "misread: kind, reason",
    "J031": "misread: kind, reason, stated_deadline",
    "J032": "misread: stated_deadline",
    "J037": "misread: kind",
    "J039": "misread: kind, reason",
    "J048": "misread: kind, reason",
    "J057": "misread: kind, reason",
    "J067": "misread: kind, reason",
    "J087": "misread: reason",
    "J093": "misread: kind, reason",
}


@pytest.mark.parametrize("notice", params(NOTICES, MISSES))
def test_it_reads_every_seventh_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_seventh_blind_set_covers_every_label():
    covered = coverage(NOTICES, "J")
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 7
    assert covered.without_deadline >= 40
    # 25 Spanish and 2 mixed by its author; the quick test of the words misses a few
    assert covered.spanish >= 20


def test_the_score_is_what_the_issue_note_reports():
    """Per field, the notices read right on the first run: 100, 89, 90 and 98 of 100."""
    assert right_per_field(NOTICES) == {
        "platform": 100,
        "kind": 89,
        "reason": 90,
        "stated_deadline": 98,
    }
