"""A driver on a phone pastes a support chat, checks who said what, saves it, lands back on the
support log with it, and finds it on the case's timeline."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHAT = (
    "Amazon Flex Support (10:31 AM): Hi Dana, thanks for contacting us.\n"
    "You (10:32 AM): My account was deactivated and I do not know why.\n"
    "I was on time for every block last week.\n"
    "Amazon Flex Support (10:35 AM): I have opened case #4455667 for you."
)


def test_a_driver_pastes_a_chat_sees_the_turns_and_finds_it_on_the_timeline(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, "dana", then=f"/cases/{case.pk}/")

        page.get_by_role("link", name=re.compile(r"^Support log")).click()
        page.get_by_role("link", name="Paste a chat").click()
        chat_box = page.get_by_label("The chat, as you copied it")
        expect(chat_box).to_be_visible()  # the new page, before it is measured
        assert fits_the_screen(page)

        chat_box.fill(CHAT)
        page.get_by_role("button", name="Show the turns").click()
        expect(page.get_by_role("heading", name="How the chat was read")).to_be_visible()
        turns = page.locator(".turns li")
        expect(turns).to_have_count(3)
        expect(turns.nth(1)).to_contain_text("I was on time for every block last week.")
        expect(turns.nth(1)).to_contain_text("(you)")
        assert fits_the_screen(page)
        screenshot(page, "comms-chat-preview")

        page.get_by_role("button", name="Save the chat").click()
        # Back on the support log, where they came from, with the chat in it.
        expect(page.get_by_role("heading", name="Support log", exact=True)).to_be_visible()
        expect(page.locator(".log li")).to_contain_text("My account was deactivated")
        assert fits_the_screen(page)
        screenshot(page, "comms-log-after-chat")

        page.get_by_role("link", name="Timeline").click()
        expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
        entry = page.locator(".timeline li.kind-contact")
        expect(entry).to_contain_text("In-app chat")
        expect(entry).to_contain_text("My account was deactivated")
        assert fits_the_screen(page)
        screenshot(page, "comms-timeline")

        # Filtering (htmx) leaves only the contacts.
        page.get_by_label("Contacts with support").check()
        expect(page.locator(".timeline li")).to_have_count(1)

    contact = case.contacts.get()
    assert [turn["side"] for turn in contact.turns] == ["platform", "driver", "platform"]
    assert [t.number for t in contact.tickets.all()] == ["4455667"]
