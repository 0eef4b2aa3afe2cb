"""A case with many contacts (an imported mailbox), made in a few queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reinstate.cases.models import Case
from reinstate.comms.models import Contact, Ticket

START = datetime(2026, 6, 1, 9, tzinfo=UTC)


def add_many_contacts(case: Case, count: int, *, first: int = 0, ticket_every: int = 10) -> None:
    """`count` emails an hour apart from START ("Message number n", n from `first`),
    alternating to and from support, every `ticket_every`-th with a ticket of its own
    ("SR-1000n")."""
    numbers = range(first, first + count)
    contacts = Contact.objects.bulk_create(
        Contact(
            case=case,
            channel="email",
            direction="from_platform" if n % 2 else "to_platform",
            at=START + timedelta(hours=n),
            summary=f"Message number {n}",
        )
        for n in numbers
    )
    linked = [(n, c) for n, c in zip(numbers, contacts, strict=True) if n % ticket_every == 0]
    tickets = Ticket.objects.bulk_create(
        Ticket(case=case, number=f"SR-{10000 + n}") for n, _ in linked
    )
    through = Contact.tickets.through
    through.objects.bulk_create(
        through(contact_id=contact.pk, ticket_id=ticket.pk)
        for (_, contact), ticket in zip(linked, tickets, strict=True)
    )


def unbounded_contact_reads(queries: list[dict[str, str]]) -> list[str]:
    """The SQL of each query that reads contacts rows without a LIMIT (a count, an EXISTS or
    a page of them is bounded; a plain SELECT of every contact is not)."""
    table = Contact._meta.db_table
    found = []
    for query in queries:
        sql = query["sql"]
        reads = sql.lstrip().upper().startswith("SELECT") and f'FROM "{table}"' in sql
        if reads and "LIMIT" not in sql.upper() and "COUNT(" not in sql.upper():
            found.append(sql)
    return found
