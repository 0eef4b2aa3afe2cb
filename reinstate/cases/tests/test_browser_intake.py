"""A driver on a phone: sign up, paste a notice, see the deadline, the plan and the checklist."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from reinstate.cases.models import Case
from reinstate.testing.browser import PHONE, fits_the_screen, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTICE = (
    "We have received several reports from customers who could not locate packages that you "
    "marked as delivered. Because of this, your Amazon Flex account has been deactivated. If you "
    "would like us to reconsider, respond within 10 calendar days with any supporting information."
)


def test_a_driver_signs_up_and_reads_a_notice_on_a_phone(
    chromium: Browser, live_server: object
) -> None:
    base = str(live_server)
    # A phone set to Los Angeles time: sign-up takes its zone from the phone.
    context = chromium.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, timezone_id="America/Los_Angeles"
    )
    try:
        page = context.new_page()
        page.goto(f"{base}/accounts/signup/")
        assert fits_the_screen(page)
        expect(page.get_by_label("Time zone")).to_have_value("America/Los_Angeles")
        page.get_by_label("Username").fill("dana")
        page.get_by_label("Password", exact=True).fill("correct horse battery staple")
        page.get_by_label("Password confirmation").fill("correct horse battery staple")
        page.get_by_label("State (optional)").select_option("CA")
        page.get_by_role("button", name="Create account").click()

        expect(page.get_by_role("heading", name="What did the platform send you?")).to_be_visible()
        page.get_by_label("Paste the notice").fill(NOTICE)
        # When it arrived is asked, filled with now: the driver says it came two days ago.
        day = page.get_by_label("Day")
        expect(day).not_to_have_value("")
        expect(page.get_by_label("Time")).not_to_have_value("")
        for field in (day, page.get_by_label("Time")):
            box = field.bounding_box()
            assert box is not None and box["height"] >= 24
        two_days_ago = page.evaluate(
            "(() => { const d = new Date(Date.now() - 2 * 86400000);"
            " return d.toLocaleDateString('en-CA'); })()"
        )
        day.fill(two_days_ago)
        assert fits_the_screen(page)
        screenshot(page, "intake-new-case")
        page.get_by_role("button", name="Read my notice").click()

        # Dana has not said who she is to Amazon Flex: she is asked, and may skip it for now.
        expect(page.get_by_role("heading", name="Your name and accounts")).to_be_visible()
        expect(page.get_by_text("Your appeal must say who you are")).to_be_visible()
        page.get_by_role("link", name="Skip for now").click()

        expect(page.get_by_role("heading", name="Amazon Flex: ")).to_be_visible()
        expect(page.locator(".deadline-line")).to_contain_text("days")
        assert fits_the_screen(page)
        screenshot(page, "intake-case-page")

        # The notice as read, folded at the foot of the overview.
        page.get_by_role("heading", name="Your notice, as read").click()
        expect(page.locator(".notice-text mark.g-deadline")).to_contain_text("10 calendar days")

        # The checklist, folded too: the notice itself is not a missing document, Dana gave it.
        page.get_by_role("heading", name="Documents to collect").click()
        expect(page.get_by_text("you gave this when you opened the case")).to_be_visible()
        # Tick the first document: htmx swaps the row in place, and it can be undone.
        first = page.locator(".check-item button.tick").first
        first.click()
        ticks = page.locator(".check-item button.tick")
        expect(ticks.first).to_have_attribute("aria-pressed", "true")
        ticks.first.click()
        expect(ticks.first).to_have_attribute("aria-pressed", "false")

        # The deadline in full and the plan are on their own page.
        page.get_by_role("link", name="Deadline and plan").first.click()
        expect(page.get_by_role("heading", name="Your appeal must be in by")).to_be_visible()
        expect(page.get_by_role("heading", name="Your plan")).to_be_visible()
        assert fits_the_screen(page)

        page.get_by_role("navigation", name="Main").get_by_role("link", name="My cases").click()
        expect(page.locator(".case-row")).to_have_count(1)
        assert fits_the_screen(page)
        screenshot(page, "intake-my-cases")
    finally:
        context.close()

    case = Case.objects.get()
    assert case.platform == "amazon_flex" and case.reason == "delivery_disputes"
    assert case.received_source == "given"
    assert case.owner.time_zone == "America/Los_Angeles"
    assert case.received_at.astimezone(case.tz).date().isoformat() == two_days_ago
