"""The driver's legal name and the email or phone each platform knows them by."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import PlatformAccount, User
from reinstate.audit.models import AuditEvent
from reinstate.testing.cli import reinstate
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

URL = reverse("accounts:identity")


def form(**values: str) -> dict[str, str]:
    return {"legal_name": "", **values}


def test_it_sets_the_legal_name_and_platform_accounts(driver: User) -> None:
    client = client_for(driver)
    response = client.post(
        URL,
        form(
            legal_name="  Dana   Reyes ",
            account_amazon_flex="dana@example.com",
            account_doordash="(213) 555-0142",
        ),
    )
    assert response.status_code == 302
    driver.refresh_from_db()
    assert driver.legal_name == "Dana Reyes"
    assert driver.display_name() == "Dana Reyes"
    held = PlatformAccount.objects.filter(user=driver)
    accounts = dict(held.values_list("platform", "identifier"))
    assert accounts == {"amazon_flex": "dana@example.com", "doordash": "(213) 555-0142"}
    event = AuditEvent.objects.get(kind="user.identity_changed")
    assert event.data == {"changed": ["legal_name", "amazon_flex", "doordash"]}
    assert "dana@example.com" not in str(event.data)  # the log names what changed, not values

    page = client.get(URL).content.decode()
    assert 'value="Dana Reyes"' in page and 'value="dana@example.com"' in page


def test_it_removes_an_account_left_empty(driver: User) -> None:
    PlatformAccount.objects.create(user=driver, platform="uber", identifier="dana@example.com")
    client_for(driver).post(URL, form(legal_name="Dana Reyes", account_uber=""))
    assert not PlatformAccount.objects.filter(user=driver).exists()


def test_it_refuses_what_is_not_an_email_or_phone(driver: User) -> None:
    response = client_for(driver).post(URL, form(account_amazon_flex="dana at home"))
    assert response.status_code == 400
    assert "email or phone number your Amazon Flex account uses" in response.content.decode()
    assert not PlatformAccount.objects.exists()


def test_it_refuses_a_name_without_letters(driver: User) -> None:
    response = client_for(driver).post(URL, form(legal_name="12345"))
    assert response.status_code == 400
    driver.refresh_from_db()
    assert driver.legal_name == ""


def test_it_is_linked_from_the_profile(driver: User) -> None:
    assert URL in client_for(driver).get(reverse("accounts:profile")).content.decode()


def test_it_sends_an_anonymous_visitor_to_sign_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_it_shows_each_driver_only_their_own(driver: User, other_driver: User) -> None:
    PlatformAccount.objects.create(user=driver, platform="uber", identifier="dana@example.com")
    assert "dana@example.com" not in client_for(other_driver).get(URL).content.decode()


def test_the_command_line_adds_a_user_with_name_and_accounts() -> None:
    out = reinstate(
        "user", "add", "zoe", "--name", "Zoe Park", "--account", "doordash=zoe@example.com"
    ).json()
    assert out["legal_name"] == "Zoe Park"
    assert out["accounts"] == {"doordash": "zoe@example.com"}
    assert "password" in out


def test_the_command_line_changes_name_and_accounts(driver: User) -> None:
    out = reinstate(
        "user",
        "set",
        "dana",
        "--name",
        "Dana Reyes",
        "--account",
        "amazon_flex=+1 213 555 0142",
        "--city",
        "Pasadena",
    ).json()
    assert out["legal_name"] == "Dana Reyes"
    assert out["accounts"] == {"amazon_flex": "+1 213 555 0142"}
    assert out["city"] == "Pasadena"
    assert set(out["changed"]) == {"legal_name", "amazon_flex", "city"}
    out = reinstate("user", "set", "dana", "--account", "amazon_flex=").json()
    assert out["accounts"] == {}


@pytest.mark.parametrize(
    "account",
    ["lyfft=dana@example.com", "amazon_flex", "amazon_flex=not a phone"],
)
def test_the_command_line_refuses_a_bad_account_in_one_line(driver: User, account: str) -> None:
    result = reinstate("user", "set", "dana", "--account", account)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert not PlatformAccount.objects.exists()


def test_the_command_line_adds_nobody_when_an_account_is_bad() -> None:
    result = reinstate("user", "add", "zoe", "--account", "myspace=zoe@example.com")
    assert result.returncode == 2
    assert "Unknown platform 'myspace'" in result.stderr
    assert not User.objects.filter(username="zoe").exists()


def test_the_command_line_names_a_missing_user() -> None:
    result = reinstate("user", "set", "nobody", "--name", "No One")
    assert result.returncode == 2 and "No user named 'nobody'" in result.stderr


def test_the_command_line_sets_a_new_password(driver: User, tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("a brand new long passphrase\n")
    out = reinstate("user", "set", "dana", "--password-file", str(secret)).json()
    assert out["changed"] == ["password"]
    driver.refresh_from_db()
    assert driver.check_password("a brand new long passphrase")
    secret.write_text("short\n")
    result = reinstate("user", "set", "dana", "--password-file", str(secret))
    assert result.returncode == 2 and "too short" in result.stderr
