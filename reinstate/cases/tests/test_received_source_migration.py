"""Existing cases learn how their received time was known, and their notice is collected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reinstate.testing.personas import make_driver

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("cases", "0002_case_outcome")]
AFTER = [("cases", "0003_received_source")]


@pytest.fixture(autouse=True)
def latest_after() -> Iterator[None]:
    """Put the schema back as it is now: later migrations (a column added since) must be there
    for the next test the same database serves."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_it_says_how_existing_received_times_were_known() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Case = apps.get_model("cases", "Case")
    ChecklistItem = apps.get_model("cases", "ChecklistItem")
    owner_id = make_driver().pk  # the accounts tables are as they are now
    opened = datetime(2026, 11, 5, 20, 0, tzinfo=UTC)

    def case(received: datetime, **notice: str) -> int:
        row = Case.objects.create(
            owner_id=owner_id,
            notice_text="Your account has been deactivated.",
            received_at=received,
            time_zone="America/Los_Angeles",
            kind="deactivation",
            plan_anchor=opened,
            **notice,
        )
        Case.objects.filter(pk=row.pk).update(created_at=opened)
        return int(row.pk)

    assumed = case(opened + timedelta(milliseconds=3))
    given = case(opened - timedelta(days=2))
    emailed = case(opened - timedelta(days=3), notice_filename="n.eml", notice_subject="Hi")
    email_without_date = case(opened, notice_sender="flex@example.com")
    ChecklistItem.objects.create(case_id=given, key="notice_copy", title="The notice")
    ChecklistItem.objects.create(case_id=given, key="delivery_photos", title="Photos")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Case = apps.get_model("cases", "Case")
    ChecklistItem = apps.get_model("cases", "ChecklistItem")
    sources = dict(Case.objects.values_list("pk", "received_source"))
    assert sources == {
        assumed: "assumed_now",
        given: "given",
        emailed: "email_header",
        email_without_date: "assumed_now",
    }
    done = dict(ChecklistItem.objects.values_list("key", "done"))
    assert done == {"notice_copy": True, "delivery_photos": False}
