from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def events(body: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(body)
    return [
        {"summary": str(e.get("summary")), "end": e.decoded("dtend")}
        for e in calendar.walk("VEVENT")
    ]


def test_it_downloads_a_case_calendar_with_deadline_and_plan(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    response = client_for(driver).get(reverse("cases:ics", args=[case.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events(response.content)
    deadline = [e for e in found if str(e["summary"]).startswith("DEADLINE")]
    assert len(deadline) == 1
    assert deadline[0]["end"] == case.deadline
    assert len(found) > 1, "the work-plan steps are in the calendar too"


def test_the_private_feed_carries_only_the_owners_open_cases(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    mine = open_case(driver, FLEX_LATE)
    open_case(other_driver, FLEX_LATE)
    response = Client().get(reverse("cases:calendar_feed", args=[driver.calendar_token]))
    assert response.status_code == 200
    summaries = [str(e["summary"]) for e in events(response.content)]
    assert sum(s.startswith("DEADLINE") for s in summaries) == 1
    assert all(f"case {mine.pk}" in s for s in summaries)


def test_an_unknown_feed_token_is_404(driver: User) -> None:
    assert Client().get(reverse("cases:calendar_feed", args=["nope"])).status_code == 404


def test_an_outsider_gets_404_for_the_case_calendar(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    assert client_for(other_driver).get(reverse("cases:ics", args=[case.pk])).status_code == 404
