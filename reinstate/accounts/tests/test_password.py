"""Forgotten passwords (a link by email), changing it, and signing out everywhere."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.testing.personas import PASSWORD, client_for

pytestmark = pytest.mark.django_db

NEW = "a brand new long passphrase"


def signed_in(client: Client) -> bool:
    return client.get(reverse("accounts:profile")).status_code == 200


def test_the_sign_in_page_links_to_forgot_password() -> None:
    page = Client().get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in page and "Forgot password?" in page


def test_it_resets_a_forgotten_password_by_email(driver: User, mailoutbox: list[Any]) -> None:
    driver.email = "dana@example.com"
    driver.save()
    elsewhere = client_for(driver)

    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "DANA@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["dana@example.com"]
    assert message.subject == "Set a new Reinstate password"
    assert "To set a new password, open this link" in message.body
    assert "Your user name is: dana" in message.body

    link = re.search(r"http://testserver(/\S+)", message.body)
    assert link is not None
    page = client.get(link.group(1), follow=True)
    assert page.status_code == 200 and "Set a new password" in page.content.decode()
    done = client.post(page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")

    assert Client().login(username="dana", password=NEW)
    assert not Client().login(username="dana", password=PASSWORD)
    assert not signed_in(elsewhere)  # every old session ended
    assert AuditEvent.objects.get(kind="user.password_changed").data == {"how": "reset"}

    used = client.get(link.group(1), follow=True).content.decode()
    assert "This link no longer works" in used


def test_it_sends_nothing_for_an_unknown_address(mailoutbox: list[Any], driver: User) -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "who@example.com"})
    assert response.status_code == 302  # the same answer: it does not say who has an account
    assert mailoutbox == []
    assert "Check your email" in Client().get(response["Location"]).content.decode()


def test_it_refuses_a_made_up_link(driver: User) -> None:
    url = reverse("accounts:password_reset_confirm", args=["MQ", "made-up-token"])
    page = Client().get(url, follow=True).content.decode()
    assert "This link no longer works" in page


def test_a_signed_in_driver_changes_their_password(driver: User) -> None:
    client, elsewhere = client_for(driver), client_for(driver)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    assert signed_in(client)
    assert not signed_in(elsewhere)
    assert Client().login(username="dana", password=NEW)
    assert AuditEvent.objects.get(kind="user.password_changed").data == {"how": "changed"}


def test_it_refuses_a_wrong_old_password(driver: User) -> None:
    response = client_for(driver).post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200 and "incorrectly" in response.content.decode()
    assert Client().login(username="dana", password=PASSWORD)


def test_it_signs_out_everywhere_else(driver: User, other_driver: User) -> None:
    here, phone = client_for(driver), client_for(driver)
    omar = client_for(other_driver)
    response = here.post(reverse("accounts:sign_out_everywhere"), {"password": PASSWORD})
    assert response.status_code == 302
    assert signed_in(here)
    assert not signed_in(phone)
    assert signed_in(omar)  # only Dana's sessions
    assert Client().login(username="dana", password=PASSWORD)  # the password is unchanged
    assert AuditEvent.objects.filter(kind="user.signed_out_everywhere").count() == 1


def test_signing_out_everywhere_needs_the_password(driver: User) -> None:
    here, phone = client_for(driver), client_for(driver)
    response = here.post(reverse("accounts:sign_out_everywhere"), {"password": "guess"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert signed_in(phone)


@pytest.mark.parametrize("name", ["password_change", "sign_out_everywhere"])
def test_an_anonymous_visitor_is_sent_to_sign_in(name: str) -> None:
    response = Client().get(reverse(f"accounts:{name}"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_it_limits_requests_for_a_reset_link(driver: User, mailoutbox: list[Any]) -> None:
    driver.email = "dana@example.com"
    driver.save(update_fields=["email"])
    client = Client()
    statuses = [
        client.post(reverse("accounts:password_reset"), {"email": "dana@example.com"}).status_code
        for _ in range(12)
    ]
    assert statuses[0] == 302 and statuses[-1] == 429
    assert len(mailoutbox) < 12  # the emails stop with the limit
    refused = client.post(reverse("accounts:password_reset"), {"email": "dana@example.com"})
    assert "Too many requests" in refused.content.decode()
