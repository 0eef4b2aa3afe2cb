"""The identity page, reached from a new case, goes back to the case after saving or skipping;
it goes nowhere off the site."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.accounts.models import PlatformAccount, User
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

URL = reverse("accounts:identity")


def test_it_goes_back_to_next_after_saving(driver: User) -> None:
    response = client_for(driver).post(
        f"{URL}?next=/cases/7/",
        {"legal_name": "Dana Reyes", "account_amazon_flex": "dana@example.com"},
    )
    assert response.status_code == 302 and response["Location"] == "/cases/7/"
    assert PlatformAccount.objects.get(user=driver).identifier == "dana@example.com"


def test_it_offers_to_skip_to_next_and_keeps_it_through_the_form(driver: User) -> None:
    page = client_for(driver).get(f"{URL}?next=/cases/7/").content.decode()
    assert '<a href="/cases/7/">Skip for now</a>' in page
    assert '<input type="hidden" name="next" value="/cases/7/">' in page
    response = client_for(driver).post(URL, {"legal_name": "Dana Reyes", "next": "/cases/7/"})
    assert response["Location"] == "/cases/7/"


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/cases/", "javascript:alert(1)"]
)
def test_it_ignores_a_next_off_the_site(driver: User, unsafe: str) -> None:
    client = client_for(driver)
    page = client.get(URL, {"next": unsafe}).content.decode()
    assert "Skip for now" not in page and "evil" not in page and "javascript" not in page
    response = client.post(URL, {"legal_name": "Dana Reyes", "next": unsafe})
    assert response["Location"] == reverse("accounts:profile")


def test_it_puts_the_platform_asked_for_first(driver: User) -> None:
    page = client_for(driver).get(URL, {"platform": "doordash"}).content.decode()
    assert page.index('name="legal_name"') < page.index('name="account_doordash"')
    assert page.index('name="account_doordash"') < page.index('name="account_amazon_flex"')


def test_it_folds_the_other_platforms_away_unless_one_needs_fixing(driver: User) -> None:
    client = client_for(driver)
    page = client.get(URL, {"platform": "amazon_flex"}).content.decode()
    fold = page.index('<details class="field"><summary>Other platforms you drive for</summary>')
    assert page.index('name="account_amazon_flex"') < fold < page.index('name="account_uber"')
    response = client.post(
        f"{URL}?platform=amazon_flex", {"legal_name": "Dana", "account_uber": "not a phone"}
    )
    assert response.status_code == 400
    assert '<details class="field" open>' in response.content.decode()
    assert "Other platforms" not in client.get(URL).content.decode()  # from the profile: all
