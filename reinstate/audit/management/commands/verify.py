"""reinstate verify: walk the audit chain; exit 1 with the list of what does not match."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from reinstate.audit.queries import verify_chain
from reinstate.core.cli import JsonCommand


class Command(JsonCommand):
    help = "Check that the audit log is intact."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--case", type=int, help="limit the report to one case")

    def handle(self, *args: Any, **options: Any) -> None:
        problems = [
            {"kind": "audit_event", "seq": p.seq, "problem": p.problem} for p in verify_chain()
        ]
        if problems:
            sys.stdout.write(json.dumps(problems, indent=2) + "\n")
            sys.exit(1)
        self.emit({"ok": True, "problems": []})
