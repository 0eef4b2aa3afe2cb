"""The eighth blind set: 100 notices no phrase was written for; the model learns from it.

notices/blind8.jsonl (K001-K100) was written by a helper from the label spec and the domain
fact sheet alone, without reading the reader's code, its catalogue or any other notice file;
every stated deadline was checked with zoneinfo and a written-out holiday list. It arrived
after the reader's second opinion (rules/notice/model.py) had its settings chosen on blind7.

Its first run, held out: platform 99%, kind 89%, reason 89%, stated deadline 95% (the phrases
alone 99, 86, 88 and 95); the model's [model] min_words, made for a unit test, then took one
kind and one reason back, to 88 and 88. The model has since learnt from it (with 600 notices
written for training alone, notices/train/), and blind9 took over the measuring. Only the ids
and fields of the misses were looked at, and the author's notes on labels they doubted.

Do NOT add phrases looking at these notices. Each miss is a strict xfail, so a change that
reads one right shows here, and the last test pins the score.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params, right_per_field

NOTICES = load("blind8")

# The fields the reader gets wrong on each notice it misreads (strict xfail).
MISSES: dict[str, str] = {
    "K011": "misread: platform",
    "K076": "misread: kind, reason",
}


@pytest.mark.parametrize("notice", params(NOTICES, MISSES))
def test_it_reads_every_eighth_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_eighth_blind_set_covers_every_label():
    covered = coverage(NOTICES, "K")
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 5
    assert covered.without_deadline >= 50
    assert covered.spanish >= 10


def test_the_score_is_what_the_issue_note_reports():
    """Per field, the notices read right: 99, 99, 99 and 100 of 100, the model having learnt
    from them (held out: 99, 88, 88 and 95); the deadline grammar's classes of train_g (a time
    before a date, "inside N days", the driver's act left undone, usted imperatives, ...) read
    the last five deadlines right."""
    assert right_per_field(NOTICES) == {
        "platform": 99,
        "kind": 99,
        "reason": 99,
        "stated_deadline": 100,
    }
