from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from reinstate import settings as app_settings
from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def signup_data(**overrides: str) -> dict[str, str]:
    data = {
        "username": "dana",
        "email": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "time_zone": "America/Los_Angeles",
        "state": "WA",
        "city": "Seattle",
    }
    data.update(overrides)
    return data


def test_it_signs_up_with_where_the_driver_works(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = app_settings.PASSWORD_HASHERS  # the suite's own is MD5
    client = Client()
    response = client.post(reverse("accounts:signup"), signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:new")
    user = User.objects.get(username="dana")
    assert (user.time_zone, user.state, user.city) == ("America/Los_Angeles", "WA", "Seattle")
    assert user.password.startswith("argon2")
    assert AuditEvent.objects.filter(kind="user.created", actor=user).exists()
    # Signed in straight away.
    assert client.get(reverse("cases:list")).status_code == 200


def test_it_refuses_an_unknown_time_zone_and_stores_nothing() -> None:
    response = Client().post(reverse("accounts:signup"), signup_data(time_zone="Mars/Olympus"))
    assert response.status_code == 200
    assert "Mars/Olympus" in response.content.decode()
    assert not User.objects.exists()


def test_it_refuses_a_weak_password() -> None:
    response = Client().post(
        reverse("accounts:signup"), signup_data(password1="password", password2="password")
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


def test_it_signs_in_and_out(driver: User) -> None:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "dana", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("cases:list")).status_code == 200
    client.post(reverse("accounts:logout"))
    response = client.get(reverse("cases:list"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_limits_sign_in_attempts(driver: User) -> None:
    client = Client()
    statuses = [
        client.post(
            reverse("accounts:login"), {"username": "dana", "password": "wrong"}
        ).status_code
        for _ in range(12)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429
    # Even the right password is refused while the limit holds.
    response = client.post(reverse("accounts:login"), {"username": "dana", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
