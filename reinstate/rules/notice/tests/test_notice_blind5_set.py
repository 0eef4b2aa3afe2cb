"""The fifth blind set measured the reader on 100 notices it had never seen; now a regression set.

notices/blind5.jsonl (G001-G100) was written by a helper from the label spec and the domain
fact sheet alone, without reading the reader's code, its catalogue or any other notice file;
every stated deadline was computed with zoneinfo from the spec's table. The reader's first
run scored platform 100%, kind 96%, reason 94% and stated deadline 96% (below the 97% bar on
three fields). Every miss was re-checked against the spec.

After the class fixes (issue 17) it scores 100/100/99/100. The misses (FIRST_RUN_MISSES) were
fixed by class of wording, each class tried first on new variations written by someone who had
not read the reader (the "blind5" section of notices/wording.jsonl). The last miss, G085 (a
reinstatement whose reason is told only in a quoted earlier notice, a label two blind sets
disagree on), reads as labelled since the model's second opinion decides an outcome's reason
(issue 17). Since the fixes were made looking at these
notices, blind5 is NO LONGER UNSEEN: the next measurement needs a fresh blind set.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params

NOTICES = load("blind5")

# The reader's misses on the first run, by notice, with the wording it did not follow.
FIRST_RUN_MISSES = {
    "G003": "Spanish 'estabas usando el celular mientras conducías' (the phone at the wheel) "
    "not read as conduct or safety",
    "G056": "the platform's own time in a new verb ('reviews are usually wrapped up within 2 "
    "business days') read as the driver's deadline",
    "G058": "a weekly summary that praises the driver ('Great job!') with a link to 'what can "
    "lead to loss of account access' read as a warning",
    "G061": "'before we decide, reply to this email within 5 business days': the platform's "
    "clause before the comma claimed the driver's deadline",
    "G064": "Spanish policy news ('Ahora puedes apelar ... las infracciones vencen después de "
    "90 días') read as a warning",
    "G080": "a ratings update ('keep it up') with the general rule 'drivers whose rating falls "
    "too low may lose access' read as a warning",
    "G083": "a deadline after a word split across lines ('docu\\nment by July 10, 2026 at "
    "11:59\\nPM PT') not read",
    "G088": "Spanish delivery tips ('toma una foto clara') read as an identity check, and the "
    "list of tiers ('Fantastic, Great, Fair, At Risk') as a warning",
    "G089": "'complete the form\\nbefore Sunday': the line break cut the action from its deadline",
}
# Notices the reader misreads now (strict xfail: a mark fails as soon as its notice passes).
MISSES: dict[str, str] = {}


@pytest.mark.parametrize("notice", params(NOTICES, MISSES))
def test_it_reads_every_fifth_blind_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_fifth_blind_set_covers_every_label():
    covered = coverage(NOTICES, "G")
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 7
    assert covered.without_deadline >= 40
    # about a quarter are Spanish
    assert covered.spanish >= 25


def test_every_marked_miss_is_a_notice_of_the_set():
    assert set(MISSES) | set(FIRST_RUN_MISSES) <= {n["id"] for n in NOTICES}
