"""Ready-to-show values of the support log: templates and the command line do no queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Min
from django.utils.translation import gettext as _

from reinstate.cases.models import Case
from reinstate.comms.models import Channel, Contact, Direction
from reinstate.lib.iso import iso
from reinstate.rules.appeal.waiting import waiting
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.comms.follow_up import APPEAL_SENT_PREFIX, Exchange, FollowUp, follow_up


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


# A follow-up turns on the latest exchanges; a case with 100,000 contacts reads only these.
RECENT_EXCHANGES = 200
LOG_PAGE_SIZE = 50
MAX_THREADS = 50


def case_follow_up(case: Case, *, now: datetime) -> FollowUp | None:
    recent = case.contacts.order_by("-at", "-pk").values_list("pk", "at", "direction", "source_key")
    exchanges = [
        Exchange(
            pk,
            at,
            direction,
            _appeal_pace(case, at) if key.startswith(APPEAL_SENT_PREFIX) else None,
        )
        for pk, at, direction, key in recent[:RECENT_EXCHANGES]
    ]
    return follow_up(exchanges, now=now, days=settings.FOLLOW_UP_DAYS)


def _appeal_pace(case: Case, sent_at: datetime) -> datetime | None:
    """The appeal went out: follow up on the first follow-up day at the platform's pace (Amazon
    reportedly takes weeks; asking after three days would only annoy), at the clock time it was
    sent. None for an unknown platform: the flat N days."""
    platform = load_catalogue().platforms.get(case.platform or "")
    if platform is None:
        return None
    tz = case.tz
    day = waiting(sent_at=sent_at, review=platform.review_time, tz=tz, now=sent_at).first_follow_up
    return datetime.combine(day, sent_at.astimezone(tz).time()).replace(tzinfo=tz)


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
    names = {"agent": contact.agent}
    if contact.direction == Direction.TO_PLATFORM:
        return _("You → support (%(agent)s)") % names if contact.agent else _("You → support")
    return _("Support (%(agent)s) → you") % names if contact.agent else _("Support → you")


@dataclass(frozen=True)
class Thread:
    number: str
    contacts: int
    first: datetime
    last: datetime


def threads(case: Case) -> list[Thread]:
    """Contacts grouped by the ticket numbers they carry, most recent thread first (counted by
    the database: a ticket may have thousands)."""
    rows = (
        case.tickets.annotate(
            n=Count("contacts"), first=Min("contacts__at"), last=Max("contacts__at")
        )
        .filter(n__gt=0)
        .order_by("-last", "number")
        .values_list("number", "n", "first", "last")
    )
    return [Thread(number, n, first, last) for number, n, first, last in rows[:MAX_THREADS]]


class LogRow(NamedTuple):
    """A row of the log; a tuple so the template unpacks it: `for contact, icon, who in …`."""

    contact: Contact
    icon: str
    who: str


@dataclass(frozen=True)
class LogPage:
    case: Case
    summary: SupportSummary
    contacts: list[LogRow]  # when they happened, oldest first: one page of them
    page: Page[Contact]  # which page, of how many (the newest by default)
    undated: list[LogRow]  # no time known (an email without a Date): in the order added
    undated_count: int  # all of them (the first LOG_PAGE_SIZE are listed)
    threads: list[Thread]


def log_page(case: Case, *, now: datetime, page: str | None = None) -> LogPage:
    """The log in the order things happened, a page at a time: the latest page unless another
    is asked for. A contact whose time is unknown would otherwise sit at the moment it was
    imported, as if it had just happened: those are listed apart (the first page of them)."""
    contacts = case.contacts.prefetch_related("tickets", "attachments")
    dated = Paginator(contacts.filter(at_known=True).order_by("at", "pk"), LOG_PAGE_SIZE)
    shown = dated.get_page(page if page is not None else dated.num_pages)
    undated = contacts.filter(at_known=False).order_by("added_at", "pk")
    return LogPage(
        case=case,
        summary=support_summary(case, now=now),
        contacts=[_row(contact) for contact in shown],
        page=shown,
        undated=[_row(contact) for contact in undated[:LOG_PAGE_SIZE]],
        undated_count=undated.count(),
        threads=threads(case),
    )


def _row(contact: Contact) -> LogRow:
    return LogRow(contact, CHANNEL_ICONS.get(contact.channel, "•"), who_text(contact))
