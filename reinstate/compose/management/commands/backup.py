"""reinstate backup -o FILE [--force] | --dir DIR [--keep N]

A consistent backup while the app runs: the database snapshot first, then the originals its
rows name, their renditions, the packets and the secret key, with a manifest of SHA-256s
(reinstate/compose/backup/). Written beside FILE and renamed into place when complete.
With --dir, a timestamped file in DIR; --keep N then deletes the oldest beyond N (for cron).
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from reinstate.compose.backup.make import make_backup, rotate, timed_name
from reinstate.core.cli import Error, JsonCommand


class Command(JsonCommand):
    help = "Back up the database and the stored files into one file, while the app runs."

    def add_arguments(self, parser: ArgumentParser) -> None:
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("-o", "--output", help="the backup file to write")
        where.add_argument("--dir", help="a folder for timestamped backups (cron)")
        parser.add_argument("--force", action="store_true", help="replace an existing FILE")
        parser.add_argument("--keep", type=int, help="with --dir: keep this many newest backups")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._handle(options)
        except RuntimeError as error:  # pg_dump or pg_restore failed, an original vanished
            raise CommandError(str(error), returncode=1) from None

    def _handle(self, options: dict[str, Any]) -> None:
        keep = options["keep"]
        if keep is not None and (options["dir"] is None or keep < 1):
            raise Error(_("--keep N goes with --dir, and N is at least 1."))
        if options["dir"] is not None:
            folder = Path(options["dir"]).expanduser()
            if not folder.is_dir():
                raise Error(_("No folder %(folder)s.") % {"folder": folder})
            made = make_backup(folder / timed_name())
            made.removed = rotate(folder, keep) if keep else []
            self.emit({**made.as_json(), "removed": made.removed})
            return
        self.emit(
            make_backup(Path(options["output"]).expanduser(), force=options["force"]).as_json()
        )
