"""On a phone, the send page stays short before and after sending (at most two and a half
screens of 390 by 844), and every control a finger taps is at least 24 by 24 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from reinstate.cases.models import Case
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOST = 2.5 * PHONE["height"]  # 2110 px
TAPPED = "main a, main button, main summary, main input[type=radio], main input[type=file]"


def height(page: Page) -> int:
    page.wait_for_load_state("load")
    return int(page.evaluate("document.documentElement.scrollHeight"))


def small_targets(page: Page) -> list[str]:
    found = []
    for element in page.locator(TAPPED).all():
        box = element.bounding_box() if element.is_visible() else None
        if box is not None and (box["width"] < 24 or box["height"] < 24):
            found.append(f"{element.evaluate('e => e.outerHTML')[:80]} {box}")
    return found


def test_the_send_page_is_short_and_easy_to_tap_before_and_after_sending(
    chromium: Browser, live_server: object, ready_case: Case
) -> None:
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(
            page, base, ready_case.owner.username, then=f"/cases/{ready_case.pk}/appeal/step/send"
        )
        expect(page.get_by_text("I have sent it")).to_be_visible()
        measured = {"before": height(page)}
        assert fits_the_screen(page)
        page.get_by_text("I have sent it").click()
        page.get_by_label("Reference or ticket number").fill("QX-7781")
        assert small_targets(page) == []
        measured["form-open"] = height(page)
        screenshot(page, "send-form-open")
        page.get_by_role("button", name="Save: it is sent").click()
        expect(page.locator("#sent-h")).to_be_visible()
        expect(page.get_by_text("Expect a decision by")).to_be_visible()
        measured["after"] = height(page)
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "send-after")
        page.get_by_text("They answered").click()
        page.get_by_label("Denied").check()
        page.get_by_role("button", name="Save the decision").click()
        expect(page.get_by_text("The decision is recorded.")).to_be_visible()
        measured["decided"] = height(page)
    print(measured)  # noqa: T201 (the heights, for whoever tunes the page next: pytest -s)
    assert measured["before"] <= MOST and measured["after"] <= MOST, measured
    assert ready_case.decisions.get().outcome == "denied"
