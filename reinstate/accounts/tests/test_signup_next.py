"""Sign-up goes back to the page that sent the visitor (a case to claim), never off the site."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def _signup(next_url: str) -> str:
    response = Client().post(
        reverse("accounts:signup"),
        {
            "username": "maria",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "America/Los_Angeles",
            "next": next_url,
        },
    )
    assert response.status_code == 302
    return str(response["Location"])


def test_it_goes_back_to_the_page_on_this_site() -> None:
    assert _signup("/cases/claim/abc/") == "/cases/claim/abc/"


def test_it_never_sends_a_new_driver_off_the_site() -> None:
    assert _signup("https://evil.example/") == reverse("cases:new")


def test_the_page_carries_the_next_page_and_so_does_its_sign_in_link() -> None:
    page = Client().get(reverse("accounts:signup") + "?next=/cases/claim/abc/").content.decode()
    assert 'name="next" value="/cases/claim/abc/"' in page
    assert "/accounts/login/?next=/cases/claim/abc/" in page
