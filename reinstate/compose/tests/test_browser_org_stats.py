"""An advocate on a phone opens the organisation's outcomes, reads the charts and tables, and
picks a range: nothing scrolls sideways, every link and control easy to tap, a bad range said
in words."""

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


def test_an_advocate_reads_the_outcomes_on_a_phone(chromium: Browser, live_server: object) -> None:
    base = str(live_server)
    org = Organisation.objects.create(name="Demo Eastside Drivers Union")
    Membership.objects.create(organisation=org, user=make_user("ada"))
    fill_demo(org, count=30, seed=4, now=timezone.now())

    with phone_page(chromium) as page:
        sign_in(page, base, "ada", then=f"/accounts/organisations/{org.pk}/")
        page.get_by_role("link", name="See outcomes").click()
        expect(
            page.get_by_role("heading", name="Demo Eastside Drivers Union: outcomes")
        ).to_be_visible()
        expect(page.get_by_role("img", name="Cases by platform")).to_be_visible()
        expect(page.get_by_role("img", name="Reinstatement rate by reason")).to_be_visible()
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "org-stats-phone")
        page.get_by_label("From", exact=True).fill("2026-12-31")
        page.get_by_label("To", exact=True).fill("2026-01-01")
        page.get_by_role("button", name="Show").click()
        expect(page.get_by_role("alert")).to_contain_text("The first day is after the last day.")
        assert fits_the_screen(page)
