"""The case page and the support timeline read a bounded number of rows sets: the appeal is
read once for the page (its summary and its "Next" card share it), and more contacts add no
queries (no query per contact)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import DjangoAssertNumQueries

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

# What the case page needs today (session, user, case, checklist, appeal, letters, support log,
# packets, sending, targets...), with a little room.
CASE_PAGE_MAX = 30
TIMELINE_MAX = 10


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE, received=(timezone.now() - timedelta(days=1)).isoformat())


def add_contacts(case: Case, count: int) -> None:
    for n in range(count):
        do_add_contact(
            case=case,
            actor=case.owner,
            channel="phone",
            direction="to_platform",
            at=timezone.now() - timedelta(hours=n + 1),
            summary=f"Called support ({n}). Agent said to wait.",
            agent="Sam",
            tickets=[f"T-{n % 3}"],
            files=[],
        )


def queries(user: User, url: str) -> int:
    client = client_for(user)
    assert client.get(url).status_code == 200  # the first request fills the caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("page", "most"), [("cases:detail", CASE_PAGE_MAX), ("comms:timeline", TIMELINE_MAX)]
)
def test_a_page_reads_the_same_few_queries_with_more_contacts(
    driver: User,
    case: Case,
    page: str,
    most: int,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    url = reverse(page, kwargs={"case_id": case.pk})
    add_contacts(case, 2)
    few = queries(driver, url)
    add_contacts(case, 20)
    many = queries(driver, url)
    assert many == few
    client = client_for(driver)
    client.get(url)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
