"""The sixth blind set measured the reader on 100 notices it had never seen; now a regression set.

notices/blind6.jsonl (H001-H100) was written by a helper from the label spec and the domain
fact sheet alone, after the fifth round's fixes, without reading the reader's code, its
catalogue or any other notice file; every stated deadline was computed with zoneinfo. The
reader's first run scored platform 100%, kind 87%, reason 89%, stated deadline 95% (below the
97% bar on three fields). Most misses were the class the fifth round widened but did not
close: messages that reassure the driver, go to everyone (newsletters, FAQs, policy updates)
or praise, while stating a rule for everyone or what would happen.

The classes were then fixed, each tried on new variations written blind (the "blind6" section
of notices/wording.jsonl): the reader now reads every notice here right. Since the fixes were made
looking at these notices, blind6 is NO LONGER UNSEEN; blind7 measured the result.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params

NOTICES = load("blind6")

# The reader's misses on the first run: the fields it got wrong.
FIRST_RUN_MISSES = {
    "H002": "misread: kind, reason, stated_deadline",
    "H003": "misread: kind",
    "H004": "misread: reason",
    "H006": "misread: kind, reason",
    "H019": "misread: stated_deadline",
    "H031": "misread: kind, reason",
    "H032": "misread: stated_deadline",
    "H033": "misread: kind",
    "H040": "misread: kind, reason",
    "H047": "misread: stated_deadline",
    "H051": "misread: kind, reason",
    "H060": "misread: kind, reason",
    "H067": "misread: kind",
    "H069": "misread: kind",
    "H070": "misread: kind, reason",
    "H080": "misread: reason",
    "H082": "misread: stated_deadline",
    "H088": "misread: kind, reason",
    "H099": "misread: kind, reason",
}
# Notices the reader misreads now (strict xfail: a mark fails as soon as its notice passes).
MISSES: dict[str, str] = {}


@pytest.mark.parametrize("notice", params(NOTICES, MISSES))
def test_it_reads_every_sixth_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_sixth_blind_set_covers_every_label():
    covered = coverage(NOTICES, "H")
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 7
    assert covered.without_deadline >= 40
    assert covered.spanish >= 25


def test_every_marked_miss_is_a_notice_of_the_set():
    assert set(MISSES) | set(FIRST_RUN_MISSES) <= {n["id"] for n in NOTICES}
