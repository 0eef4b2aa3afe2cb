"""Steps 3 and 4 of the guided path: what the notice means, then the deadline and the plan.
Each is one page with one "Continue" button, which records the step as read and goes on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Organisation, User
from reinstate.cases.actions import do_correct_reading, do_set_case_outcome
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

NOW = "2026-11-05T12:00:00-08:00"
NO_REASON = "Your Amazon Flex account has been deactivated."


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    """Opened yesterday: its deadline is still ahead, so the "Next" card follows the steps."""
    return open_case(driver, FLEX_LATE, received=(timezone.now() - timedelta(days=1)).isoformat())


def test_the_meaning_page_explains_the_reason_and_what_to_show(driver: User, case: Case) -> None:
    page = client_for(driver).get(reverse("cases:meaning", args=[case.pk])).content.decode()
    assert "Step 3 of 11" in page and "<h1>What the notice means</h1>" in page
    assert "Reliability, lateness or ratings" in page
    assert "The app says your numbers fell short." in page
    assert "What your appeal must show" in page and "Which measure fell short" in page
    # The rules of law that may help are there, folded.
    law = page.index('<h2 id="law-h">Rules of law that may help you</h2>')
    assert page.rfind("<summary>", 0, law) > page.rfind("</summary>", 0, law)  # folded
    # The notice as read, folded, with the way to correct the reading.
    assert '<h2 id="notice-h">Your notice, as read</h2>' in page
    assert '<mark class="g-reason"' in page
    assert reverse("cases:correct", args=[case.pk]) in page
    assert page.count(">Continue</button>") == 1


def test_the_meaning_page_says_so_when_the_notice_gives_no_reason(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, NO_REASON)
    url = reverse("cases:meaning", args=[case.pk])
    page = client_for(driver).get(url).content.decode()
    assert "<strong>Reason not given</strong>" in page and "The reason they gave" not in page
    assert "You can ask, in writing, for the exact reason" in page
    # The driver took the reader's reason away: the page still says what to do.
    do_correct_reading(
        case=case,
        actor=driver,
        platform=case.platform,
        kind=case.kind,
        reason=None,
        stated_deadline=case.stated_deadline,
    )
    page = client_for(driver).get(url).content.decode()
    assert "Your notice gives no clear reason." in page
    assert "Ask support, in writing, for the exact reason" in page


def test_continue_on_the_meaning_page_marks_it_read_and_goes_to_the_deadline(
    driver: User, case: Case
) -> None:
    client = client_for(driver)
    response = client.post(reverse("cases:meaning", args=[case.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:deadline", args=[case.pk])
    case.refresh_from_db()
    assert case.steps_seen == ["meaning"]
    overview = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Next: The deadline and plan" in overview


@time_machine.travel(NOW, tick=False)
def test_the_deadline_page_shows_the_deadline_the_plan_and_the_calendar(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-11-02T16:00:00-08:00")
    page = client_for(driver).get(reverse("cases:deadline", args=[case.pk])).content.decode()
    assert "Step 4 of 11" in page and "<h1>Your deadline and plan</h1>" in page
    assert "Thursday 12 November 2026, 4:00 PM PST" in page
    assert "7 days 4 hours left" in page
    assert "within 10 calendar days" in page  # the rule that gave it
    assert "Your plan" in page and "Send your appeal" in page
    assert reverse("cases:ics", args=[case.pk]) in page
    assert "Counted from when the notice arrived: Mon 2 Nov, 4:00 PM PST" in page
    assert page.count(">Continue</button>") == 1


def test_the_deadline_page_warns_of_a_default_and_drafts_the_question(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(
        driver,
        "We determined that another person has been delivering using your Amazon Flex account. "
        "Your account has been permanently deactivated.",
    )
    page = client_for(driver).get(reverse("cases:deadline", args=[case.pk])).content.decode()
    assert "This is a default, not a date from your notice." in page
    assert case.deadline_source_url and f'href="{case.deadline_source_url}"' in page
    assert "Ask support to confirm your deadline" in page and '<textarea id="ask-text"' in page


def test_continue_on_the_deadline_page_marks_it_read_and_goes_to_the_evidence(
    driver: User, case: Case
) -> None:
    client = client_for(driver)
    client.post(reverse("cases:meaning", args=[case.pk]))
    response = client.post(reverse("cases:deadline", args=[case.pk]))
    assert response["Location"] == reverse("evidence:locker", args=[case.pk])
    case.refresh_from_db()
    assert case.steps_seen == ["meaning", "deadline"]
    overview = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Next: Gather the evidence the reason needs" in overview


def test_a_closed_case_says_the_deadline_no_longer_applies(driver: User, case: Case) -> None:
    do_set_case_outcome(case=case, actor=driver, outcome=Case.Outcome.DENIED)
    page = client_for(driver).get(reverse("cases:deadline", args=[case.pk])).content.decode()
    assert "This case is closed: Appeal denied." in page
    assert "no longer apply" in page
    for gone in ("Your plan", "left", "Continue", "Ask support"):
        assert gone not in page


@pytest.mark.parametrize("name", ["cases:meaning", "cases:deadline"])
def test_an_outsider_gets_404_and_marks_nothing(other_driver: User, case: Case, name: str) -> None:
    client = client_for(other_driver)
    url = reverse(name, args=[case.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert client.get(reverse(name, args=[999999])).status_code == 404
    case.refresh_from_db()
    assert case.steps_seen == []


@pytest.mark.parametrize("name", ["cases:meaning", "cases:deadline"])
def test_an_advocate_of_the_shared_organisation_reads_them_too(
    advocate: User, case: Case, name: str
) -> None:
    url = reverse(name, args=[case.pk])
    assert client_for(advocate).get(url).status_code == 404
    case.organisation = Organisation.objects.get(membership__user=advocate)
    case.save()
    assert client_for(advocate).get(url).status_code == 200
    assert client_for(advocate).post(url).status_code == 302
