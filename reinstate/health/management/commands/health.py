"""reinstate health import|standing|reading"""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import datetime
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.queries import user_named
from reinstate.cases.cli_input import not_a_time
from reinstate.core.cli import Error, JsonCommand
from reinstate.health.actions import HealthInputError
from reinstate.health.assessment import assess
from reinstate.health.imports import do_import_blocks
from reinstate.health.presenters.imports import import_json
from reinstate.health.presenters.standing import standing_json
from reinstate.health.standing_cli import record_from_options
from reinstate.lib.tz import parse_time_zone
from reinstate.rules.notice.reading import PLATFORMS


class Command(JsonCommand):
    help = "Import delivery blocks and show account standing."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        imports = actions.add_parser("import", help="import a CSV file of blocks")
        imports.add_argument("file")
        imports.add_argument("--user", required=True)
        imports.add_argument("--platform", required=True, choices=PLATFORMS)
        imports.add_argument(
            "--tz", help="time zone of times without an offset (default: the user's)"
        )
        standing = actions.add_parser("standing", help="standing, margins and alerts")
        standing.add_argument("--user", required=True)
        standing.add_argument("--platform", required=True, choices=PLATFORMS)
        standing.add_argument(
            "--as-of", help="ISO 8601 (default: now); without an offset, the user's zone"
        )
        reading = actions.add_parser(
            "reading", help="record the standing the app shows (a screenshot, or typed)"
        )
        reading.add_argument("--user", required=True)
        reading.add_argument("--platform", required=True, choices=PLATFORMS)
        reading.add_argument("--screenshot", help="a screenshot of the standing screen")
        reading.add_argument("--tier", help="fantastic, great, fair or at_risk")
        reading.add_argument(
            "--metric",
            action="extend",
            nargs="+",
            help="KEY=VALUE: delivery_completion=98.5, reliability=great",
        )
        reading.add_argument("--date", help="YYYY-MM-DD the app showed it (default: today)")
        reading.add_argument("--note", default="")
        reading.add_argument(
            "--check", action="store_true", help="show what was read; keep nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_named(options["user"])
        try:
            if options["action"] == "import":
                self.emit(self._import(user, options))
            elif options["action"] == "reading":
                self.emit(record_from_options(user, options))
            else:
                as_of = as_of_option(options["as_of"], user.time_zone)
                assessment = assess(user, options["platform"], as_of=as_of)
                self.emit(standing_json(assessment))
        except HealthInputError as error:
            raise Error(str(error)) from None

    def _import(self, user: Any, options: dict[str, Any]) -> dict[str, Any]:
        path = Path(options["file"])
        if not path.is_file():
            raise Error(_("No such file: %(file)s") % {"file": options["file"]})
        tz = parse_time_zone(options["tz"] or user.time_zone)
        with path.open("rb") as stream:
            run = do_import_blocks(
                owner=user,
                platform=options["platform"],
                stream=stream,
                filename=path.name,
                tz=tz,
                actor=user,
            )
        return import_json(run)


def as_of_option(value: str | None, zone: str) -> datetime:
    """--as-of as an aware time: without an offset it is in the user's zone."""
    if value is None:
        return timezone.now()
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Error(not_a_time(value, "--as-of", example="2026-11-20T09:30:00-08:00")) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=parse_time_zone(zone))
