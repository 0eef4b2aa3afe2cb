"""Sign-up asks, optionally, for the legal name the appeal is signed with."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db

URL = reverse("accounts:signup")


def signup_data(**overrides: str) -> dict[str, str]:
    return {
        "username": "dana",
        "email": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "time_zone": "America/Los_Angeles",
        "state": "CA",
        "city": "",
        **overrides,
    }


def test_it_asks_for_the_legal_name_and_says_why() -> None:
    page = Client().get(URL).content.decode()
    assert "Your legal name" in page and "(optional)" in page
    assert "As on your driver&#x27;s licence" in page and "signed with it" in page
    assert 'autocomplete="name"' in page


def test_it_keeps_the_legal_name_given_at_sign_up() -> None:
    response = Client().post(URL, signup_data(legal_name="  Dana   Marisol Reyes "))
    assert response.status_code == 302
    user = User.objects.get(username="dana")
    assert user.legal_name == "Dana Marisol Reyes"
    assert user.display_name() == "Dana Marisol Reyes"


def test_it_signs_up_without_one() -> None:
    assert Client().post(URL, signup_data()).status_code == 302
    assert User.objects.get(username="dana").legal_name == ""


def test_it_refuses_a_name_without_letters_and_stores_nothing() -> None:
    response = Client().post(URL, signup_data(legal_name="12345"))
    assert response.status_code == 200
    assert "in letters" in response.content.decode()
    assert not User.objects.exists()
