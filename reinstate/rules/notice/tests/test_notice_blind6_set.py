"""The sixth blind set: 100 notices the reader has never been tuned on, HELD OUT.

notices/blind6.jsonl (H001-H100) was written by a helper from the label spec and the domain
fact sheet alone, after the fifth round's fixes, without reading the reader's code, its
catalogue or any other notice file; every stated deadline was computed with zoneinfo. The
reader's first (and so far only) run scored platform 100%, kind 87%, reason 89%, stated
deadline 95%: below the 97% bar on three fields (issue 17). Most misses are the class the
fifth round widened but did not close: messages that reassure the driver or bring news while
stating a rule for everyone ("Shoppers whose average rating stays below the minimum may be
deactivated ... your account is in good standing"), and warnings that tell the driver there
is nothing to do.

Do NOT add phrases looking at these notices: the set measures the next approach to reading
(see the issue 17 note), and it measures nothing once tuned on. Each miss is a strict xfail,
so a change that reads one right shows here, and the score is counted by the last test.
"""

from __future__ import annotations

from typing import Any

import pytest

from reinstate.testing.notice_sets import coverage, fields, load

NOTICES = load("blind6")
FIELDS = ("platform", "kind", "reason", "stated_deadline")

# The fields the reader gets wrong on each notice it misreads (strict xfail).
MISSES: dict[str, str] = {
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


def _case(notice: dict[str, Any]) -> Any:
    reason = MISSES.get(notice["id"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(notice, id=notice["id"], marks=marks)


@pytest.mark.parametrize("notice", [_case(n) for n in NOTICES])
def test_it_reads_every_sixth_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_sixth_blind_set_covers_every_label():
    covered = coverage(NOTICES, "H")
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 7
    assert covered.without_deadline >= 40
    assert covered.spanish >= 25


def test_the_score_is_what_the_issue_note_reports():
    """Per field, the notices read right: 100, 87, 89 and 95 of 100 on the first run."""
    right = {name: 0 for name in FIELDS}
    for notice in NOTICES:
        got = fields(notice)
        for name in FIELDS:
            right[name] += got[name] == notice["expect"][name]
    assert right == {"platform": 100, "kind": 87, "reason": 89, "stated_deadline": 95}
