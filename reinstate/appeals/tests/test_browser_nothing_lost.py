"""Nothing typed on the appeal page is lost (issue 11): on a phone, the driver types in one
section and presses another section's button; after a reload both are there. Words the app
cannot store yet say what to fix and stay on the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HAPPENED = "The gate on 120th Street was locked, so I drove round to the south entrance."
FACT = "The gate was locked at 10:02."
COMMITMENT = "I will leave ten minutes earlier for every block at this station."
DRAFT_FACT = "Support logged my call at 10:05."


def sign_in_to_the_appeal(page: Page, base: str, case: Case) -> None:
    sign_in(page, base, "dana", then=f"/cases/{case.pk}/appeal/")
    expect(page.get_by_role("heading", name="Your appeal", exact=True)).to_be_visible()


def test_it_keeps_what_was_typed_when_another_section_acts(
    chromium: Browser, live_server: object, evidence: Case
) -> None:
    with phone_page(chromium) as page:
        sign_in_to_the_appeal(page, str(live_server), evidence)

        # Typed in the explanation, then straight to another section's button.
        page.get_by_label("What happened, in your own words").fill(HAPPENED)
        page.get_by_label("A fact you rely on").fill(FACT)
        page.get_by_role("button", name="Add this fact").click()
        expect(page.locator(".statements li")).to_contain_text(FACT)
        page.reload()
        expect(page.get_by_label("What happened, in your own words")).to_have_value(HAPPENED)

        # Typed in the plan and saved quietly; a fact typed but not added; another Save.
        page.get_by_label("Your commitment").fill(COMMITMENT)
        plan = page.locator("form", has=page.get_by_label("Your commitment"))
        expect(plan.get_by_role("status")).to_contain_text("Saved at")
        page.get_by_label("A fact you rely on").fill(DRAFT_FACT)
        page.get_by_role("button", name="Save the record").click()
        expect(page.get_by_text("Your record is saved.")).to_be_visible()

        page.reload()
        expect(page.get_by_label("What happened, in your own words")).to_have_value(HAPPENED)
        expect(page.get_by_label("Your commitment")).to_have_value(COMMITMENT)
        expect(page.get_by_label("A fact you rely on")).to_have_value(DRAFT_FACT)
        expect(page.locator(".statements li")).to_have_count(1)
        assert fits_the_screen(page)

    appeal = appeal_of(evidence)
    assert (appeal.what_happened, appeal.commitment) == (HAPPENED, COMMITMENT)


def test_it_says_what_to_fix_and_keeps_the_words_when_they_cannot_be_saved(
    chromium: Browser, live_server: object, evidence: Case
) -> None:
    with phone_page(chromium) as page:
        sign_in_to_the_appeal(page, str(live_server), evidence)
        since = page.get_by_label("On the platform since")
        # Past the field's limit (a pasted paragraph; the browser's maxlength stops typing).
        since.evaluate(
            "f => { f.value = 'March 2023. '.repeat(12);"
            " f.dispatchEvent(new Event('input', {bubbles: true})); }"
        )
        record = page.locator("form", has=since)
        expect(record.get_by_role("status")).to_contain_text("Not saved yet")

        page.get_by_label("What you will do").fill("Check in 15 minutes before every block")
        page.get_by_label("Target you can measure").fill("no late arrival in 20 blocks")
        page.get_by_label("Start date").fill("2026-12-01")
        page.get_by_role("button", name="Add this action").click()
        expect(record.get_by_role("status")).to_contain_text(
            "On the platform since: Ensure this value has at most 100 characters"
        )
        expect(since).to_have_value("March 2023. " * 12)
        expect(page.get_by_label("What you will do")).to_have_value(
            "Check in 15 minutes before every block"
        )
        screenshot(page, "appeal-not-saved-yet")

        since.fill("March 2023")
        expect(record.get_by_role("status")).to_contain_text("Saved at")
        page.get_by_role("button", name="Add this action").click()
        expect(page.get_by_text("The action is saved.")).to_be_visible()
        page.reload()
        expect(page.get_by_label("On the platform since")).to_have_value("March 2023")


def test_it_asks_before_leaving_with_unsaved_words(
    chromium: Browser, live_server: object, evidence: Case
) -> None:
    with phone_page(chromium) as page:
        sign_in_to_the_appeal(page, str(live_server), evidence)
        page.get_by_label("A fact you rely on").fill(DRAFT_FACT)
        asked: list[str] = []

        def stay(dialog: Dialog) -> None:
            asked.append(dialog.type)
            dialog.dismiss()

        page.on("dialog", stay)
        page.get_by_role("link", name="← Back to the case").click()
        expect(page.get_by_label("A fact you rely on")).to_have_value(DRAFT_FACT)
        assert asked == ["beforeunload"]
