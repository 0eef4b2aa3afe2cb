"""reinstate records add|list: the driver's own records, kept before any case."""

from __future__ import annotations

from argparse import ArgumentParser
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.queries import user_named
from reinstate.comms.actions import Upload
from reinstate.core.cli import Error, JsonCommand
from reinstate.records.actions import do_add_record
from reinstate.records.models import Kind
from reinstate.records.presenters import record_json
from reinstate.records.queries import get_record_for_user, records_of


class Command(JsonCommand):
    help = (
        "Keep a record (a note, a problem on the route, a call with support, files), and list them."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        add = actions.add_parser("add", help="keep a record, with its files")
        add.add_argument("files", nargs="*", metavar="FILE")
        add.add_argument("--user", required=True, help="the driver it belongs to")
        add.add_argument("--kind", choices=Kind.values, default=Kind.NOTE.value)
        add.add_argument("--note", default="", help="what happened; for support, what was said")
        add.add_argument("--who", default="", help="for support: who you talked to")
        add.add_argument("--at", help="when it happened, ISO 8601 (default: now)")
        listing = actions.add_parser("list", help="a driver's records, the newest first")
        listing.add_argument("--user", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_named(options["user"])
        if options["action"] == "list":
            records = records_of(user).prefetch_related("uses")
            self.emit([record_json(r, list(r.uses.all())) for r in records])
            return
        zone = ZoneInfo(user.time_zone)
        at = _moment(options["at"], zone) if options["at"] else timezone.now()
        paths = [Path(name) for name in options["files"]]
        for path in paths:
            if not path.is_file():
                raise Error(_("No such file: %(file)s") % {"file": path})
        with ExitStack() as stack:
            uploads = [Upload(name=p.name, source=stack.enter_context(p.open("rb"))) for p in paths]
            record = do_add_record(
                owner=user,
                at=at,
                kind=options["kind"],
                note=options["note"],
                who=options["who"],
                files=uploads,
                time_zone=zone.key,
            )
        self.emit(record_json(get_record_for_user(user, record.pk)))


def _moment(value: str, zone: ZoneInfo) -> datetime:
    """An ISO 8601 time; one without an offset is on the driver's clock."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Error(
            _("--at %(value)s is not a time: use ISO 8601, e.g. 2026-11-03T14:30-08:00.")
            % {"value": repr(value)}
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
