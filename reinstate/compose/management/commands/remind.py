"""reinstate remind [--as-of ISO8601]: send what is due. Safe to run twice; for cron."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from datetime import datetime
from typing import Any

from reinstate.comms.remind import comms_reminders
from reinstate.compose.deadline_reminders import deadline_reminders
from reinstate.core.cli import JsonCommand
from reinstate.evidence.purge import purge_withdrawn
from reinstate.health.management.commands.health import as_of_option
from reinstate.health.remind import run_reminders
from reinstate.lib.iso import iso

COUNTS = (
    "users",
    "emails",
    "documents",
    "alerts",
    "checkins",
    "skipped_no_email",
    "stale_imports",
    "follow_ups",  # the support log's (reinstate/comms/remind.py)
    "deadlines",  # 72 and 24 hours before the appeal deadline (compose/deadline_reminders.py)
    "withdrawn_deleted",  # withdrawn evidence past its keep period (reinstate/evidence/purge.py)
    "originals_deleted",
    "failed",
)


def send_due(now: datetime) -> dict[str, int]:
    """Everything due at `now` (also run on a schedule by the worker: compose/tasks.py)."""
    counts = run_reminders(now=now)
    counts.update(comms_reminders(now=now))  # the support log's (reinstate/comms/remind.py)
    counts.update(deadline_reminders(now=now))  # reinstate/compose/deadline_reminders.py
    counts.update(purge_withdrawn(now=now))  # withdrawn evidence (reinstate/evidence/purge.py)
    return {name: counts[name] for name in COUNTS}


class Command(JsonCommand):
    help = (
        "Email document-expiry reminders, new alerts, the weekly check-in, support follow-ups "
        "and appeal-deadline reminders (for cron)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--as-of", help="ISO 8601 with an offset (default: now)")

    def handle(self, *args: Any, **options: Any) -> None:
        now = as_of_option(options["as_of"], "UTC")
        counts = send_due(now)
        self.emit({"as_of": iso(now), **counts})
        if counts["failed"]:
            sys.exit(1)  # cron mails the failure; the log says which user and why
