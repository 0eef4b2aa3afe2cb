"""Every development notice is read right on every field.

notices/dev.jsonl is a copy of shared/examples/notices/dev.jsonl, kept in the repository so the
test runs wherever the repository is cloned.
"""

from __future__ import annotations

import pytest

from reinstate.testing.notice_sets import fields, load

NOTICES = load("dev")


@pytest.mark.parametrize("notice", NOTICES, ids=[n["id"] for n in NOTICES])
def test_it_reads_every_dev_notice_right_on_every_field(notice):
    assert fields(notice) == notice["expect"]


def test_the_dev_set_is_all_there():
    assert len(NOTICES) == 30
