"""The docket costs a fixed number of queries however many cases the organisation has: stage
and readiness are worked out for one page (compose/docket.py); who carries each case and its
tasks are subqueries of the page's query, and the waves one query in all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.advocacy.models import Assignment, Task
from reinstate.cases.models import Case
from reinstate.compose.docket import PER_PAGE
from reinstate.compose.docket_demo import fill_demo
from reinstate.testing.personas import client_for, make_user

pytestmark = pytest.mark.django_db

# Measured, and the same for 30 and 120 cases: the session, the user and the organisation,
# the count and the page's cases, then each kind of row read once for the page
# (compose/docket_progress.py), and one for the waves (advocacy/waves.py). One more query per
# case would fail at once.
MAX_QUERIES = 17


def _busy(org: Organisation, advocate: User, count: int) -> str:
    """Every case assigned and with tasks (one overdue), three of one batch this week: the
    wave's key."""
    now = timezone.now()
    fill_demo(org, count=count, seed=7, now=now)
    cases = list(Case.objects.filter(organisation=org).order_by("pk"))
    Assignment.objects.bulk_create(
        Assignment(case=c, organisation=org, assignee=advocate) for c in cases
    )
    today = timezone.localdate()
    Task.objects.bulk_create(
        Task(case=c, organisation=org, title=f"Task {i}", due_on=today + timedelta(days=d))
        for c in cases
        for i, d in enumerate((-2, 3))
    )
    first = cases[0]
    batch = [c.pk for c in cases[:3]]
    Case.objects.filter(pk__in=batch).update(
        notice_text=first.notice_text,
        platform=first.platform or "amazon_flex",
        reason=first.reason or "performance_metrics",
        received_at=now - timedelta(hours=2),
        time_zone="UTC",
        status=Case.Status.OPEN,
    )
    found = client_for(advocate).get(reverse("accounts:docket", args=[org.pk]))
    keys = [w.key for w in found.context["waves"]]
    assert keys, "the three cases of one batch make a wave"
    return str(keys[0])


@pytest.mark.parametrize("count", [30, 120])
def test_the_docket_page_costs_the_same_bound_for_30_and_120_cases(
    count: int, django_assert_max_num_queries
) -> None:
    org = Organisation.objects.create(name="Demo clinic")
    advocate = make_user("ada")
    Membership.objects.create(organisation=org, user=advocate)
    wave = _busy(org, advocate, count)
    client = client_for(advocate)
    url = reverse("accounts:docket", args=[org.pk])
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get(url)
    assert len(page.context["rows"]) == min(count, PER_PAGE)
    assert all(row.assignee == "ada" and row.overdue_tasks == 1 for row in page.context["rows"])
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url, {"page": "3", "sort": "readiness"}).status_code == 200
    for params in (
        {"assignee": "me", "sort": "assignee"},
        {"due": "7", "sort": "tasks"},
        {"wave": wave},
    ):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url, params).status_code == 200
