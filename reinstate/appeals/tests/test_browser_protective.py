"""A driver on a phone, hours before the deadline with nothing sent, opens the protective
appeal: the short letter ready to copy, where it goes, and the way to mark it sent, in at most
two and a half screens with tap targets of 24 px or more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.appeal_samples import LEGAL_NAME, identify
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOST = 2.5 * PHONE["height"]  # 2110 px


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


def test_a_driver_copies_the_protective_appeal_on_a_phone(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    # The notice gave 10 days; it came 9.5 days ago: about 12 hours are left.
    received = (timezone.now() - timedelta(days=9, hours=12)).isoformat()
    case = open_case(identify(driver), FLEX_LATE, received=received)
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, driver.username, then=f"/cases/{case.pk}/appeal/protective")
        expect(page.get_by_role("heading", level=1)).to_have_text("A short appeal to send now")
        expect(page.locator(".lead")).to_contain_text("hours left")
        letter = page.get_by_label("The protective appeal, to copy")
        expect(letter).to_have_attribute("readonly", "")
        assert LEGAL_NAME in letter.input_value()
        assert "My full appeal and my evidence will follow by" in letter.input_value()
        expect(page.get_by_role("heading", name="Where to send it")).to_be_visible()

        page.get_by_role("button", name="Copy the letter").click()
        expect(page.locator("#protective-text-copied")).not_to_be_empty()
        selected = page.evaluate(
            "(() => { const t = document.getElementById('protective-text');"
            " return t.selectionEnd - t.selectionStart; })()"
        )
        assert selected == len(letter.input_value())  # copied, or at least all selected

        page.wait_for_load_state("load")
        height = int(page.evaluate("document.documentElement.scrollHeight"))
        assert height <= MOST, height
        assert fits_the_screen(page)
        assert small_tap_targets(page) == []
        screenshot(page, "protective-appeal")

        page.get_by_role("link", name="Mark it as sent").click()
        expect(page).to_have_url(f"{base}/cases/{case.pk}/appeal/step/send?kind=protective")
