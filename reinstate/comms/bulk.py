"""Writing thousands of imported emails at once: an mbox of 10,000 messages in seconds.

Building a model instance per message costs more than writing its row (measured in
`make bench`), so the rows go to the database as plain tuples; each contact's id is then read
back by its Message-ID (unique per case), for its ticket links. The caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import connections
from django.db.models import Field, Model

from reinstate.comms.models import Contact

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


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field) and field.column is not None
    return field.column


def _insert_sql(model: type[Model], fields: Sequence[str]) -> str:
    connection = connections[model._default_manager.db]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_column(model, name)) for name in fields)
    # Names come from the model, quoted by the backend; every value is a parameter.
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
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
    with connection.cursor() as cursor:
        cursor.executemany(_insert_sql(Contact, FIELDS), values)
    return dict(
        Contact.objects.filter(case_id=case_id, source_key__in=keys).values_list("source_key", "pk")
    )


def insert_links(
    through: type[Model], fields: tuple[str, str], pairs: Sequence[tuple[int, int]]
) -> None:
    """INSERT many-to-many links (contact, ticket) or (contact, evidence item)."""
    if pairs:
        with connections[through._default_manager.db].cursor() as cursor:
            cursor.executemany(_insert_sql(through, fields), list(pairs))
