"""Ready-to-show values of the support log: templates and the command line do no queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings

from reinstate.cases.models import Case
from reinstate.comms.models import Channel, Contact, Direction
from reinstate.lib.iso import iso
from reinstate.rules.comms.follow_up import Exchange, FollowUp, follow_up


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact as `reinstate comms list` prints it."""
    return {
        "id": contact.pk,
        "channel": contact.channel,
        "direction": contact.direction,
        "at": iso(contact.at),
        "at_known": contact.at_known,
        "agent": contact.agent,
        "sender": contact.sender,
        "subject": contact.subject,
        "summary": contact.summary,
        "tickets": [ticket.number for ticket in contact.tickets.all()],
        "evidence": [item.exhibit for item in contact.attachments.all()],
        "turns": len(contact.turns),
    }


def case_follow_up(case: Case, *, now: datetime) -> FollowUp | None:
    exchanges = [
        Exchange(pk, at, direction)
        for pk, at, direction in case.contacts.values_list("pk", "at", "direction")
    ]
    return follow_up(exchanges, now=now, days=settings.FOLLOW_UP_DAYS)


@dataclass(frozen=True)
class SupportSummary:
    count: int
    last: Contact | None
    follow_up: FollowUp | None
    days: int


def support_summary(case: Case, *, now: datetime) -> SupportSummary:
    """The case page's short "Support log" section."""
    # The latest contact whose time is known (an undated email is not "the last" one).
    last = case.contacts.order_by("-at_known", "-at", "-pk").first()
    return SupportSummary(
        count=case.contacts.count(),
        last=last,
        follow_up=case_follow_up(case, now=now) if last else None,
        days=settings.FOLLOW_UP_DAYS,
    )


# Plain symbols every phone's fonts have (no emoji: a missing glyph shows as a box).
CHANNEL_ICONS: dict[str, str] = {
    Channel.EMAIL: "✉",
    Channel.IN_APP_CHAT: "☰",
    Channel.PHONE: "☎",
    Channel.IN_PERSON: "☺",
    Channel.WEB_FORM: "✎",
}


def who_text(contact: Contact) -> str:
    """ "You → support" or "Support (Sam) → you", for a row of the log."""
    agent = f" ({contact.agent})" if contact.agent else ""
    if contact.direction == Direction.TO_PLATFORM:
        return f"You → support{agent}"
    return f"Support{agent} → you"


@dataclass(frozen=True)
class Thread:
    number: str
    contacts: int
    first: datetime
    last: datetime


def threads(case: Case) -> list[Thread]:
    """Contacts grouped by the ticket numbers they carry, most recent thread first."""
    found = []
    for ticket in case.tickets.prefetch_related("contacts"):
        times = [contact.at for contact in ticket.contacts.all()]
        if times:
            found.append(Thread(ticket.number, len(times), min(times), max(times)))
    return sorted(found, key=lambda thread: thread.last, reverse=True)


class LogRow(NamedTuple):
    """A row of the log; a tuple so the template unpacks it: `for contact, icon, who in …`."""

    contact: Contact
    icon: str
    who: str


@dataclass(frozen=True)
class LogPage:
    case: Case
    summary: SupportSummary
    contacts: list[LogRow]  # when they happened, oldest first
    undated: list[LogRow]  # no time known (an email without a Date): in the order added
    threads: list[Thread]


def log_page(case: Case, *, now: datetime) -> LogPage:
    """The log in the order things happened. A contact whose time is unknown would otherwise
    sit at the moment it was imported, as if it had just happened: those are listed apart."""
    contacts = case.contacts.prefetch_related("tickets", "attachments")
    rows = [
        LogRow(contact, CHANNEL_ICONS.get(contact.channel, "•"), who_text(contact))
        for contact in contacts.order_by("at", "pk")
    ]
    return LogPage(
        case=case,
        summary=support_summary(case, now=now),
        contacts=[row for row in rows if row.contact.at_known],
        undated=sorted(
            (row for row in rows if not row.contact.at_known),
            key=lambda row: (row.contact.added_at, row.contact.pk),
        ),
        threads=threads(case),
    )
