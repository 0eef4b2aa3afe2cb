"""A driver on a phone imports a file of past blocks: the preview, with its table of blocks and
its column choices, fits a 390 px screen (the table scrolls inside its own box)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "Start,End,Check-in,Status,Packages,Delivered,Returned,Late,DNR,Pay,Tips,Miles\n"
    "2026-01-05 08:00,2026-01-05 11:00,07:55,completed,30,30,0,0,0,72.00,4.50,41.2\n"
    "2026-01-06 08:00,2026-01-06 11:00,08:09,completed,30,28,2,1,0,70.00,0,38.9\n"
    "2026-01-07 08:00,2026-01-07 11:00,,no_show,,,,,,,,\n"
    "2026-01-08 08:00,2026-01-08 11:00,07:55,completed,-4,30,0,0,0,72,0,40\n"
)


def test_the_import_preview_fits_a_phone(
    chromium: Browser, live_server: object, driver: User, tmp_path: Path
) -> None:
    csv = tmp_path / "amazon-flex-blocks-january-2026-export.csv"
    csv.write_text(CSV)
    with phone_page(chromium) as page:
        sign_in(page, str(live_server), "dana", then="/health/import/")

        expect(page.get_by_role("heading", name="Import your past blocks")).to_be_visible()
        page.locator("input[type=file]").set_input_files(str(csv))
        page.get_by_role("button", name="Read the file").click()

        expect(page.get_by_role("heading", name="Check before importing")).to_be_visible()
        expect(page.get_by_text("3 blocks to add")).to_be_visible()
        screenshot(page, "health-import-preview")
        assert fits_the_screen(page)
        # Every value read is on the screen, not hidden past its right edge.
        cells = page.locator(".preview-table td")
        expect(cells.first).to_be_visible()
        for i in range(cells.count()):
            box = cells.nth(i).bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], i
        expect(page.locator(".preview-table")).to_contain_text("$70.00")
