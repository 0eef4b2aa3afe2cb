"""The seventh blind set: 100 notices no phrase was written for, and the model's VALIDATION set.

notices/blind7.jsonl (J001-J100) was written by a helper from the label spec and the domain
fact sheet alone, after the sixth round's fixes, without reading the reader's code, its
catalogue or any other notice file; every stated deadline was computed with zoneinfo. The
phrases alone scored platform 100%, kind 89%, reason 90%, stated deadline 98% on it.

It then chose the settings of the reader's second opinion (rules/notice/model.py: its
regularisation and the probability at which it overrules the phrases, reading.toml [model]);
the model never learnt from it (scripts/train-notice-model holds it out). With the model the
reader scored 100, 95, 94 and 98. The settings are now chosen on the sets written for
training alone (reading.toml [model]); blind9, blind10 and blind11 measure the reader unseen.

Do NOT add phrases looking at these notices, nor train on them. Each miss is a strict xfail,
so a change that reads one right shows here, and the last test pins the score.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params, right_per_field

NOTICES = load("blind7")

# The fields the reader gets wrong on each notice it misreads (strict xfail).
MISSES: dict[str, str] = {
    "J002": "misread: kind, reason",
    "J028": "misread: reason",
    "J031": "misread: stated_deadline",
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
    """Per field, the notices read right: 100, 98, 97 and 99 of 100 (the phrases alone: 100,
    89, 90 and 98; with the model's first settings 100, 95, 94 and 98)."""
    assert right_per_field(NOTICES) == {
        "platform": 100,
        "kind": 98,
        "reason": 97,
        "stated_deadline": 99,
    }
