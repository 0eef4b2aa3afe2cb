"""On a phone, a driver uploads a screenshot of the Flex standing screen, checks what was read,
corrects one number and saves; the history shows the day. One picture is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.health.models import StandingReading
from reinstate.testing.browser import (
    fits_the_screen,
    phone_page,
    screenshot,
    sign_in,
    small_targets,
)
from reinstate.testing.screenshots import needs_tesseract, phone_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), needs_tesseract]

SCREEN = """Your standing is Fair
Reliability: Great
Delivery Quality: Fair
Delivery completion rate 96.5%
Delivered on time 94%"""


def test_a_driver_reads_a_standing_screenshot_checks_it_and_saves(
    chromium: Browser, live_server: object, driver: User, tmp_path: Path
) -> None:
    picture = tmp_path / "standing.png"
    picture.write_bytes(phone_screenshot(SCREEN, dark=True, title="Standing"))
    with phone_page(chromium) as page:
        sign_in(page, str(live_server), "dana", then="/health/?platform=amazon_flex")
        page.get_by_role("link", name="Record today's standing").click()
        expect(
            page.get_by_role("heading", name="Your standing in the Amazon Flex app")
        ).to_be_visible()
        assert fits_the_screen(page) and small_targets(page) == []
        screenshot(page, "health-standing-form")

        page.get_by_label("Screenshot of your standing").set_input_files(str(picture))
        page.get_by_role("button", name="Read the screenshot").click()
        expect(page.get_by_text("Check what we read")).to_be_visible()
        expect(page.get_by_label("Fair", exact=True)).to_be_checked()
        completion = page.get_by_label("Delivery completion rate (%)")
        expect(completion).to_have_value("96.5")
        assert fits_the_screen(page)
        screenshot(page, "health-standing-check")

        completion.fill("96.4")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_text("Your standing is saved.")).to_be_visible()
        expect(
            page.get_by_role("img", name="Delivery completion rate in the app, by date")
        ).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "health-standing-history")

    reading = StandingReading.objects.get(owner=driver)
    assert reading.tier == "fair" and reading.source == "screenshot"
    assert reading.percents["delivery_completion"] == 0.964
    assert reading.parts == {"reliability": "great", "delivery_quality": "fair"}
