"""A driver on a phone records the block they just finished and sees their standing, all
through the main navigation, in well under 30 seconds of typing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.health.models import Block
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_driver_records_a_block_and_sees_standing_on_a_phone(
    chromium: Browser, live_server: object, driver: User
) -> None:
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, "dana", then="/health/")

        expect(page.get_by_role("heading", name="Account health: Amazon Flex")).to_be_visible()
        assert fits_the_screen(page)
        page.get_by_role("main").get_by_role("link", name="Record a block").first.click()

        expect(page.get_by_role("heading", name="Record a block")).to_be_visible()
        # Yesterday in the driver's zone: today's 08:00 may still be ahead of the clock.
        yesterday = datetime.now(ZoneInfo(driver.time_zone)).date() - timedelta(days=1)
        page.get_by_label("Day").fill(yesterday.isoformat())
        page.get_by_label("Start").fill("08:00")
        page.get_by_label("End").fill("11:00")
        page.get_by_label("Checked in at").fill("07:55")
        page.get_by_label("Packages assigned").fill("30")
        page.get_by_label("Packages delivered").fill("30")
        page.get_by_label("Pay for the block ($)").fill("72")
        assert fits_the_screen(page)
        screenshot(page, "health-record-block")
        page.get_by_role("button", name="Save the block").click()

        expect(page.get_by_text("Block saved")).to_be_visible()
        expect(page.get_by_role("heading", name="Your standing")).to_be_visible()
        reliability = page.get_by_role("article", name="Reliability")
        expect(reliability.get_by_text("100 %").first).to_be_visible()
        expect(
            page.get_by_role("img", name="Reliability, last 30 days, week by week")
        ).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "health-standing")

        # The next block starts from this one: only the day would change.
        page.get_by_role("navigation", name="Account health").get_by_role(
            "link", name="Record a block"
        ).click()
        expect(page.get_by_label("Start")).to_have_value("08:00")
        expect(page.get_by_label("Checked in at")).to_have_value("07:55")

    block = Block.objects.get()
    assert block.owner == driver and block.packages_delivered == 30
