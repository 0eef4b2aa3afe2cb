"""Password guessing is slowed down, nobody is locked out (issue 15): only failures count, the
wait grows and is capped, a user name's variants share one count, the driver's own address is
counted behind a trusted proxy, sign-ups and organisation codes are limited, and a user name
may not mix alphabets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import PASSWORD, client_for

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
START = datetime(2026, 12, 4, 12, tzinfo=UTC)


def sign_in(client: Client, username: str, password: str, **headers: str) -> int:
    data = {"username": username, "password": password}
    return int(client.post(LOGIN, data, **headers).status_code)  # type: ignore[arg-type]


def test_signing_in_and_out_all_day_costs_nothing(driver: User) -> None:
    client = Client()
    for _ in range(15):
        assert sign_in(client, "dana", PASSWORD) == 302
        client.post(reverse("accounts:logout"))


def test_wrong_passwords_slow_a_name_down_but_never_lock_it_out(driver: User) -> None:
    attacker, dana = Client(REMOTE_ADDR="203.0.113.5"), Client(REMOTE_ADDR="198.51.100.7")
    with time_machine.travel(START, tick=False) as clock:
        statuses = [sign_in(attacker, "dana", "guess") for _ in range(12)]
        assert statuses[:5] == [200] * 5  # five free failures, then a wait
        assert 429 in statuses[5:]
        assert sign_in(dana, "dana", PASSWORD) == 429  # the name waits, a little
        clock.shift(timedelta(seconds=31))  # the name's wait never passes half a minute
        assert sign_in(dana, "dana", PASSWORD) == 302


def test_the_variants_of_a_name_share_one_count(driver: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.5")
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in "dana")
    with time_machine.travel(START, tick=False):
        for name in ("dana", "Dana", " dana ", fullwidth, "DANA"):
            assert sign_in(client, name, "guess") == 200
        response = client.post(LOGIN, {"username": "dAna", "password": PASSWORD})
        assert response.status_code == 429
        assert "Wait 1 second, then try again." in response.content.decode()


def test_behind_a_trusted_proxy_each_driver_has_their_own_count(
    driver: User, other_driver: User, settings: Settings
) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5")
    other = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.9")
    with time_machine.travel(START, tick=False):
        for n in range(11):
            sign_in(attacker, f"nobody{n}", "guess")  # many names: the address's count
        assert sign_in(attacker, "nobody99", "guess") == 429
        assert sign_in(other, other_driver.username, PASSWORD) == 302


def test_a_forged_forwarded_address_is_not_believed_without_a_trusted_proxy(
    driver: User,
) -> None:
    with time_machine.travel(START, tick=False):
        for n in range(11):
            forged = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
            sign_in(forged, f"nobody{n}", "guess")
        assert sign_in(forged, "nobody99", "guess") == 429


def test_sign_ups_from_one_address_are_slowed_and_keep_what_was_typed() -> None:
    client = Client(REMOTE_ADDR="203.0.113.5")
    with time_machine.travel(START, tick=False):
        for n in range(10):
            data = {"username": f"bot{n}", "password1": "x", "password2": "y"}
            client.post(reverse("accounts:signup"), data)
        response = client.post(reverse("accounts:signup"), {"username": "maria"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Many accounts were just made from here." in page
    assert 'value="maria"' in page


def test_a_user_name_may_not_mix_alphabets() -> None:
    mixed = "d\u0430na"  # the "a" after "d" is Cyrillic
    data = {"username": mixed, "password1": PASSWORD, "password2": PASSWORD}
    response = Client().post(reverse("accounts:signup"), data)
    assert "letters of one alphabet" in response.content.decode()
    assert not User.objects.filter(username=mixed).exists()
    greek = data | {"username": "\u03b4\u03b1\u03bd\u03b1", "time_zone": "America/New_York"}
    assert Client().post(reverse("accounts:signup"), greek).status_code == 302  # one alphabet


def test_wrong_organisation_codes_are_slowed_down(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    share = reverse("cases:share", args=[case.pk])
    with time_machine.travel(START, tick=False):
        for n in range(5):
            page = client.post(share, {"code": f"WRONG{n}"}, follow=True).content.decode()
            assert "No organisation has that code" in page
        page = client.post(share, {"code": "WRONG9"}, follow=True).content.decode()
    assert "Several codes were wrong. Wait 1 second" in page
