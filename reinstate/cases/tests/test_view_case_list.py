from __future__ import annotations

from collections.abc import Callable

import pytest
import time_machine
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

LATER = "Your Amazon Flex account has been deactivated. You may appeal within 30 days."
SOONER = "Your Amazon Flex account has been deactivated. Please respond within 72 hours."
PAST = "Your Amazon Flex account has been deactivated. You may appeal within 2 days."


def test_it_shows_an_empty_state(driver: User) -> None:
    page = client_for(driver).get(reverse("cases:list")).content.decode()
    assert "No cases yet" in page
    assert reverse("cases:new") in page


@time_machine.travel("2026-11-05T12:00:00-08:00", tick=False)
def test_it_orders_by_deadline_and_marks_overdue_and_due_soon(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    later = open_case(driver, LATER, received="2026-11-04T09:00:00-08:00")
    sooner = open_case(driver, SOONER, received="2026-11-04T09:00:00-08:00")
    past = open_case(driver, PAST, received="2026-11-01T09:00:00-08:00")
    theirs = open_case(other_driver, SOONER, received="2026-11-04T09:00:00-08:00")
    page = client_for(driver).get(reverse("cases:list")).content.decode()
    positions = [page.index(reverse("cases:detail", args=[c.pk])) for c in (past, sooner, later)]
    assert positions == sorted(positions)
    assert "Overdue" in page
    assert "Due soon" in page
    assert reverse("cases:detail", args=[theirs.pk]) not in page


def test_it_requires_sign_in() -> None:
    from django.test import Client

    assert Client().get(reverse("cases:list")).status_code == 302
