"""On a phone: a driver forgets her password and sets a new one from the emailed link, gives
her legal name and Amazon Flex account, then deletes her account."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from reinstate.accounts.models import PlatformAccount, User
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot
from reinstate.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW = "a brand new long passphrase"


def small_tap_targets(page: Page) -> list[str]:
    """Buttons, fields and links in <main> smaller than 24 px on a side."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll(
                   'main button, main input:not([type=hidden]), main a, main select')]
            .filter(e => { const r = e.getBoundingClientRect();
                           return r.width > 0 && (r.width < 24 || r.height < 24); })
            .map(e => e.outerHTML.slice(0, 80))"""
    )
    return found


def check_phone_page(page: Page, name: str) -> None:
    assert fits_the_screen(page), name
    assert small_tap_targets(page) == [], name
    screenshot(page, name)


def test_a_driver_resets_her_password_names_herself_and_deletes_her_account(
    chromium: Browser, live_server: object, mailoutbox: list[Any]
) -> None:
    base = str(live_server)
    make_user("dana", email="dana@example.com", time_zone="America/Los_Angeles")

    with phone_page(chromium) as page:
        page.goto(f"{base}/accounts/login/")
        page.get_by_role("link", name="Forgot password?").click()
        check_phone_page(page, "account-forgot-password")
        page.get_by_label("Email").fill("dana@example.com")
        page.get_by_role("button", name="Email me a link").click()
        expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

        link = re.search(r"https?://\S+", mailoutbox[0].body)
        assert link is not None
        page.goto(link.group(0))
        page.get_by_label("New password", exact=True).fill(NEW)
        page.get_by_label("New password confirmation").fill(NEW)
        check_phone_page(page, "account-new-password")
        page.get_by_role("button", name="Save the new password").click()
        page.get_by_role("link", name="Sign in").last.click()

        page.get_by_label("Username").fill("dana")
        page.get_by_label("Password").fill(NEW)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{base}/accounts/profile/")
        page.get_by_role("link", name="Your name and accounts").click()
        page.get_by_label("Your legal name").fill("Dana Reyes")
        page.get_by_label("Amazon Flex: email or phone on your account").fill("(213) 555-0142")
        check_phone_page(page, "account-identity")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Your appeal is signed Dana Reyes.")).to_be_visible()
        assert PlatformAccount.objects.get().identifier == "(213) 555-0142"

        page.get_by_role("link", name="Delete my account").click()
        check_phone_page(page, "account-delete")
        page.get_by_label("Your password").fill(NEW)
        page.get_by_role("button", name="Delete my account for good").click()
        expect(page.get_by_text("Your account and everything in it are deleted.")).to_be_visible()
        assert not User.objects.filter(username="dana").exists()
