"""A closed case no longer counts down its deadline: it says how it ended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.actions import do_set_case_outcome, do_set_case_status
from reinstate.cases.models import Case
from reinstate.cases.presenters import deadline_status, docket_row
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db
NOW = "2026-11-05T12:00:00-08:00"


@time_machine.travel(NOW, tick=False)
def test_my_cases_shows_how_a_closed_case_ended_instead_of_days_left(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    assert "7 days 4 hours left" in client.get(reverse("cases:list")).content.decode()
    do_set_case_outcome(
        case=case, actor=driver, outcome="reinstated", reinstated_on=date(2026, 11, 4)
    )
    page = client.get(reverse("cases:list")).content.decode()
    assert "Closed: Reinstated on 4 November 2026" in page
    assert "days left" not in page and "Deadline <time" not in page


@time_machine.travel("2026-12-20T12:00:00-08:00", tick=False)
def test_a_closed_case_past_its_deadline_is_not_overdue(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    do_set_case_status(case=case, actor=driver, status=Case.Status.CLOSED)
    from django.utils import timezone

    status = deadline_status(case, now=timezone.now())
    assert (status.urgency, status.countdown, status.ended) == ("none", "", "Closed")
    row = docket_row(case, now=timezone.now())
    assert (row.countdown, row.ended) == ("", "Closed")
    page = client_for(driver).get(reverse("cases:list")).content.decode()
    assert "overdue" not in page.lower()
    detail = client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "overdue by" not in detail and "days left" not in detail


def test_the_command_line_shows_no_urgency_for_a_closed_case(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    ok(reinstate("case", "close", str(case.pk), "--outcome", "denied"))
    assert ok(reinstate("case", "show", str(case.pk)))["urgency"] == "none"


def test_an_outsider_gets_404(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    do_set_case_status(case=case, actor=driver, status=Case.Status.CLOSED)
    client = client_for(other_driver)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert (
        reverse("cases:detail", args=[case.pk])
        not in client.get(reverse("cases:list")).content.decode()
    )
