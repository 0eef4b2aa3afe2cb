"""Writing thousands of imported emails at once: an mbox of 10,000 messages in seconds.

The rows go to the database as plain tuples (lib/bulk_insert.py); each contact's id is then read
back by its Message-ID (unique per case), for its ticket links, and each ticket's by its number
(thousands of messages carry thousands of numbers). The caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import connections
from django.db.models import Model
from django.utils import timezone

from reinstate.comms.models import Contact, Ticket
from reinstate.lib.bulk_insert import insert_rows

FIELDS = (
    "case",
    "channel",
    "direction",
    "at",
    "at_known",
    "agent",
    "sender",
    "subject",
    "summary",
    "body",
    "turns",
    "source_key",
    "added_by",
    "added_at",
)


def insert_contacts(
    rows: Sequence[dict[str, Any]], *, case_id: int, now: datetime
) -> dict[str, int]:
    """INSERT imported contacts (dicts of FIELDS less case and added_at); their ids by key."""
    if not rows:
        return {}
    connection = connections[Contact.objects.db]
    when = connection.ops.adapt_datetimefield_value
    added_at = when(now)
    no_turns = Contact._meta.get_field("turns").get_db_prep_value([], connection)
    values = [
        (
            case_id,
            row["channel"],
            row["direction"],
            when(row["at"]),
            row["at_known"],
            row["agent"],
            row["sender"],
            row["subject"],
            row["summary"],
            row["body"],
            no_turns,
            row["source_key"],
            row["added_by"],
            added_at,
        )
        for row in rows
    ]
    keys = [row["source_key"] for row in rows]
    insert_rows(Contact, FIELDS, values)
    return dict(
        Contact.objects.filter(case_id=case_id, source_key__in=keys).values_list("source_key", "pk")
    )


def insert_links(
    through: type[Model], fields: tuple[str, str], pairs: Sequence[tuple[int, int]]
) -> None:
    """INSERT many-to-many links (contact, ticket) or (contact, evidence item)."""
    insert_rows(through, fields, pairs)


def insert_tickets(*, case_id: int, numbers: Sequence[str]) -> dict[str, int]:
    """The ids of a case's tickets by number, INSERTing those it lacks (one that another import
    adds at the same moment is left to it: the constraint keeps one row per number)."""
    wanted = list(dict.fromkeys(numbers))
    if not wanted:
        return {}
    connection = connections[Ticket.objects.db]
    created = connection.ops.adapt_datetimefield_value(timezone.now())  # as auto_now_add
    rows = [(case_id, number, created) for number in wanted]
    insert_rows(Ticket, ("case", "number", "created_at"), rows, ignore_conflicts=True)
    found = Ticket.objects.filter(case_id=case_id, number__in=wanted)
    return dict(found.values_list("number", "pk"))
