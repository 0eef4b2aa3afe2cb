"""The case page with thousands of contacts (an imported mailbox) reads a bounded number of
rows in a fixed number of queries: counts and the latest few, never every contact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.contacts import add_many_contacts, unbounded_contact_reads
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE)


def queries_for(case: Case, contacts: int) -> tuple[int, list[str], str]:
    add_many_contacts(case, contacts)
    client = client_for(case.owner)
    url = reverse("cases:detail", args=[case.pk])
    client.get(url)  # the first view fills what is cached (the catalogue, the session)
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    assert response.status_code == 200
    return (
        len(seen.captured_queries),
        unbounded_contact_reads(seen.captured_queries),
        (response.content.decode()),
    )


def test_it_reads_no_more_with_2000_contacts_than_with_20(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    few, _, _ = queries_for(open_case(other_driver, FLEX_LATE), 20)
    many, unbounded, page = queries_for(open_case(driver, FLEX_LATE), 2_000)
    assert many <= few
    assert unbounded == []
    assert "2,000" in page or "2000" in page  # the support log's count is still shown


def test_it_stays_within_its_query_budget(
    case: Case, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    add_many_contacts(case, 2_000)
    client = client_for(case.owner)
    url = reverse("cases:detail", args=[case.pk])
    client.get(url)
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200


def test_an_outsider_gets_404(case: Case, other_driver: User) -> None:
    add_many_contacts(case, 20)
    response = client_for(other_driver).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 404
