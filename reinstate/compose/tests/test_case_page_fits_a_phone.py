"""On a phone, the case overview and the guided path's reading pages are each short: at most two
and a half screens (390 by 844), with no sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOST = 2.5 * PHONE["height"]  # 2110 px


def height(page: Page) -> int:
    page.wait_for_load_state("load")
    return int(page.evaluate("document.documentElement.scrollHeight"))


def test_it_keeps_the_overview_and_the_reading_pages_short_on_a_phone(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    received = (timezone.now() - timedelta(days=1)).isoformat()
    case = open_case(driver, FLEX_LATE, received=received)
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, driver.username, then=f"/cases/{case.pk}/")
        expect(page.locator("#next-h")).to_be_visible()
        measured = {"case-overview": height(page)}
        assert fits_the_screen(page)
        screenshot(page, "case-overview")

        page.get_by_role("link", name="What the notice means").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("What the notice means")
        measured["case-meaning"] = height(page)
        assert fits_the_screen(page)
        screenshot(page, "case-meaning")

        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your deadline and plan")
        measured["case-deadline"] = height(page)
        assert fits_the_screen(page)
        screenshot(page, "case-deadline")

        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_url(f"{base}/cases/{case.pk}/evidence/")
    print(measured)  # noqa: T201 (the heights, for whoever tunes the pages next: pytest -s)
    assert all(px <= MOST for px in measured.values()), measured
    case.refresh_from_db()
    assert case.steps_seen == ["meaning", "deadline"]


# No deadline in the notice: the page warns of the default and drafts a message to support.
ACCOUNT_SHARING = (
    "We determined that another person has been delivering using your Amazon Flex account. "
    "Your account has been permanently deactivated."
)


def test_a_default_deadline_with_its_message_to_support_still_fits(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    received = (timezone.now() - timedelta(days=1)).isoformat()
    case = open_case(driver, ACCOUNT_SHARING, received=received)
    assert case.deadline_is_default and case.ask_support_to_confirm
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, driver.username, then=f"/cases/{case.pk}/deadline/")
        expect(
            page.get_by_role("heading", name="Ask support to confirm your deadline")
        ).to_be_visible()
        measured = height(page)
        assert fits_the_screen(page)
        screenshot(page, "case-deadline-default")
    assert measured <= MOST, measured
