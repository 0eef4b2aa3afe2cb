"""The `reinstate` command: every verb is a Django management command of one of the apps."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

# The languages the messages are written in (settings.LANGUAGES; known here before Django is).
KNOWN_LANGUAGES = {"en", "es"}
# Verbs that need no database: they skip the migration check.
NO_DATABASE = {"notice", "help", "--help", "-h", "--version"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    language, args = chosen_language(args, os.environ)
    if args[:2] == ["notice", "read"] and language == "en":
        # Reading a notice needs no database: answer without starting Django (about half
        # the time of a fresh process), with the same functions the `notice` command uses.
        from reinstate.cases.cli_input import main_notice_read

        sys.exit(main_notice_read(args[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    execute(args, language=language)


def chosen_language(args: list[str], environ: Mapping[str, str]) -> tuple[str, list[str]]:
    """The language of the messages (`--lang es`, else the locale's: LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG, as gettext reads them), and the arguments without `--lang`.

    Only the words change: JSON keys and values the commands compute stay as they are."""
    rest: list[str] = []
    given = ""
    words = iter(args)
    for word in words:
        if word == "--lang":
            given = next(words, "")
        elif word.startswith("--lang="):
            given = word.removeprefix("--lang=")
        else:
            rest.append(word)
    if not given:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            if environ.get(name):
                given = environ[name].split(":")[0]
                break
    code = given.split(".")[0].split("_")[0].split("-")[0].lower()
    return (code if code in KNOWN_LANGUAGES else "en"), rest


def execute(args: list[str], *, language: str = "en") -> None:
    """Run one verb in a process where Django is set up (the tests call this in-process)."""
    from django.core.management import ManagementUtility
    from django.utils import translation

    with translation.override(language):
        if args and args[0] not in NO_DATABASE:
            try:
                ensure_database()
            except Exception as error:
                _exit_if_disk_full(error)
                raise
        ManagementUtility(["reinstate", *args]).execute()


def _exit_if_disk_full(error: Exception) -> None:
    """No room to set up the database: one line and exit 2, as every command's errors."""
    from reinstate.core.cli import DISK_FULL, EXIT_BAD_INPUT
    from reinstate.core.disk_full import is_disk_full

    if is_disk_full(error):
        sys.stderr.write(f"Error: {DISK_FULL}\n")  # i18n: "Error" is the label Django gives
        raise SystemExit(EXIT_BAD_INPUT) from None


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
