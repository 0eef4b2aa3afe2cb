"""What every `reinstate` command shares: JSON out, one-line errors, exit code 2 on bad input."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.core.disk_full import is_disk_full
from reinstate.lib.errors import UserInputError

EXIT_BAD_INPUT = 2
# Not the person's mistake, but nothing they can do here either: one line, exit 2, no traceback.
DISK_FULL = gettext_lazy(
    "The disk is full: nothing was saved. Free some space on this machine (or ask whoever runs "
    "it to) and run the command again."
)


class Error(CommandError):
    """Bad input. Django prints it as "Error: <message>", one line on stderr, and exits 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, returncode=EXIT_BAD_INPUT)


class OneLineParser(CommandParser):
    """argparse prints usage and the error on several lines; we print one line."""

    def error(self, message: str) -> NoReturn:
        if getattr(self, "called_from_command_line", False):
            # argparse writes `message` (in English); the hint after it is ours.
            hint = _("%(message)s (see --help)") % {"message": message}
            sys.stderr.write(f"Error: {hint}\n")  # i18n: "Error" is the label Django gives
            sys.exit(EXIT_BAD_INPUT)
        raise CommandError(f"Error: {message}", returncode=EXIT_BAD_INPUT)


class JsonCommand(BaseCommand):
    """A command that prints one JSON object and turns user mistakes into exit code 2."""

    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = OneLineParser
        return parser

    def add_subcommands(self, parser: ArgumentParser) -> Any:
        # Django's add_subparsers hands the sub-parsers our parser class and its flags.
        return parser.add_subparsers(dest="action", required=True, parser_class=OneLineParser)

    def execute(self, *args: Any, **options: Any) -> str | None:
        try:
            return super().execute(*args, **options)
        except Exception as error:
            if isinstance(error, UserInputError):
                raise Error(str(error)) from None
            if is_disk_full(error):
                raise Error(str(DISK_FULL)) from None
            raise

    def emit(self, payload: dict[str, Any] | list[Any]) -> None:
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))


def not_a_day(value: str, option: str) -> str:
    """The message for a day that is not YYYY-MM-DD (`option` is the flag it came with)."""
    return _("%(option)s %(value)s is not a date: use YYYY-MM-DD, e.g. 2026-11-20.") % {
        "option": option,
        "value": repr(value),
    }
