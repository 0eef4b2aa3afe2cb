"""A driver on a phone writes the appeal, drafts and approves the letter, and builds the
packet, watching its progress."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.fixtures import Settings

from reinstate.appeals.models import Packet
from reinstate.cases.models import Case
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_driver_writes_the_appeal_and_builds_the_packet_on_a_phone(
    chromium: Browser, live_server: object, evidence: Case, settings: Settings
) -> None:
    settings.REINSTATE_BUILD_INLINE = False  # the real path: a background build, polled
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, "dana", then=f"/cases/{evidence.pk}/")
        # The case page's line for the appeal; then the whole appeal on one page.
        page.get_by_role("link", name=re.compile(r"^Your appeal")).click()

        expect(page.get_by_role("heading", name="Is it ready?")).to_be_visible()
        assert fits_the_screen(page)
        page.get_by_label("Amazon Flex Terms of Service").first.check()
        page.get_by_label("What happened, in your own words").fill(
            "On 3 November 2026 I arrived at the Hawthorne station at 10:17 for a block that "
            "started at 10:00, because the gate on 120th Street was locked and I had to drive "
            "round to the south entrance."
        )
        page.get_by_label("What you accept").fill("I accept that I checked in 17 minutes late.")
        page.get_by_role("button", name="Save the explanation").click()
        expect(page.get_by_text("Your explanation is saved.")).to_be_visible()

        page.get_by_label("A fact you rely on").fill("The gate was locked at 10:02.")
        page.get_by_label("A: The locked gate").check()
        page.get_by_role("button", name="Add this fact").click()
        expect(page.locator(".statements li")).to_contain_text("(Exhibit A)")

        page.get_by_label("What you will do").fill("Check in 15 minutes before every block")
        page.get_by_label("Target you can measure").fill("no late arrival in 20 blocks")
        page.get_by_label("Start date").fill("2026-12-01")
        page.get_by_role("button", name="Add this action").click()
        expect(page.get_by_text("The action is saved.")).to_be_visible()

        page.get_by_role("button", name="Draft my letter").click()
        expect(page.get_by_role("textbox", name="Your letter")).to_have_value(
            re.compile("I am writing to appeal")
        )
        page.get_by_role("button", name="Approve version 1").click()
        expect(page.get_by_text("Version 1 approved")).to_be_visible()
        assert fits_the_screen(page)
        screenshot(page, "appeal-page")

        page.get_by_role("button", name="Build the packet").click()
        expect(page.get_by_role("link", name="PDF packet")).to_be_visible(timeout=30_000)
        assert fits_the_screen(page)
        screenshot(page, "appeal-packet-ready")

    packet = Packet.objects.get()
    assert packet.status == Packet.Status.READY and packet.pages and packet.pages >= 5
