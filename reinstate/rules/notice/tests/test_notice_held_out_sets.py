"""The held-out sets blind10 to blind13: 400 notices the reader has never been tuned on.

Each was written by a helper from the label spec and the domain fact sheet alone, without reading
the reader's code, its catalogue or any other notice file, and each stated deadline computed with
zoneinfo and a written-out holiday list. Each set had a focus of its own (FOCUS below). They were
read with the reader's settings already chosen on the sets written for training alone (reading.toml
[model], issue 17): blind10 and blind11 first; then blind12 and blind13, on which a model that had
also learnt from 288 more training notices scored alike, while it read blind10 and blind11 worse,
so it was not kept. The model never learns from them (model.HELD_OUT).

Do NOT add phrases looking at these notices, nor train on them: a set measures nothing once tuned
on. Only the ids and fields of the misses were looked at. Each miss is a strict xfail, so a change
that reads one right shows here, and the last test pins each set's score.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import coverage, fields, load, params, right_per_field

FOCUS = {
    "blind10": "a general mix: emails, app screens, SMS and push messages, legal letters, threads",
    "blind11": "what drivers paste: text off phone screenshots, support chats, inbox messages",
    "blind12": "as received: careless (typos, capitals), or formal with the decision implied",
    "blind13": "house styles of many teams: bullets, one dense paragraph, the decision at the end",
}
LETTERS = {"blind10": "M", "blind11": "N", "blind12": "P", "blind13": "Q"}

# The fields the reader gets wrong on each notice it misreads (strict xfail). Three of blind10's
# platforms are labels inferred from words the reader does not take as naming a platform.
MISSES: dict[str, str] = {
    "M008": "misread: platform",
    "M033": "misread: platform",
    "M049": "misread: platform",
    "M064": "misread: reason",
    "M072": "misread: kind",
    "M075": "misread: stated_deadline",
    "M076": "misread: platform",
    "M091": "misread: stated_deadline",
    "N003": "misread: kind, reason",
    "N015": "misread: reason",
    "N042": "misread: reason",
    "N071": "misread: kind, reason",
    "P051": "misread: reason",
    "P060": "misread: reason",
    "Q007": "misread: stated_deadline",
    "Q010": "misread: stated_deadline",
    "Q017": "misread: kind",
    "Q025": "misread: kind",
    "Q078": "misread: stated_deadline",
    "Q100": "misread: reason",
}

# Per field, the notices of each set read right at its first reading (platform, kind, reason,
# stated deadline); of the 400: 396, 395, 392 and 395.
SCORES = {
    "blind10": (96, 99, 99, 98),
    "blind11": (100, 98, 96, 100),
    "blind12": (100, 100, 98, 100),
    "blind13": (100, 98, 99, 97),
}

NOTICES = {name: load(name) for name in FOCUS}


@pytest.mark.parametrize(
    "notice", params([n for notices in NOTICES.values() for n in notices], MISSES)
)
def test_it_reads_every_held_out_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


@pytest.mark.parametrize("name", FOCUS)
def test_each_held_out_set_covers_every_label(name):
    covered = coverage(NOTICES[name], LETTERS[name])
    assert covered.size == 100
    assert covered.every_platform and covered.every_kind and covered.ids_in_order
    assert covered.fewest_of_a_reason >= 4
    assert covered.without_deadline >= 50
    assert covered.spanish >= 10


@pytest.mark.parametrize("name", FOCUS)
def test_the_scores_are_what_the_issue_note_reports(name):
    score = right_per_field(NOTICES[name])
    assert tuple(score.values()) == SCORES[name]
