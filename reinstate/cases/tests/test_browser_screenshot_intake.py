"""A driver on a phone uploads a screenshot of the notice, checks the words read, and opens the
case."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import DISPUTE
from reinstate.testing.screenshots import needs_tesseract, phone_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), needs_tesseract]


def test_a_driver_checks_the_text_read_from_a_screenshot(
    chromium: Browser, live_server: object, driver: User, tmp_path: Path
) -> None:
    picture = tmp_path / "IMG_0412.png"
    picture.write_bytes(phone_screenshot(DISPUTE, dark=True))
    with phone_page(chromium) as page:
        sign_in(page, str(live_server), driver.username, then="/cases/new/")
        expect(page.get_by_role("heading", name="What did the platform send you?")).to_be_visible()
        page.get_by_label("…or upload a screenshot or the email").set_input_files(str(picture))
        page.get_by_role("button", name="Read my notice").click()

        # Nothing is opened yet: the words read are in the paste box, to check first.
        expect(page.get_by_text("Read from your screenshot:")).to_be_visible()
        expect(page.get_by_label("Paste the notice")).to_contain_text("within 10 calendar days")
        assert fits_the_screen(page)
        screenshot(page, "intake-screenshot-check")
        assert not Case.objects.exists()

        page.get_by_role("button", name="The text is right: read my notice").click()
        expect(page.get_by_role("heading", name="Your name and accounts")).to_be_visible()

    case = Case.objects.get()
    assert (case.platform, case.reason) == ("amazon_flex", "delivery_disputes")
    # The screenshot itself is the case's first evidence.
    assert [(e.kind, e.filename) for e in case.evidence.all()] == [("screenshot", "IMG_0412.png")]
