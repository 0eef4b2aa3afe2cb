"""A driver whose appeal was denied opens "What you can do now" on a phone, and a draft."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import PlatformAccount, User
from reinstate.appeals.send_actions import do_mark_sent, do_record_decision
from reinstate.cases.models import Case
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import GRUBHUB_CHECK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def denied_case(driver: User, open_case: Callable[..., Case]) -> Case:
    driver.state, driver.city, driver.legal_name = "WA", "Seattle", "Dana Reyes"
    driver.save()
    PlatformAccount.objects.create(user=driver, platform="grubhub", identifier="dana@example.com")
    case = open_case(driver, GRUBHUB_CHECK)
    case.platform, case.reason = "grubhub", "background_check"
    case.save()
    now = datetime.fromisoformat("2026-12-04T12:00:00-08:00")
    sent = datetime.fromisoformat("2026-11-05T10:00:00-08:00")
    do_mark_sent(case=case, actor=driver, sent_at=sent, channel="email", now=now)
    do_record_decision(
        case=case, actor=driver, outcome="denied", decided_on=date(2026, 12, 1), now=now
    )
    return case


def test_a_denied_driver_sees_the_options_and_copies_a_draft_on_a_phone(
    chromium: Browser, live_server: object, denied_case: Case
) -> None:
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, "dana", then=f"/cases/{denied_case.pk}/appeal/options")
        expect(page.get_by_role("heading", name="What you can do now")).to_be_visible()
        assert fits_the_screen(page)
        # A typical denied case fits in two and a half phone screens, details folded.
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 2.5 * PHONE["height"], height
        screenshot(page, "appeal-options")
        # Every link and button in sight is big enough to tap (those folded away are not shown).
        for target in page.locator("main a, main button, main summary").all():
            if not target.is_visible():
                continue
            box = target.bounding_box()
            assert box is not None and box["height"] >= 24, target.inner_text()

        page.locator("#option-regulator_complaint summary").click()
        expect(page.locator("#option-regulator_complaint")).to_contain_text("206-256-5297")

        page.locator("#option-fcra_dispute").get_by_role("link", name="See the draft").click()
        expect(
            page.get_by_role("heading", name="Draft: Dispute the background report")
        ).to_be_visible()
        expect(page.get_by_text("not legal advice")).to_be_visible()
        expect(page.get_by_label("The message, to copy")).to_have_value(re.compile("Dana Reyes"))
        assert fits_the_screen(page)
        screenshot(page, "appeal-option-draft")
