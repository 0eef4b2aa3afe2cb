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
    if args and args[0] not in NO_DATABASE:
        ensure_database()
    from django.core.management import ManagementUtility

    ManagementUtility(["reinstate", *args]).execute()


def ensure_database() -> None:
    """Create and migrate the database on first use, so every command works on an empty home."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)


if __name__ == "__main__":
    main()
