"""A case with thousands of contacts (an imported mailbox) stays readable (issue 15): the log
pages through them, newest page first; the timeline shows the latest; ticket threads are
counted by the database; messages to support name a few recent tickets, not all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reinstate.cases.models import Case
from reinstate.comms.drafts import MESSAGE_TICKETS, case_facts
from reinstate.comms.models import Contact, Ticket
from reinstate.comms.presenters import LOG_PAGE_SIZE
from reinstate.comms.timeline import TIMELINE_CONTACTS
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

MANY = 1_200
START = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.fixture
def busy(case: Case) -> Case:
    """MANY contacts an hour apart, every tenth with a ticket of its own."""
    contacts = Contact.objects.bulk_create(
        Contact(
            case=case,
            channel="email",
            direction="from_platform" if n % 2 else "to_platform",
            at=START + timedelta(hours=n),
            summary=f"Message number {n}",
        )
        for n in range(MANY)
    )
    for n, contact in enumerate(contacts[::10]):
        ticket = Ticket.objects.create(case=case, number=f"SR-{10000 + n}")
        ticket.contacts.add(contact)
    return case


def test_the_log_opens_on_the_latest_page_and_pages_back(busy: Case) -> None:
    client = client_for(busy.owner)
    page = client.get(f"/cases/{busy.pk}/support/").content.decode()
    assert page.count("Message number") == LOG_PAGE_SIZE
    assert f"Message number {MANY - 1}" in page
    assert "Message number 0<" not in page
    assert "← Earlier contacts" in page
    first = client.get(f"/cases/{busy.pk}/support/?page=1").content.decode()
    assert "Message number 0" in first and f"Message number {MANY - 1}" not in first


def test_the_timeline_shows_the_latest_contacts_and_says_where_the_rest_are(busy: Case) -> None:
    page = client_for(busy.owner).get(f"/cases/{busy.pk}/support/timeline/").content.decode()
    assert page.count("Message number") == TIMELINE_CONTACTS
    assert f"{MANY - TIMELINE_CONTACTS} earlier ones are in the" in page


def test_messages_to_support_name_a_few_recent_tickets(busy: Case) -> None:
    tickets = case_facts(busy).tickets
    assert len(tickets) <= MESSAGE_TICKETS + 5  # the notice's own, and the latest logged
    assert "SR-10119" in tickets and "SR-10000" not in tickets
