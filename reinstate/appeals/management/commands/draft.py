"""reinstate draft CASE KEY [-o FILE]: the draft for one of the case's options."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.appeals.options import UnknownOption, case_options, option_draft
from reinstate.cases.queries import case_numbered
from reinstate.core.cli import Error, JsonCommand
from reinstate.rules.appeal.option_drafts import NoDraft
from reinstate.rules.appeal.options import KEYS


class Command(JsonCommand):
    help = "Write the draft for an option `reinstate next` lists (a follow-up, a complaint...)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("case", type=int)
        parser.add_argument("key", help=f"one of: {', '.join(KEYS)}")
        parser.add_argument("-o", "--output", type=Path, help="write it to this file")

    def handle(self, *args: Any, **options: Any) -> None:
        case = case_numbered(options["case"])
        key, now = options["key"], timezone.now()
        if key not in KEYS:
            raise Error(
                _("No option %(key)s. The options are: %(options)s.")
                % {"key": repr(key), "options": ", ".join(KEYS)}
            )
        try:
            # The JSON is English whatever --lang says, and so is the file (as the JSON).
            with translation.override("en"):
                draft = option_draft(case, key, now=now)
        except UnknownOption:
            found = ", ".join(o.key for o in case_options(case, now=now))
            if not found:
                raise Error(
                    _("%(key)s does not apply to case %(case)s now. It has no options now.")
                    % {"key": key, "case": case.pk}
                ) from None
            raise Error(
                _("%(key)s does not apply to case %(case)s now. Its options: %(options)s.")
                % {"key": key, "case": case.pk, "options": found}
            ) from None
        except NoDraft:
            raise Error(
                _("%(key)s has no draft: see `reinstate next %(case)s` for how.")
                % {"key": key, "case": case.pk}
            ) from None
        if options["output"] is None:
            self.emit(
                {
                    "key": draft.key,
                    "title": draft.title,
                    "heading": draft.heading,
                    "to": draft.to,
                    "subject": draft.subject,
                    "text": draft.text,
                }
            )
            return
        path: Path = options["output"]
        data = (draft.full() + "\n").encode("utf-8")
        try:
            path.write_bytes(data)
        except OSError as error:
            raise Error(
                _("Cannot write %(path)s: %(error)s.")
                % {"path": path, "error": error.strerror or error}
            ) from None
        self.emit({"key": draft.key, "path": str(path), "bytes": len(data)})
