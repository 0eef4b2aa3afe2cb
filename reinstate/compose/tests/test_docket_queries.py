"""The docket costs a fixed number of queries however many cases the organisation has: stage
and readiness are worked out for one page (compose/docket.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Membership, Organisation
from reinstate.compose.docket import PER_PAGE
from reinstate.compose.docket_demo import fill_demo
from reinstate.testing.personas import client_for, make_user

pytestmark = pytest.mark.django_db

# Measured, and the same for 30 and 120 cases: the session, the user and the organisation,
# the count and the page's cases, then each kind of row read once for the page
# (compose/docket_progress.py). One more query per case would fail at once.
MAX_QUERIES = 16


@pytest.mark.parametrize("count", [30, 120])
def test_the_docket_page_costs_the_same_bound_for_30_and_120_cases(
    count: int, django_assert_max_num_queries
) -> None:
    org = Organisation.objects.create(name="Demo clinic")
    advocate = make_user("ada")
    Membership.objects.create(organisation=org, user=advocate)
    fill_demo(org, count=count, seed=7, now=timezone.now())
    client = client_for(advocate)
    url = reverse("accounts:docket", args=[org.pk])
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get(url)
    assert len(page.context["rows"]) == min(count, PER_PAGE)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url, {"page": "3", "sort": "readiness"}).status_code == 200
