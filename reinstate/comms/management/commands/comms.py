"""reinstate comms import|add|list: the support log from the command line."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.queries import user_named
from reinstate.cases.cli_input import not_a_time
from reinstate.cases.queries import case_numbered
from reinstate.comms.actions import CommsInputError, Upload, do_add_contact
from reinstate.comms.imports import file_source, import_files
from reinstate.comms.mail import MailFilter
from reinstate.comms.models import Channel, Direction
from reinstate.comms.presenters import case_follow_up, contact_json
from reinstate.comms.queries import contacts_of
from reinstate.core.cli import Error, JsonCommand, not_a_day
from reinstate.lib.iso import iso


def parse_at(value: str, tz: ZoneInfo, option: str = "--at") -> datetime:
    """An ISO 8601 time; one without an offset is read in the case's time zone."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Error(not_a_time(value, option, example="2026-11-03T10:30:00-08:00")) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Error(not_a_day(value, option)) from None


def existing_files(names: list[str]) -> list[Path]:
    paths = [Path(name) for name in names]
    for path in paths:
        if not path.is_file():
            raise Error(_("No such file: %(file)s") % {"file": path})
    return paths


class Command(JsonCommand):
    help = "The support log: import emails and chats, log a contact, list a case's contacts."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        imp = actions.add_parser("import", help="import .eml, .mbox and .txt chat files")
        imp.add_argument("case", type=int)
        imp.add_argument("files", nargs="+", metavar="FILE")
        imp.add_argument("--sender", default="", help="only emails from this sender")
        imp.add_argument("--subject", default="", help="only emails whose subject has this")
        imp.add_argument("--since", help="only emails from this day on (YYYY-MM-DD)")
        imp.add_argument("--until", help="only emails up to this day (YYYY-MM-DD)")
        imp.add_argument("--ticket", default="", help="only emails naming this ticket number")
        imp.add_argument("--at", help="when a chat took place, ISO 8601 (default: now)")
        imp.add_argument("--user", help="who is importing (default: the command line)")
        add = actions.add_parser("add", help="log one contact with support")
        add.add_argument("case", type=int)
        add.add_argument("--channel", required=True, choices=Channel.values)
        add.add_argument("--at", required=True, help="when, ISO 8601")
        add.add_argument("--summary", required=True)
        add.add_argument("--direction", default=Direction.TO_PLATFORM, choices=Direction.values)
        add.add_argument("--agent", default="")
        add.add_argument("--ticket", action="append", default=[], metavar="T")
        add.add_argument("--file", action="append", default=[], metavar="FILE")
        add.add_argument("--user", help="who is logging it (default: the command line)")
        listing = actions.add_parser("list", help="a case's contacts, oldest first")
        listing.add_argument("case", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        case = case_numbered(options["case"])
        now = timezone.now()
        tz = ZoneInfo(case.time_zone)
        action = options["action"]
        if action == "list":
            follow = case_follow_up(case, now=now)
            self.emit(
                {
                    "case": case.pk,
                    "contacts": [contact_json(c) for c in contacts_of(case)],
                    "follow_up_due": iso(follow.due_at) if follow else None,
                }
            )
            return
        actor = user_named(options["user"]) if options["user"] else None
        paths = existing_files(options["files"] if action == "import" else options["file"])
        if action == "import":
            about = MailFilter(
                sender=options["sender"],
                subject=options["subject"],
                since=parse_day(options["since"], "--since"),
                until=parse_day(options["until"], "--until"),
                ticket=options["ticket"],
            )
            result = import_files(
                case=case,
                actor=actor,
                sources=[file_source(p) for p in paths],
                now=now,
                about=about,
                chat_at=parse_at(options["at"], tz) if options["at"] else None,
            )
            self.emit(result.as_json())
            return
        handles = [p.open("rb") for p in paths]
        try:
            contact = do_add_contact(
                case=case,
                actor=actor,
                channel=options["channel"],
                direction=options["direction"],
                at=parse_at(options["at"], tz),
                summary=options["summary"],
                agent=options["agent"],
                tickets=options["ticket"],
                files=[Upload(p.name, h) for p, h in zip(paths, handles, strict=True)],
            )
        except CommsInputError as error:
            raise Error(str(error)) from None
        finally:
            for handle in handles:
                handle.close()
        self.emit(contact_json(contact))
