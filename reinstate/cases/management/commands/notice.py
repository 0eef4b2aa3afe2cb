"""reinstate notice read [FILE|-] [--received ISO8601] [--tz ZONE] [--platform KEY]

The `reinstate` entry point answers this without starting Django (reinstate/cases/cli_input.py);
this command gives the same answer through manage.py and call_command.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils import translation

from reinstate.cases.cli_input import add_notice_read_arguments, notice_read
from reinstate.core.cli import JsonCommand


class Command(JsonCommand):
    help = "Read a deactivation notice: platform, kind, reason, deadline."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_notice_read_arguments(self.add_subcommands(parser).add_parser("read", help=self.help))

    def handle(self, *args: Any, **options: Any) -> None:
        # The error line follows --lang; the JSON is English whatever it says.
        self.emit(notice_read(options, in_english=lambda: translation.override("en")))
