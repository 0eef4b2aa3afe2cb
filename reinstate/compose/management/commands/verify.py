"""reinstate verify [--case ID]: walk the audit chain and re-hash every stored original; exit 1
with the list of what does not match.

reinstate verify --clean: remove what an unfinished upload, deletion or packet build left
behind, when it is safe to (see reinstate.evidence.leftovers and compose/verify_packets.py);
prints what was removed and what was kept, exit 0."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.compose.verify import verify_everything
from reinstate.compose.verify_packets import clean_packet_leftovers
from reinstate.core.cli import Error, JsonCommand
from reinstate.evidence.leftovers import clean_store


class Command(JsonCommand):
    help = "Check that the audit log and the stored evidence are intact."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--case", type=int, help="re-hash only this case's evidence")
        parser.add_argument(
            "--clean",
            action="store_true",
            help="remove what an unfinished upload, deletion or packet build left (never evidence)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["clean"]:
            if options["case"] is not None:
                raise Error(_("--clean looks at the whole data folder: run it without --case."))
            cleaned = clean_store().as_json()
            removed, kept = clean_packet_leftovers(timezone.now())
            cleaned["removed"] += removed
            cleaned["kept"] += kept
            self.emit(cleaned)
            return
        problems = verify_everything(options["case"])
        if problems:
            sys.stdout.write(json.dumps(problems, indent=2) + "\n")
            sys.exit(1)
        self.emit({"ok": True, "problems": []})
