"""The ninth blind set: 100 notices the reader has never been tuned on, HELD OUT.

notices/blind9.jsonl (L001-L100) was written by a helper from the label spec and the domain
fact sheet alone, without reading the reader's code, its catalogue or any other notice file;
every stated deadline was recomputed with zoneinfo and a written-out holiday list. It arrived
with the reader's second opinion (rules/notice/model.py) in place, settings chosen on blind7.

Its first run: platform 99%, kind 93%, reason 92%, stated deadline 96% (the phrases alone 99,
88, 90 and 96): below the 97% bar on kind, reason and deadline (issue 17). The model then
learnt from 300 notices written for training alone and from blind8; blind9 read 92/91, then
93/92 again; with 300 more training notices (kept because blind7 did not drop), 93/93. With
the odds rule, an outcome's "no reason" learnt, 600 more training notices and the deadline
grammar's classes from train_g: 99/95/95/98. Only the ids and fields of the misses were looked
at, and the author's notes: six of the first misses (L024, L049, L064, L071, L095, L097) are
labels the author itself doubted.

Do NOT add phrases looking at these notices, nor train on them (model.HELD_OUT): the set
measures nothing once tuned on. Each miss is a strict xfail, so a change that reads one right
shows here, and the last test pins the score.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params, right_per_field

NOTICES = load("blind9")

# The fields the reader gets wrong on each notice it misreads (strict xfail).
MISSES: dict[str, str] = {
    "L010": "misread: stated_deadline",
    "L030": "misread: kind",
    "L038": "misread: stated_deadline",
    "L044": "misread: platform",
    "L049": "misread: reason",
    "L052": "misread: kind, reason",
    "L070": "misread: kind, reason",
    "L071": "misread: kind",
    "L094": "misread: reason",
    "L095": "misread: reason",
    "L097": "misread: kind",
}


@pytest.mark.parametrize("notice", params(NOTICES, MISSES))
def test_it_reads_every_ninth_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_ninth_blind_set_covers_every_label():
    covered = coverage(NOTICES, "L")
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 4
    assert covered.without_deadline >= 50
    assert covered.spanish >= 10


def test_the_score_is_what_the_issue_note_reports():
    """Per field, the notices read right: 99, 95, 95 and 98 of 100 (with the model's first
    settings 99, 93, 93 and 96)."""
    assert right_per_field(NOTICES) == {
        "platform": 99,
        "kind": 95,
        "reason": 95,
        "stated_deadline": 98,
    }
