"""reinstate case new|show|list"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils import timezone

from reinstate.cases.actions import do_open_case
from reinstate.cases.cli_input import load_notice, parse_received
from reinstate.cases.presenters import case_json
from reinstate.cases.queries import cases_for_docket
from reinstate.core.cli import JsonCommand, case_numbered, user_named
from reinstate.lib.tz import parse_time_zone
from reinstate.rules.reading import PLATFORMS


class Command(JsonCommand):
    help = "Open, show and list cases."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        new = actions.add_parser("new", help="open a case from a notice")
        new.add_argument("--user", required=True)
        new.add_argument("--notice", required=True, help="a .txt or .eml file, or - for stdin")
        new.add_argument("--received", help="when it arrived, ISO 8601 (default: now)")
        new.add_argument("--tz", help="time zone (default: the user's)")
        new.add_argument("--platform", choices=PLATFORMS)
        show = actions.add_parser("show", help="show one case")
        show.add_argument("id", type=int)
        listing = actions.add_parser("list", help="a user's cases, soonest deadline first")
        listing.add_argument("--user", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        action = options["action"]
        if action == "new":
            user = user_named(options["user"])
            tz = parse_time_zone(options["tz"] or user.time_zone)
            notice = load_notice(options["notice"])
            case = do_open_case(
                owner=user,
                notice=notice,
                received=parse_received(options["received"], tz),
                tz=tz,
                platform_hint=options["platform"],
                now=now,
            )
            self.emit(case_json(case, now=now))
        elif action == "show":
            case = case_numbered(options["id"])
            self.emit(case_json(case, now=now))
        else:
            user = user_named(options["user"])
            self.emit({"cases": [case_json(c, now=now) for c in cases_for_docket(user)]})
