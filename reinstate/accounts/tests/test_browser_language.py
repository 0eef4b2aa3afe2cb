"""On a phone: a visitor taps Español on the sign-in page, reads it and the sign-up page in
Spanish, and the two language buttons are easy to tap."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from reinstate.testing.browser import fits_the_screen, phone_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def button_sizes(page: Page) -> list[dict[str, float]]:
    sizes: list[dict[str, float]] = page.evaluate(
        """() => [...document.querySelectorAll('.language-choice button')]
            .map(e => { const r = e.getBoundingClientRect();
                        return {width: r.width, height: r.height}; })"""
    )
    return sizes


def test_a_visitor_chooses_spanish_on_a_phone(chromium: Browser, live_server: object) -> None:
    base = str(live_server)
    with phone_page(chromium) as page:
        page.goto(f"{base}/accounts/login/")
        expect(page.locator("h1")).to_have_text("Sign in")
        sizes = button_sizes(page)
        assert len(sizes) == 2 and all(s["width"] >= 24 and s["height"] >= 24 for s in sizes)
        assert fits_the_screen(page)
        page.get_by_role("button", name="Español").click()
        page.wait_for_url(f"{base}/accounts/login/")
        expect(page.locator("h1")).to_have_text("Iniciar sesión")
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect(page.get_by_role("button", name="Español")).to_have_attribute("aria-pressed", "true")
        screenshot(page, "language-sign-in-es")
        page.goto(f"{base}/accounts/signup/")
        expect(page.locator("h1")).to_have_text("Crea tu cuenta")
        assert fits_the_screen(page)
        page.get_by_role("button", name="English").click()
        expect(page.locator("h1")).to_have_text("Create your account")
