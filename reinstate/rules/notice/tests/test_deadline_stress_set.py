"""A deadline stress set: 150 notices (100 with a stated deadline) read for their deadline alone.

notices/deadlines/train_k.jsonl (TK001-TK150) was written by a helper who never saw the deadline
grammar, its catalogue or any other notice file, from the README's deadline table and a list of
phrasings to stress: deadlines in a subject line or a table row, "72h", "biz days", "today by 6
PM", "by 9 tonight", "by tomorrow", close of business, "by the 15th", "the 3rd of next month",
"within the next week", Spanish times of day, ranges of past dates, dates in a quoted earlier
message, incentive terms, daylight-saving changes and federal holidays. Each deadline was
computed from a spec with zoneinfo and a checked holiday list, never typed by hand; where the
table has no row the author wrote down the convention used (their notes.md).

Its first reading was 32 of 150 wrong. The grammar's classes it showed (tests in
test_deadline_grammar.py, "classes of wording train_k showed") read 149 right. The one left is
a label we do not follow: "before midnight Pacific tonight" is labelled 00:00 of the next day,
and the reader keeps the conservative end of the received day, 23:59:59 (one second earlier),
as it reads every "midnight".

The folder is not one the reader's model learns from (model.training_files reads notices/*.jsonl
and notices/train/), so only the deadline is checked here; platform, kind and reason of these
notices are left to the sets written for that. Do not add phrases keyed on these notices: a
change that reads the miss right fails its strict xfail, and the last test pins the score.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import fields, load, params

NOTICES = load("deadlines/train_k")

# The notices whose stated deadline the reader reads otherwise than the label (strict xfail).
MISSES: dict[str, str] = {
    "TK116": "label: midnight tonight as 00:00 next day; read: 23:59:59 of the day (1 s earlier)",
}


@pytest.mark.parametrize("notice", params(NOTICES, MISSES))
def test_it_reads_the_stated_deadline_of_every_stress_notice(notice):
    assert fields(notice)["stated_deadline"] == notice["expect"]["stated_deadline"]


def test_the_set_is_what_its_author_wrote():
    assert len(NOTICES) == 150
    assert [n["id"] for n in NOTICES] == [f"TK{i:03d}" for i in range(1, 151)]
    assert sum(n["expect"]["stated_deadline"] is not None for n in NOTICES) == 100


def test_the_number_read_right_is_pinned():
    """149 of 150 (first reading: 118)."""
    right = sum(fields(n)["stated_deadline"] == n["expect"]["stated_deadline"] for n in NOTICES)
    assert right == 149
