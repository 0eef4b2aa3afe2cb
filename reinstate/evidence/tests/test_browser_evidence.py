"""A driver on a phone adds two delivery photos, sees when and where each was taken,
withdraws one, and puts it back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.evidence.tasks import make_blob_renditions
from reinstate.testing import files
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import DISPUTE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_driver_adds_two_photos_sees_time_and_place_withdraws_one_and_puts_it_back(
    chromium: Browser,
    live_server: object,
    driver: User,
    open_case: Callable[..., Case],
    tmp_path: Path,
) -> None:
    case = open_case(driver, DISPUTE)
    door = tmp_path / "door.jpg"
    door.write_bytes(files.jpeg((1200, 900), color=(40, 90, 160)))
    gate = tmp_path / "gate.jpg"
    exif = files.phone_exif(taken="2026:11:02 14:27:40", gps=(34.0601, -118.2502))
    gate.write_bytes(files.jpeg((900, 1200), color=(160, 90, 40), exif=exif))
    base = str(live_server)
    with phone_page(chromium) as page:
        # Straight to the locker: the case page that links to it is tested with the case.
        sign_in(page, base, "dana", then=f"/cases/{case.pk}/evidence/")

        expect(page.get_by_role("heading", name="Evidence locker")).to_be_visible()
        page.get_by_label("Photos and files").set_input_files([str(door), str(gate)])
        page.get_by_label("Photos taken at delivery").check()
        page.get_by_role("button", name="Add to the locker").click()

        exhibits = page.locator(".exhibit")
        expect(exhibits).to_have_count(2)
        expect(exhibits.nth(0).locator(".taken")).to_have_text("Mon 2 Nov 2026, 2:03:05 PM PST")
        expect(exhibits.nth(0).locator(".place")).to_have_text("34.05224, -118.24368")
        expect(exhibits.nth(1).locator(".taken")).to_have_text("Mon 2 Nov 2026, 2:27:40 PM PST")
        expect(exhibits.nth(1).locator(".place")).to_have_text("34.06010, -118.25020")
        expect(page.locator(".photo-map svg .pin")).to_have_count(2)
        expect(exhibits.nth(0).locator("img.thumb")).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "evidence-locker")

        page.get_by_role("link", name="Details of exhibit B").click()
        expect(page.get_by_role("heading", name="Exhibit B: Photo")).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "evidence-item")
        page.get_by_role("button", name="Withdraw exhibit B").click()

        expect(page.get_by_text("Exhibit B (“gate.jpg”) was withdrawn")).to_be_visible()
        expect(page.locator(".exhibit")).to_have_count(1)
        expect(page.locator(".photo-map svg .pin")).to_have_count(1)
        assert fits_the_screen(page)

        expect(page.get_by_role("button", name="Undo")).to_be_visible()
        expect(page.get_by_role("heading", name="Withdrawn recently")).to_be_visible()
        screenshot(page, "evidence-withdrawn")

        page.get_by_role("link", name="Your case").click()
        # Its checklist (folded or not) names the exhibit still in the case.
        expect(page.get_by_text("(in your evidence: exhibit A)")).to_have_count(1)
        screenshot(page, "evidence-case-page")

        # Changed her mind: the photo comes back, as exhibit B, from the locker's list.
        page.goto(f"{base}/cases/{case.pk}/evidence/")
        page.get_by_role("button", name="Put back “gate.jpg”").click()
        expect(page.get_by_text("“gate.jpg” is back in this case, as exhibit B.")).to_be_visible()
        expect(page.locator(".exhibit")).to_have_count(2)
        expect(page.locator(".photo-map svg .pin")).to_have_count(2)
        expect(page.get_by_role("heading", name="Withdrawn recently")).to_have_count(0)
        assert fits_the_screen(page)

    assert list(EvidenceItem.objects.values_list("filename", flat=True)) == ["door.jpg", "gate.jpg"]


def test_a_preview_on_its_way_turns_into_the_picture_without_a_reload(
    chromium: Browser,
    live_server: object,
    driver: User,
    open_case: Callable[..., Case],
    settings: Settings,
) -> None:
    """The upload queues the preview; the page says so, then shows it once the job ran (here
    run by the test when it chooses, so the placeholder is surely seen first)."""
    settings.REINSTATE_RENDITIONS_INLINE = False
    case = open_case(driver, DISPUTE)
    item = add_file(case, files.jpeg((1200, 900)), "door.jpg").item
    Blob.objects.filter(pk=item.blob_id).update(preview_pending=True, has_renditions=False)
    with phone_page(chromium) as page:
        sign_in(page, str(live_server), "dana", then=f"/cases/{case.pk}/evidence/{item.pk}/")
        expect(page.get_by_role("status")).to_contain_text("Preview on its way")
        expect(page.get_by_role("status")).to_contain_text("door.jpg · JPEG photo.")
        assert fits_the_screen(page)
        screenshot(page, "evidence-preview-on-its-way")

        make_blob_renditions(item.blob_id)

        expect(page.get_by_role("img", name="Preview of door.jpg")).to_be_visible()
        expect(page.get_by_text("Preview on its way")).to_have_count(0)
