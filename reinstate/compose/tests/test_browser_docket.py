"""An advocate on a phone opens the docket from My cases, narrows it to this week and sorts
it: one card per case, nothing scrolls sideways, every link and control easy to tap."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import Membership, Organisation
from reinstate.compose.docket_demo import fill_demo
from reinstate.testing.browser import (
    fits_the_screen,
    phone_page,
    screenshot,
    sign_in,
    small_targets,
)
from reinstate.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_advocate_works_the_docket_on_a_phone(chromium: Browser, live_server: object) -> None:
    base = str(live_server)
    org = Organisation.objects.create(name="Demo Eastside Drivers Union")
    Membership.objects.create(organisation=org, user=make_user("ada"))
    fill_demo(org, count=12, seed=4, now=timezone.now())

    with phone_page(chromium) as page:
        sign_in(page, base, "ada")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="My cases").click()
        page.get_by_role("link", name="Demo Eastside Drivers Union docket (12)").click()
        expect(
            page.get_by_role("heading", name="Demo Eastside Drivers Union: docket")
        ).to_be_visible()
        expect(page.locator("table.docket tbody tr")).to_have_count(12)
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "docket-phone")
        page.get_by_role("navigation", name="Sort by").get_by_role("link", name="Driver").click()
        names = page.locator("table.docket tbody th a").all_inner_texts()
        assert names == sorted(names, key=str.lower)
        page.get_by_role("link", name="Due this week").click()
        assert fits_the_screen(page)
        expect(page.get_by_role("link", name="Show all")).to_be_visible()
