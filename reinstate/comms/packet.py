"""The support log as the appeal packet reads it (its appendix and its readiness check)."""

from __future__ import annotations

from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.rules.comms.contacts import SupportLogRow


def support_log_rows(case: Case) -> list[SupportLogRow]:
    """Every contact of the case, oldest first, with its tickets and its exhibits' labels."""
    contacts = (
        Contact.objects.filter(case=case)
        .prefetch_related("tickets", "attachments")
        .order_by("at", "pk")
    )
    return [
        SupportLogRow(
            at=contact.at,
            channel=contact.channel,
            direction=contact.direction,
            summary=contact.summary,
            agent=contact.agent,
            tickets=[ticket.number for ticket in contact.tickets.all()],
            exhibits=[item.exhibit for item in contact.attachments.all()],
        )
        for contact in contacts
    ]
