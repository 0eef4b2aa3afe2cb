"""On a phone: Dana keeps a record after a block (a photo of a locked gate), finds it on My
records, then opens a case and adds it from the offer on the case page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.health.actions import do_record_block
from reinstate.records.models import Record
from reinstate.testing import files
from reinstate.testing.blocks import LA, flex_block
from reinstate.testing.browser import (
    fits_the_screen,
    phone_page,
    screenshot,
    sign_in,
    small_targets,
)
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def looks_right(page: Page, name: str) -> None:
    assert fits_the_screen(page), name
    assert small_targets(page) == [], name
    screenshot(page, name)


def test_a_driver_keeps_a_record_and_adds_it_to_her_case(
    chromium: Browser,
    live_server: object,
    driver: User,
    open_case: Callable[..., Case],
    tmp_path: Path,
) -> None:
    base = str(live_server)
    photo = tmp_path / "gate.jpg"
    photo.write_bytes(files.jpeg(exif=files.phone_exif(taken="2026:10:20 10:03:05")))
    with phone_page(chromium) as page:
        sign_in(page, base, "dana")
        page.goto(f"{base}/records/")
        expect(page.get_by_role("heading", name="Nothing kept yet")).to_be_visible()
        looks_right(page, "records-empty")

        page.get_by_role("link", name="Add a record").click()
        page.get_by_label("What is this about?").select_option("locked_building")
        page.get_by_label("What happened").fill("Gate code 4411 did not work; left at the office.")
        page.get_by_label("Photos or files").set_input_files(str(photo))
        page.get_by_label("When").fill("2026-10-20T10:05")
        looks_right(page, "records-add")
        page.get_by_role("button", name="Keep this record").click()
        expect(page.get_by_text("Saved in your records.")).to_be_visible()
        expect(page.get_by_role("link", name="Locked building")).to_be_visible()
        looks_right(page, "records-list")

        case = open_case(driver, FLEX_LATE, received="2026-11-02T16:00:00-08:00")
        page.goto(f"{base}/cases/{case.pk}/")
        expect(
            page.get_by_text("You kept 1 record from the days before this notice")
        ).to_be_visible()
        looks_right(page, "records-case-offer")
        page.get_by_role("link", name="Choose what to add").click()
        looks_right(page, "records-offer-page")
        page.get_by_role("button", name="Add to this case").click()
        expect(page.get_by_text("1 record was added to this case")).to_be_visible()

        # The appeal's record of good standing, drafted from her blocks.
        start = datetime.fromisoformat("2026-03-02T08:00").replace(tzinfo=LA)
        do_record_block(owner=driver, platform="amazon_flex", record=flex_block(start))
        page.goto(f"{base}/cases/{case.pk}/appeal/")
        page.get_by_role("link", name="Draft this record from your account health").click()
        expect(page.get_by_label("Work completed")).to_have_value(
            "1 block completed between 2 March 2026 and 2 March 2026"
        )
        looks_right(page, "records-good-standing")

    record = Record.objects.get()
    item = EvidenceItem.objects.get(case=case)
    assert item.blob == record.files.get().blob
