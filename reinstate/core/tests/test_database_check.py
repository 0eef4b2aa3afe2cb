"""Every command checks the database is migrated before it runs; the quick check must never
say "up to date" when a migration is missing."""

from __future__ import annotations

import pytest
from django.db.migrations.recorder import MigrationRecorder

from reinstate.cli import unapplied_migrations_possible

pytestmark = pytest.mark.django_db


def test_it_says_nothing_to_do_on_a_migrated_database() -> None:
    assert unapplied_migrations_possible() is False


def test_it_notices_a_migration_not_yet_applied() -> None:
    MigrationRecorder.Migration.objects.filter(app="health", name="0001_initial").delete()
    assert unapplied_migrations_possible() is True
