"""Cases opened before law notes were read from the catalogue keep only their laws' keys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reinstate.testing.personas import make_driver

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("cases", "0005_notice_copy_why")]
AFTER = [("cases", "0006_law_notes_keys")]


@pytest.fixture(autouse=True)
def latest_after() -> Iterator[None]:
    """Put the schema back as it is now, for the next test the same database serves."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def stored_note(key: str) -> dict[str, object]:
    """A note as intake used to write it: the whole text, frozen."""
    return {
        "key": key,
        "name": "An old name",
        "summary": "Old words, since corrected in the catalogue.",
        "source": "research/domain-facts.md",
        "confidence": "official",
        "deadline": None,
        "window": None,
    }


def test_stored_notes_become_keys_and_back() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Case = apps.get_model("cases", "Case")
    owner_id = make_driver().pk
    opened = datetime(2026, 11, 5, 20, 0, tzinfo=UTC)

    def case(notes: list[object]) -> int:
        row = Case.objects.create(
            owner_id=owner_id,
            notice_text="Your account has been deactivated.",
            received_at=opened,
            time_zone="America/Los_Angeles",
            kind="deactivation",
            plan_anchor=opened,
            law_notes=notes,
        )
        return int(row.pk)

    two = case([stored_note("fcra"), stored_note("seattle_smc_8_40")])
    none = case([])
    withdrawn = case([stored_note("a_law_since_withdrawn")])

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Case = apps.get_model("cases", "Case")
    stored = dict(Case.objects.values_list("pk", "law_notes"))
    # A key the catalogue no longer has is kept: the pages skip it quietly.
    assert stored == {
        two: ["fcra", "seattle_smc_8_40"],
        none: [],
        withdrawn: ["a_law_since_withdrawn"],
    }

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Case = apps.get_model("cases", "Case")
    assert Case.objects.get(pk=two).law_notes == [{"key": "fcra"}, {"key": "seattle_smc_8_40"}]
