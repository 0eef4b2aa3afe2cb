"""An advocate on a phone gives a case to a colleague, adds a task and a private note on the
case page (htmx: the section changes in place), then finds the case on the docket, among
notices that look like one batch. Nothing scrolls sideways; every control is easy to tap."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from reinstate.accounts.models import Membership, Organisation
from reinstate.advocacy.models import Assignment, Note, Task
from reinstate.cases.actions import do_open_case
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing.browser import (
    fits_the_screen,
    phone_page,
    screenshot,
    sign_in,
    small_targets,
)
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_advocate_works_a_case_on_a_phone(chromium: Browser, live_server: object) -> None:
    base = str(live_server)
    org = Organisation.objects.create(name="Eastside Drivers Union")
    ada = make_user("ada", legal_name="Ada Okafor")
    Membership.objects.create(organisation=org, user=ada, role=Membership.Role.ADMIN)
    Membership.objects.create(organisation=org, user=make_user("bea", legal_name="Bea Moreno"))
    received = timezone.now() - timedelta(hours=3)
    cases = []
    for name in ("Maria Lopez", "James Chen", "Aisha Patel"):
        driver = make_user(name.split()[0].lower(), legal_name=name)
        case = do_open_case(
            owner=driver, notice=notice_from_text(FLEX_LATE), received=received, tz=ZoneInfo("UTC")
        )
        case.organisation = org
        case.save()
        cases.append(case)

    with phone_page(chromium) as page:
        sign_in(page, base, "ada", then=f"/cases/{cases[0].pk}/")
        work = page.locator("#work")
        expect(
            work.get_by_role("heading", name="Eastside Drivers Union\u2019s work on this case")
        ).to_be_visible()
        work.get_by_label("Who carries this case").select_option(label="Bea Moreno")
        work.get_by_role("button", name="Save").click()
        expect(page.locator("#work")).to_contain_text("Bea Moreno carries this case now.")
        work = page.locator("#work")
        work.get_by_text("Add a task").click()
        work.get_by_label("Task").fill("Ask the station for the scan logs")
        work.get_by_role("button", name="Add task").click()  # no due date: refused, kept
        expect(page.locator("#work")).to_contain_text("Nothing was saved")
        work = page.locator("#work")
        expect(work.get_by_label("Task")).to_have_value("Ask the station for the scan logs")
        due = timezone.localdate() + timedelta(days=2)
        work.get_by_label("Due").fill(due.isoformat())
        work.get_by_role("button", name="Add task").click()
        expect(page.locator("#work")).to_contain_text("Task added.")
        work = page.locator("#work")
        work.get_by_label("Private note").fill("Maria says the station scanner was down that week.")
        work.get_by_role("button", name="Add note").click()
        expect(page.locator("#work")).to_contain_text("Note added.")
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "case-work-phone")

        page.goto(f"{base}/accounts/organisations/{org.pk}/docket/")
        expect(page.get_by_text("3 cases look like one batch: Amazon Flex")).to_be_visible()
        assert fits_the_screen(page)
        assert small_targets(page) == []
        screenshot(page, "docket-work-phone")
        page.get_by_text("3 cases look like one batch: Amazon Flex").click()
        expect(page.locator("table.docket tbody tr")).to_have_count(3)

    assert Assignment.objects.get(case=cases[0]).assignee.username == "bea"
    assert Task.objects.get().due_on == due
    assert Note.objects.count() == 1
