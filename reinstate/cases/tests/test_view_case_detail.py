from __future__ import annotations

from collections.abc import Callable

import pytest
import time_machine
from django.urls import reverse

from reinstate.accounts.models import Organisation, User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-11-05T12:00:00-08:00", tick=False)
def test_it_shows_deadline_plan_checklist_and_phrases(
    driver: User, open_case: Callable[..., Case]
) -> None:
    """The overview has the deadline in a line, the checklist and the notice as read; the
    deadline page the deadline in full and the plan; the meaning page what to show."""
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Thu 12 Nov, 4:00 PM PST" in page
    assert "7 days" in page  # the countdown
    assert reverse("cases:deadline", args=[case.pk]) in page
    assert "Documents to collect" in page
    assert '<mark class="g-deadline"' in page
    assert '<mark class="g-reason"' in page
    assert "within 10 calendar days" in page
    deadline = client.get(reverse("cases:deadline", args=[case.pk])).content.decode()
    assert "Thursday 12 November 2026, 4:00 PM PST" in deadline
    assert "7 days" in deadline and "Your plan" in deadline
    meaning = client.get(reverse("cases:meaning", args=[case.pk])).content.decode()
    assert "What your appeal must show" in meaning


def test_it_offers_a_message_to_confirm_a_default_deadline(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(
        driver,
        "We determined that another person has been delivering using your Amazon Flex account. "
        "Your account has been permanently deactivated.",
    )
    url = reverse("cases:deadline", args=[case.pk])
    page = client_for(driver).get(url).content.decode()
    assert "This is a default" in page
    assert "Ask support to confirm your deadline" in page


def test_it_ticks_a_checklist_item_and_can_undo(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    item = case.checklist.filter(done=False).first()  # the notice itself is collected already
    assert item is not None
    client = client_for(driver)
    url = reverse("cases:checklist_item", args=[case.pk, item.pk])
    response = client.post(url, {"done": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()
    item.refresh_from_db()
    assert item.done
    client.post(url, {"done": "0"})
    item.refresh_from_db()
    assert not item.done


def test_an_advocate_of_the_shared_organisation_sees_the_case(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    url = reverse("cases:detail", args=[case.pk])
    assert client_for(advocate).get(url).status_code == 404
    case.organisation = Organisation.objects.get(membership__user=advocate)
    case.save()
    assert client_for(advocate).get(url).status_code == 200


def test_an_outsider_gets_404_everywhere(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    item = case.checklist.filter(done=False).first()
    assert item is not None
    client = client_for(other_driver)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("cases:ics", args=[case.pk])).status_code == 404
    url = reverse("cases:checklist_item", args=[case.pk, item.pk])
    assert client.post(url, {"done": "1"}).status_code == 404
    assert (
        client.post(reverse("cases:status", args=[case.pk]), {"status": "closed"}).status_code
        == 404
    )
    received = reverse("cases:received", args=[case.pk])
    assert client.get(received).status_code == 404
    posted = {"received_date": "2026-11-01", "received_time": "09:00"}
    assert client.post(received, posted).status_code == 404
    item.refresh_from_db()
    case.refresh_from_db()
    assert not item.done and case.status == "open"
    assert case.received_source == "given" and not case.corrections.exists()
    assert client.get(reverse("cases:detail", args=[999999])).status_code == 404


def test_it_closes_and_reopens_a_case(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    client.post(reverse("cases:status", args=[case.pk]), {"status": "closed"})
    case.refresh_from_db()
    assert case.status == "closed"
    client.post(reverse("cases:status", args=[case.pk]), {"status": "open"})
    case.refresh_from_db()
    assert case.status == "open"
