"""reinstate appeal set|show|check|letter|approve|sent"""

from __future__ import annotations

from argparse import ArgumentParser
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.appeals.actions import do_approve_letter, do_save_letter, do_set_appeal
from reinstate.appeals.after_sending import after_sending
from reinstate.appeals.facts import first_draft, readiness_of
from reinstate.appeals.inputs import AppealInputError, read_appeal_file
from reinstate.appeals.models import Sending
from reinstate.appeals.presenters import appeal_json, letter_json, readiness_json
from reinstate.appeals.send_actions import do_mark_sent
from reinstate.appeals.sent_presenters import sent_json
from reinstate.cases.cli_input import parse_received
from reinstate.cases.models import Case
from reinstate.cases.queries import case_numbered
from reinstate.comms.actions import Upload
from reinstate.core.cli import Error, JsonCommand


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Error(_("No file %(path)s.") % {"path": path}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise Error(
            _("Cannot read %(path)s as UTF-8 text: %(error)s.") % {"path": path, "error": error}
        ) from None


class Command(JsonCommand):
    help = "Set, show and check a case's appeal (explanation, plan, record of good standing)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        put = actions.add_parser(
            "set", help="set the explanation, plan and record from a TOML file"
        )
        put.add_argument("case", type=int)
        put.add_argument("file", type=Path)
        show = actions.add_parser("show", help="print the appeal")
        show.add_argument("case", type=int)
        check = actions.add_parser("check", help="score the appeal and list what to fix")
        check.add_argument("case", type=int)
        letter = actions.add_parser(
            "letter", help="keep a new letter version: drafted from the appeal, or from --file"
        )
        letter.add_argument("case", type=int)
        letter.add_argument("--file", type=Path, help="the letter's text, edited by the driver")
        approve = actions.add_parser("approve", help="approve a letter version for packets")
        approve.add_argument("case", type=int)
        approve.add_argument("version", type=int)
        sent = actions.add_parser(
            "sent", help="say the appeal was sent: when, how, its reference and the proof"
        )
        sent.add_argument("case", type=int)
        sent.add_argument(
            "--at",
            required=True,
            metavar="ISO8601",
            help="when (without an offset: the case's zone)",
        )
        sent.add_argument("--channel", required=True, choices=Sending.Channel.values)
        sent.add_argument("--reference", default="", help="a ticket or confirmation number")
        sent.add_argument(
            "--file",
            action="append",
            default=[],
            type=Path,
            metavar="PROOF",
            help="a screenshot or the sent email, kept as evidence (repeat for more)",
        )
        sent.add_argument("--note", default="", help="a few words to remember")
        sent.add_argument(
            "--protective",
            action="store_true",
            help="a short protective appeal (the full appeal follows)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        case = case_numbered(options["case"])
        action = options["action"]
        if action == "set":
            try:
                do_set_appeal(case=case, data=read_appeal_file(options["file"]), actor=None)
            except AppealInputError as error:
                raise Error(str(error)) from None
            self.emit(appeal_json(case))
        elif action == "show":
            self.emit(appeal_json(case))
        elif action == "letter":
            text = _read_text(options["file"]) if options["file"] else first_draft(case)
            try:
                version = do_save_letter(case=case, text=text, actor=None)
            except AppealInputError as error:
                raise Error(str(error)) from None
            self.emit(letter_json(version) | {"text": version.text})
        elif action == "sent":
            self.emit(mark_sent(case, options))
        elif action == "approve":
            found = case.letters.filter(number=options["version"]).first()
            if found is None:
                raise Error(
                    _("Case %(case)s has no letter version %(version)s.")
                    % {"case": case.pk, "version": options["version"]}
                )
            self.emit(letter_json(do_approve_letter(letter=found, actor=None)))
        else:
            with translation.override("en"):  # the JSON is English whatever --lang says
                readiness = readiness_json(readiness_of(case, now=timezone.now()))
            self.emit(readiness)


def mark_sent(case: Case, options: dict[str, Any]) -> dict[str, Any]:
    """Done as the driver, as on the web. A refused proof file keeps nothing."""
    now = timezone.now()
    at = parse_received(options["at"], case.tz, name="--at")
    assert at is not None
    with ExitStack() as files:
        proof = [Upload(path.name, files.enter_context(_open(path))) for path in options["file"]]
        do_mark_sent(
            case=case,
            actor=case.owner,
            sent_at=at,
            channel=options["channel"],
            reference=options["reference"],
            note=options["note"],
            kind=Sending.Kind.PROTECTIVE if options["protective"] else Sending.Kind.APPEAL,
            proof=proof,
            now=now,
        )
    with translation.override("en"):  # the JSON is English whatever --lang says
        return sent_json(case, after_sending(case, now=now))


def _open(path: Path) -> Any:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise Error(_("No file %(path)s.") % {"path": path}) from None
    except OSError as error:
        raise Error(
            _("Cannot read %(path)s: %(error)s.") % {"path": path, "error": error}
        ) from None
