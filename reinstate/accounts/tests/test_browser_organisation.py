"""An advocate on a phone sets up their clinic; a driver shares a case with its code; the
advocate then finds the case among theirs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import Organisation
from reinstate.cases.models import Case
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_advocate_sets_up_a_clinic_and_sees_a_case_a_driver_shares(
    chromium: Browser, live_server: object, open_case: Callable[..., Case]
) -> None:
    base = str(live_server)
    make_user("ada", time_zone="America/New_York")
    dana = make_user("dana", time_zone="America/Los_Angeles", state="CA")
    case = open_case(dana, FLEX_LATE)

    with phone_page(chromium) as page:
        sign_in(page, base, "ada")
        page.goto(f"{base}/accounts/profile/")
        page.get_by_role("link", name="Your organisations").click()
        page.get_by_label("Name of the organisation").fill("Eastside Drivers Clinic")
        page.get_by_role("button", name="Set up the organisation").click()
        expect(page.get_by_role("heading", name="Eastside Drivers Clinic")).to_be_visible()
        code = page.locator("input[readonly]").first.input_value()
        assert fits_the_screen(page)
        screenshot(page, "organisation-page")

    with phone_page(chromium) as page:
        sign_in(page, base, "dana")
        page.goto(f"{base}/cases/{case.pk}/")
        page.get_by_role("heading", name="Your advocate").click()  # folded on the overview
        page.get_by_placeholder("Organisation code").fill(code)
        page.get_by_role("button", name="Share this case").click()
        expect(page.get_by_text("Shared with Eastside Drivers Clinic:")).to_be_visible()

    with phone_page(chromium) as page:
        sign_in(page, base, "ada")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="My cases").click()
        expect(page.locator(".case-row")).to_have_count(1)
        page.locator(".case-row a").first.click()
        expect(page.get_by_role("heading", name="Amazon Flex: ")).to_be_visible()
        assert fits_the_screen(page)

    # Read from the database once the browsers are closed: on PostgreSQL, a query between the
    # browser sessions left a database session open when the test database was dropped.
    assert code == Organisation.objects.get().invite_code
