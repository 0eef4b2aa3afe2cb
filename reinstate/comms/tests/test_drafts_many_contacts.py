"""The messages to support (the drafts page) with thousands of contacts: a fixed number of
queries, no read of every contact, and a few recent tickets named, whatever the count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.drafts import MESSAGE_TICKETS
from reinstate.testing.contacts import add_many_contacts, unbounded_contact_reads
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_it_reads_the_same_with_2000_contacts_as_with_20(case: Case) -> None:
    client = client_for(case.owner)
    url = reverse("comms:drafts", args=[case.pk])
    add_many_contacts(case, 20)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_many_contacts(case, 2_000, first=20)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert unbounded_contact_reads(many.captured_queries) == []
    # 2,020 contacts, 202 tickets: the messages name the latest few, not the first.
    assert "SR-12010" in page and "SR-10000" not in page
    assert f"SR-{12010 - 10 * MESSAGE_TICKETS}" not in page


def test_it_stays_within_its_query_budget(
    case: Case, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    add_many_contacts(case, 2_000)
    client = client_for(case.owner)
    url = reverse("comms:drafts", args=[case.pk])
    client.get(url)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_an_outsider_gets_404(case: Case, other_driver: User) -> None:
    response = client_for(other_driver).get(reverse("comms:drafts", args=[case.pk]))
    assert response.status_code == 404
