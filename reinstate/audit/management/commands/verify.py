"""reinstate verify [--case ID]: walk the audit chain and re-hash every stored original; exit 1
with the list of what does not match."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from reinstate.audit.queries import verify_everything
from reinstate.core.cli import JsonCommand


class Command(JsonCommand):
    help = "Check that the audit log and the stored evidence are intact."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--case", type=int, help="re-hash only this case's evidence")

    def handle(self, *args: Any, **options: Any) -> None:
        problems = verify_everything(options["case"])
        if problems:
            sys.stdout.write(json.dumps(problems, indent=2) + "\n")
            sys.exit(1)
        self.emit({"ok": True, "problems": []})
