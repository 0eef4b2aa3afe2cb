"""On a phone: the help page, a policy's versions with what changed, and choosing a clause on
the appeal's explanation page; each fits 390 px and is screenshotted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.policies.actions import do_store_policy_version
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FLEX = "amazon_flex.succeed_blog"
OLD = (
    "Standing. Most delivery partners have a Fantastic or Great standing. Arrive and check in at "
    "the pickup location within 5 minutes of the block start time."
)


def test_a_driver_reads_help_policy_changes_and_chooses_a_clause(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    base = str(live_server)
    now = timezone.now()
    url = "https://aztest.hellowes.com/blog/how-to-succeed-as-a-delivery-partner"
    for days, text in ((30, OLD), (2, OLD.replace("within 5 minutes", "10 minutes before"))):
        at = now - timedelta(days=days)
        do_store_policy_version(policy=FLEX, url=url, text=text, fetched_at=at)
    case = open_case(driver, FLEX_LATE)
    with phone_page(chromium) as page:
        page.goto(f"{base}/help/#how-long-to-appeal")
        expect(page.locator("#how-long-to-appeal h2")).to_have_text("How long do I have to appeal?")
        assert fits_the_screen(page)
        screenshot(page, "policies-help")

        sign_in(page, base, driver.username, then=f"/cases/{case.pk}/")
        page.get_by_role("link", name="see what changed").click()
        expect(page.locator("h1")).to_have_text(
            "Amazon Flex blog: How to succeed as a delivery partner"
        )
        expect(page.locator(".diff del").first).to_contain_text("within")
        expect(page.locator(".diff ins").first).to_contain_text("10")
        assert fits_the_screen(page)
        screenshot(page, "policies-diff")

        page.goto(f"{base}/cases/{case.pk}/appeal/step/happened")
        page.get_by_label("The decision is wrong").check()
        page.get_by_role("button", name="Save and continue").click()
        page.goto(f"{base}/cases/{case.pk}/appeal/step/wrong")
        page.locator("details.clause-list summary").click()  # folded to keep the page short
        page.locator("label.clause", has_text="Most delivery partners").click()
        assert fits_the_screen(page)
        screenshot(page, "policies-explanation-step")
        page.get_by_role("button", name="Save and continue").click()
        page.wait_for_load_state("load")
    quote = appeal_of(case).policy_quote
    assert quote.startswith("Most delivery partners have a Fantastic or Great standing. (")
