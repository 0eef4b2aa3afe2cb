"""The policy pages: every document, one policy's versions with a word diff between the last
two (words taken out and added marked in words, not by colour alone), and the notice on the case
page of a driver whose case is on that platform."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.policies.actions import do_store_policy_version
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

POLICY = "doordash.deactivation_policy"
URL = "https://www.doordash.com/deactivationpolicy/"


def store(text: str, *, days_ago: int = 0, policy: str = POLICY) -> None:
    at = timezone.now() - timedelta(days=days_ago)
    do_store_policy_version(policy=policy, url=URL, text=text, fetched_at=at)


def detail(ref: str = POLICY) -> str:
    return reverse("policies:detail", args=[ref])


def test_it_shows_what_changed_between_the_last_two_versions(driver: User) -> None:
    store("Your account may be deactivated after three late deliveries", days_ago=9)
    store("Your account may be deactivated after two late deliveries in a month")
    page = client_for(driver).get(detail()).content.decode()
    assert "What changed in version 2" in page
    assert (
        '<del><span class="visually-hidden">[taken out:] </span>three'
        '<span class="visually-hidden"> [end of taken out]</span></del>'
    ) in page
    assert '<ins><span class="visually-hidden">[added:] </span>two' in page
    assert "in a month" in page
    assert "1 word taken out. 4 words added." in page


def test_it_compares_an_older_version_when_asked(driver: User) -> None:
    store("One.", days_ago=20)
    store("One two.", days_ago=10)
    store("One two three.")
    page = client_for(driver).get(detail() + "?version=2").content.decode()
    assert "What changed in version 2" in page
    assert "compared with version 1" in page


def test_it_says_when_there_is_nothing_to_compare(driver: User) -> None:
    client = client_for(driver)
    page = client.get(detail("amazon_flex.terms_of_service")).content.decode()
    assert "The platform publishes no page for it that we could check" in page
    store("First text.")
    assert "One version so far" in client.get(detail()).content.decode()


def test_it_lists_every_platforms_documents(driver: User) -> None:
    page = client_for(driver).get(reverse("policies:index")).content.decode()
    for name in ("Amazon Flex", "DoorDash", "Uber", "Lyft", "Instacart"):
        assert f">{name}</h2>" in page
    assert detail() in page


def test_an_unknown_policy_is_404_and_a_stranger_must_sign_in(driver: User) -> None:
    assert client_for(driver).get(detail("doordash.nothing")).status_code == 404
    anonymous = client_for(driver)
    anonymous.logout()
    response = anonymous.get(detail())
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_driver_with_a_case_on_that_platform_sees_the_change(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    flex = "amazon_flex.succeed_blog"
    store("Most partners are Great.", days_ago=40, policy=flex)
    store("Most partners are Fantastic.", days_ago=2, policy=flex)
    store("A first DoorDash text.", days_ago=1)  # a first version is not a change
    case = open_case(driver, FLEX_LATE)
    page = client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Amazon Flex changed its Amazon Flex blog: How to succeed as a delivery partner" in page
    assert f'href="{detail(flex)}">see what changed' in page
    assert "DoorDash changed" not in page
    # Omar's case is not his to see.
    response = client_for(other_driver).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 404


def test_an_old_change_is_no_longer_announced(driver: User, open_case: Callable[..., Case]) -> None:
    flex = "amazon_flex.succeed_blog"
    store("Most partners are Great.", days_ago=90, policy=flex)
    store("Most partners are Fantastic.", days_ago=45, policy=flex)
    case = open_case(driver, FLEX_LATE)
    page = client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "changed its" not in page
