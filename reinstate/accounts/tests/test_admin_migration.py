"""Organisations set up before roles get an admin: whoever set it up, as the audit log says,
else their earliest member."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reinstate.accounts.actions import do_create_organisation
from reinstate.testing.personas import make_user

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("accounts", "0004_user_language")]
AFTER = [("accounts", "0005_membership_admin")]


@pytest.fixture(autouse=True)
def latest_after() -> Iterator[None]:
    """Put the schema back as it is now, for the next test the same database serves."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_creator_else_the_earliest_member_becomes_admin() -> None:
    ada, bea, cal = make_user("ada"), make_user("bea"), make_user("cal")
    # Set up on the web by bea, who is not listed first; the log names her as its creator.
    logged = do_create_organisation(name="Logged Union", advocates=[ada, bea], actor=bea)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Organisation = apps.get_model("accounts", "Organisation")
    Membership = apps.get_model("accounts", "Membership")
    Membership.objects.filter(organisation_id=logged.pk).update(role="advocate")
    unlogged = Organisation.objects.create(name="Older Clinic", invite_code="OLD1")
    for user in (cal, ada):  # cal joined first
        Membership.objects.create(organisation=unlogged, user_id=user.pk, role="advocate")
    empty = Organisation.objects.create(name="Nobody Yet", invite_code="OLD2")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Membership = apps.get_model("accounts", "Membership")
    admins = set(
        Membership.objects.filter(role="admin").values_list("organisation_id", "user__username")
    )
    assert admins == {(logged.pk, "bea"), (unlogged.pk, "cal")}
    assert not Membership.objects.filter(organisation_id=empty.pk).exists()
