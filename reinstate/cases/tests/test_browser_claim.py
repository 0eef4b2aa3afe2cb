"""On a phone: an advocate opens a case for Maria at intake from the docket, copies the claim link,
takes the case on herself and writes a private note; Maria opens the link, signs up, finds the
case in her account and, in its history, what the advocate did (never the organisation's note).
Every page fits the screen and its controls are easy to tap (issue 13)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import Membership, Organisation
from reinstate.testing.browser import (
    fits_the_screen,
    phone_page,
    screenshot,
    sign_in,
    small_targets,
)
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "Maria says the station scanner was down that week."


def test_an_advocate_opens_a_case_that_the_driver_claims(
    chromium: Browser, live_server: object
) -> None:
    base = str(live_server)
    org = Organisation.objects.create(name="Eastside Drivers Union")
    Membership.objects.create(organisation=org, user=make_user("ada"))

    with phone_page(chromium) as page:
        sign_in(page, base, "ada", then=f"/accounts/organisations/{org.pk}/docket/")
        page.get_by_role("link", name="Open a case for a driver").click()
        expect(page.get_by_role("heading", name="Open a case for a driver")).to_be_visible()
        page.get_by_label("Driver's name").fill("Maria Lopez")
        page.get_by_label("Driver's phone").fill("(213) 555-0142")
        page.get_by_label("Email or phone on their platform account").fill("(213) 555-0142")
        page.get_by_label("Paste the notice").fill(FLEX_LATE)
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "claim-intake")
        page.get_by_role("button", name="Open the case").click()

        expect(page.get_by_role("heading", name="Give Maria Lopez their case")).to_be_visible()
        page.wait_for_load_state("load")  # the copy button's script is deferred
        page.get_by_role("button", name="Copy the link").click()
        expect(page.locator("#claim-link-copied")).not_to_be_empty()
        link = page.get_by_role("textbox", name="The link").input_value()
        expect(page.get_by_role("link", name="Text it to (213) 555-0142")).to_be_visible()
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "claim-link")
        page.get_by_role("link", name="Maria\N{RIGHT SINGLE QUOTATION MARK}s case").click()
        expect(page.get_by_text("Not yet claimed")).to_be_visible()
        expect(page.get_by_role("heading", name="Next for Maria:")).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "claim-case-advocate")
        # Ada carries the case, and keeps a note the driver never reads.
        work = page.locator("#work")
        work.get_by_label("Who carries this case").select_option(label="ada")
        work.get_by_role("button", name="Save").click()
        expect(page.locator("#work")).to_contain_text("carries this case now.")
        page.locator("#work").get_by_label("Private note").fill(NOTE)
        page.locator("#work").get_by_role("button", name="Add note").click()
        expect(page.locator("#work")).to_contain_text("Note added.")

    with phone_page(chromium) as page:
        page.goto(link)
        expect(page.get_by_role("heading", name="Maria, your case is ready")).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "claim-visitor")
        page.get_by_role("link", name="Create an account").click()
        page.get_by_label("Username").fill("maria")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_label("Password confirmation").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        page.get_by_role("button", name="Add this case to my account").click()

        expect(page.get_by_text("The case is yours now.")).to_be_visible()
        expect(page.get_by_role("heading", name="Next: ")).to_be_visible()
        assert fits_the_screen(page)
        page.get_by_text("History", exact=True).click()
        page.get_by_role("link", name="See the history").click()
        expect(page.get_by_text("(advocate of Eastside Drivers Union)").first).to_be_visible()
        expect(page.get_by_text("Opened the case for the driver from the notice")).to_be_visible()
        expect(page.get_by_text("Claimed the case with its link")).to_be_visible()
        expect(page.get_by_text("Chose who carries the case for the organisation")).to_be_visible()
        assert NOTE not in page.content()
        assert fits_the_screen(page)
        screenshot(page, "claim-history")
        page.goto(page.url.replace("/history/", "/"))
        assert NOTE not in page.content() and page.locator("#work").count() == 0
