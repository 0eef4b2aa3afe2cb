"""A driver on a phone opens a case and sees, without scrolling, the one next thing to do."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_the_next_step_above_the_fold_on_a_phone(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-12-01T09:00:00-08:00")
    base = str(live_server)
    with phone_page(chromium) as page:
        page.goto(f"{base}/accounts/login/?next=/cases/{case.pk}/")
        page.get_by_label("Username").fill(driver.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        card = page.locator(".next-step")
        expect(card).to_be_visible()
        expect(card).to_contain_text("Step ")
        box = card.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        button = card.locator("a.button")
        expect(button).to_have_count(1)
        size = button.bounding_box()
        assert size is not None and size["width"] >= 24 and size["height"] >= 24
        assert fits_the_screen(page)
        screenshot(page, "case-page-next-step")

        button.click()
        expect(page).not_to_have_url(f"{base}/cases/{case.pk}/")
