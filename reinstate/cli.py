"""The `reinstate` command: every verb is a Django management command of one of the apps."""

from __future__ import annotations

import os
import sys

# Verbs that need no database: they skip the migration check.
NO_DATABASE = {"notice", "help", "--help", "-h", "--version"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:2] == ["notice", "read"]:
        # Reading a notice needs no database: answer without starting Django (about half
        # the time of a fresh process), with the same functions the `notice` command uses.
        from reinstate.cases.cli_input import main_notice_read

        sys.exit(main_notice_read(args[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    execute(args)


def execute(args: list[str]) -> None:
    """Run one verb in a process where Django is set up (the tests call this in-process)."""
    if args and args[0] not in NO_DATABASE:
        ensure_database()
    from django.core.management import ManagementUtility

    ManagementUtility(["reinstate", *args]).execute()


def ensure_database() -> None:
    """Create and migrate the database on first use, so every command works on an empty home."""
    if not unapplied_migrations_possible():
        return
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)


def unapplied_migrations_possible() -> bool:
    """Whether some migration file on disk is not yet recorded as applied.

    Loading Django's migration graph imports every migration module (a tenth of the time of a
    short command); comparing file names with the django_migrations table takes milliseconds.
    A "yes" is checked properly by the caller.
    """
    from importlib.util import find_spec
    from pathlib import Path

    from django.apps import apps
    from django.db import DatabaseError, connection
    from django.db.migrations.recorder import MigrationRecorder

    on_disk = set()
    for app in apps.get_app_configs():
        spec = find_spec(f"{app.name}.migrations")
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            on_disk |= {(app.label, path.stem) for path in Path(folder).glob("[0-9]*.py")}
    try:
        applied = set(MigrationRecorder(connection).applied_migrations())
    except DatabaseError:
        return True
    return not on_disk <= applied


if __name__ == "__main__":
    main()
