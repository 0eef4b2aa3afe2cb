"""reinstate notice read [FILE|-] [--received ISO8601] [--tz ZONE] [--platform KEY]"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils import timezone

from reinstate.cases.actions import check_received, read_and_decide
from reinstate.cases.cli_input import load_notice, parse_received
from reinstate.core.cli import JsonCommand
from reinstate.lib.tz import machine_zone_name, parse_time_zone
from reinstate.rules.reading import PLATFORMS
from reinstate.rules.summary import reading_json


class Command(JsonCommand):
    help = "Read a deactivation notice: platform, kind, reason, deadline."

    def add_arguments(self, parser: ArgumentParser) -> None:
        read = self.add_subcommands(parser).add_parser("read", help=self.help)
        read.add_argument(
            "file", nargs="?", default="-", help="a .txt or .eml file, or - for stdin"
        )
        read.add_argument("--received", help="when it arrived, ISO 8601 (default: now)")
        read.add_argument("--tz", help="the driver's time zone (default: this machine's)")
        read.add_argument("--platform", choices=PLATFORMS, help="the platform, if known")

    def handle(self, *args: Any, **options: Any) -> None:
        tz = parse_time_zone(options["tz"] or machine_zone_name())
        notice = load_notice(options["file"])
        now = timezone.now()
        received = parse_received(options["received"], tz) or notice.received or now
        check_received(received, now=now)
        reading, decision = read_and_decide(
            notice,
            received=received.astimezone(tz),
            tz=tz,
            user=None,
            platform_hint=options["platform"],
        )
        self.emit(reading_json(reading, decision))
