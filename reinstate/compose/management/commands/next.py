"""reinstate next CASE: where the case is, and what the driver can do now, each option with who,
how, the clock, its rule and source. Here rather than with the appeal commands because the
stage comes from the whole journey (compose/journey.py), which sits above the appeals app."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils import timezone, translation

from reinstate.appeals.options import case_options
from reinstate.cases.queries import case_numbered
from reinstate.compose.journey import case_stage
from reinstate.core.cli import JsonCommand


class Command(JsonCommand):
    help = "What the driver can do now on a case: the stage and the options that apply."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("case", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        case = case_numbered(options["case"])
        now = timezone.now()
        with translation.override("en"):  # the JSON is English whatever --lang says
            payload = {
                "stage": case_stage(case, now=now),
                "options": [option.as_json() for option in case_options(case, now=now)],
            }
        self.emit(payload)
