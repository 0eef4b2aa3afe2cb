"""The support log as the appeal packet reads it (its appendix and its readiness check)."""

from __future__ import annotations

from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.rules.comms.contacts import SupportLogRow, chat_line


def support_log_rows(case: Case, *, latest: int | None = None) -> list[SupportLogRow]:
    """Every contact of the case (or the `latest` ones: a mailbox of 100,000 contacts is not an
    appendix), in the order they happened, with its tickets, its exhibits' labels and, for a
    chat, every line of it. Contacts whose time is unknown come last, in the order they were
    added."""
    found = Contact.objects.filter(case=case).prefetch_related("tickets", "attachments")
    if latest is None:
        contacts = list(found.order_by("-at_known", "at", "pk"))
    else:  # the same order from its end, cut, turned back
        contacts = list(found.order_by("at_known", "-at", "-pk")[:latest])[::-1]
    return [
        SupportLogRow(
            at=contact.at,
            channel=contact.channel,
            direction=contact.direction,
            summary=contact.summary,
            agent=contact.agent,
            tickets=[ticket.number for ticket in contact.tickets.all()],
            exhibits=[item.exhibit for item in contact.attachments.all()],
            at_known=contact.at_known,
            chat=[chat_line(turn) for turn in contact.turns],
        )
        for contact in contacts
    ]
