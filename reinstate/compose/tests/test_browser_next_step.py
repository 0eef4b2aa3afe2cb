"""A driver on a phone opens a case and sees, without scrolling, the one next thing to do."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_the_next_step_above_the_fold_on_a_phone(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-12-01T09:00:00-08:00")
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, driver.username, then=f"/cases/{case.pk}/")

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
