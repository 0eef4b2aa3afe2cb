"""reinstate evidence add|list

`add` makes each file's preview itself, as it did before the queue: the command line may run
where no worker does, and what it prints is then complete (a picture that cannot be decoded
to its end is refused, as it always was here). The web upload queues it (evidence/tasks.py).
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from reinstate.accounts.queries import user_named
from reinstate.cases.queries import case_numbered
from reinstate.core.cli import Error, JsonCommand
from reinstate.evidence.actions import EvidenceFileError, do_add_evidence
from reinstate.evidence.models import EvidenceItem
from reinstate.evidence.presenters import evidence_json
from reinstate.evidence.queries import items_of


class Command(JsonCommand):
    help = "Add evidence files to a case, and list a case's evidence."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        add = actions.add_parser("add", help="keep files as evidence for a case")
        add.add_argument("case", type=int)
        add.add_argument("files", nargs="+", metavar="FILE")
        add.add_argument("--kind", choices=EvidenceItem.Kind.values)
        add.add_argument("--note", default="")
        add.add_argument("--user", help="who is adding them (default: the command line)")
        listing = actions.add_parser("list", help="a case's evidence, in exhibit order")
        listing.add_argument("case", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        case = case_numbered(options["case"])
        if options["action"] == "list":
            self.emit([evidence_json(item) for item in items_of(case)])
            return
        actor = user_named(options["user"]) if options["user"] else None
        paths = [Path(name) for name in options["files"]]
        for path in paths:
            if not path.is_file():
                raise Error(_("No such file: %(file)s") % {"file": path})
        results, refused = [], []
        for path in paths:
            try:
                with path.open("rb") as source:
                    added = do_add_evidence(
                        case=case,
                        actor=actor,
                        source=source,
                        filename=path.name,
                        kind=options["kind"],
                        note=options["note"],
                        inline_renditions=True,
                    )
            except EvidenceFileError as error:
                refused.append(_("%(file)s: %(problem)s") % {"file": path.name, "problem": error})
            else:
                results.append(evidence_json(added.item, duplicate=added.duplicate))
        # Each file stands alone: those added are printed even when another was refused.
        self.emit(results)
        if refused:
            raise Error(" | ".join(refused))
