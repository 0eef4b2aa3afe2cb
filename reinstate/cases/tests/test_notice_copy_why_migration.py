"""Open cases stop telling the driver to copy the notice into the locker for it to reach the
appeal: the packet carries it now."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reinstate.cases.models import Case, ChecklistItem
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import make_driver

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("cases", "0004_case_steps_seen")]
AFTER = [("cases", "0005_notice_copy_why")]
WORDS = import_module("reinstate.cases.migrations.0005_notice_copy_why")


@pytest.fixture(autouse=True)
def latest_after() -> Iterator[None]:
    """The schema back as it is now, for the next test the same database serves."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_it_rewords_the_old_promise_and_leaves_other_words(
    open_case: Callable[..., Case],
) -> None:
    case = open_case(make_driver(), FLEX_LATE)
    notice = case.checklist.get(key="notice_copy")
    assert notice.why == WORDS.NEW  # a case opened today has the new words already
    ChecklistItem.objects.filter(pk=notice.pk).update(why=WORDS.OLD)
    other = case.checklist.exclude(key="notice_copy")[0]
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    assert ChecklistItem.objects.get(pk=notice.pk).why == WORDS.NEW
    assert ChecklistItem.objects.get(pk=other.pk).why == other.why
