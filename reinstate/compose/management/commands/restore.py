"""reinstate restore FILE: put a backup back into an empty data folder and an empty database.

Every file is checked against the manifest before anything is put in place (a damaged backup
restores nothing); then the checks of `reinstate verify` run, the audit chain among them.
Prints {"file", "database", "originals", "files", "verify", "audit_chain"}; exit 1 when a
check fails, 2 on a file that is not a backup or a folder that is not empty.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from reinstate.compose.backup.restore import restore_backup
from reinstate.core.cli import JsonCommand


class Command(JsonCommand):
    help = "Restore a backup made by `reinstate backup` into an empty data folder."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the backup file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._handle(options)
        except RuntimeError as error:  # pg_dump or pg_restore failed, an original vanished
            raise CommandError(str(error), returncode=1) from None

    def _handle(self, options: dict[str, Any]) -> None:
        restored = restore_backup(Path(options["file"]).expanduser()).as_json()
        if not restored["verify"]["ok"]:
            sys.stdout.write(json.dumps(restored, indent=2) + "\n")
            sys.exit(1)
        self.emit(restored)
