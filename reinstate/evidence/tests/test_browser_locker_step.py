"""The locker as step 5 of the guided path: on a phone, with two photos and the upload form, it
is at most two and a half screens tall, says where the driver is, and has one button to go on."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import DISPUTE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOST = 2.5 * PHONE["height"]  # 2110 px: the guided path's limit for one page


def test_it_fits_two_photos_and_the_form_in_two_and_a_half_screens_and_goes_on(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, DISPUTE)
    door = files.jpeg((1200, 900), color=(40, 90, 160))
    add_file(case, door, "door.jpg", description="Parcel at the front door of 12 Elm St")
    exif = files.phone_exif(taken="2026:11:02 14:27:40", gps=(34.0601, -118.2502))
    add_file(case, files.jpeg((900, 1200), color=(160, 90, 40), exif=exif), "gate.jpg")
    with phone_page(chromium) as page:
        sign_in(page, str(live_server), "dana", then=reverse("evidence:locker", args=[case.pk]))
        expect(page.get_by_role("heading", name="Evidence locker")).to_be_visible()
        expect(page.locator(".exhibit")).to_have_count(2)
        expect(page.locator(".exhibit img.thumb").first).to_be_visible()

        assert fits_the_screen(page)  # no sideways scroll, measured once loaded
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= MOST, f"the locker is {height} px tall"
        expect(page.get_by_text("Step 5 of 11")).to_be_visible()
        # The photos' times and places are folded, the summary saying what they found.
        expect(page.locator("#photo-times")).to_contain_text("2 photos, none flagged")
        expect(page.locator(".photo-map")).not_to_be_visible()
        # Missing documents are said, and do not stop the driver going on.
        missing = "2 required documents still missing: you can add them later."
        expect(page.get_by_text(missing)).to_be_visible()
        screenshot(page, "evidence-locker-step")

        # Unfolded, it shows the day form and the map; saving a day comes back to it, open.
        page.get_by_text("When and where photos were taken").click()
        expect(page.locator(".photo-map svg .pin")).to_have_count(2)
        page.get_by_label("The day in question").fill("2026-11-03")
        page.get_by_role("button", name="Save the day").click()
        expect(page.locator("#photo-times")).to_contain_text("2 items flagged")
        expect(page.get_by_role("button", name="Save the day")).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "evidence-locker-step-photo-times")

        page.get_by_role("link", name="Continue: say what happened").click()
        page.wait_for_url(f"**{reverse('appeals:step_happened', args=[case.pk])}")
