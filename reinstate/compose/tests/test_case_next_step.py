"""The top of the case page says the one next thing to do, and it moves as the case does."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_add_plan_action, do_save_letter, do_set_appeal
from reinstate.appeals.inputs import AppealInput
from reinstate.cases.actions import do_set_case_outcome, do_set_checklist_item
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, PlanAction, Record
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

RECENT = "2026-12-03T09:00:00-08:00"


def next_card(user: User, case: Case) -> str:
    response = client_for(user).get(f"/cases/{case.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('class="card next-step"')
    return html[start : html.index("</section>", start)]


def test_it_moves_the_next_step_as_the_case_progresses(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received=RECENT)
    card = next_card(driver, case)
    assert "Step 5 of 11" in card
    assert "Next: Gather the evidence the reason needs" in card
    assert f'href="/cases/{case.pk}/evidence/"' in card

    for item in case.checklist.filter(required=True):
        do_set_checklist_item(item=item, actor=driver, done=True)
    card = next_card(driver, case)
    assert "Step 6 of 11" in card and "Next: Say what happened" in card
    assert f'href="/cases/{case.pk}/appeal/#explanation-h"' in card

    explanation = Explanation(what_happened="The gate was locked, so I arrived at 10:17.")
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=driver)
    assert "Next: Say what you are changing" in next_card(driver, case)

    do_add_plan_action(case=case, action=PlanAction("Check in early"), actor=driver)
    assert "Next: Write your record of good standing" in next_card(driver, case)

    record = Record(driving_since="2021")
    do_set_appeal(case=case, data=AppealInput(record=record), actor=driver)
    assert "Next: Write the letter" in next_card(driver, case)

    do_save_letter(case=case, text="To whom it may concern, ...", actor=driver)
    card = next_card(driver, case)
    assert "Step 10 of 11" in card and "Next: Check and approve the letter" in card
    assert "9 of 11 steps done" in card


def test_a_dispute_skips_the_plan(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE, received=RECENT)
    for item in case.checklist.filter(required=True):
        do_set_checklist_item(item=item, actor=driver, done=True)
    explanation = Explanation(stance="dispute", what_happened="I delivered every package.")
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=driver)
    card = next_card(driver, case)
    assert "Next: Write your record of good standing" in card
    assert "Say why the decision is wrong" in card


def test_it_says_when_the_deadline_has_passed(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-01-05T09:00:00-08:00")
    card = next_card(driver, case)
    assert "Your deadline has passed." in card
    assert "Next: Send your appeal now" in card
    assert f'href="/cases/{case.pk}/appeal/#packet-h"' in card


def test_a_closed_case_says_how_it_ended(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE, received=RECENT)
    do_set_case_outcome(case=case, actor=driver, outcome=Case.Outcome.DENIED)
    card = next_card(driver, case)
    assert "This case is closed" in card
    assert "Next:" not in card
    assert 'class="button"' not in card


def test_an_outsider_still_gets_404(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received=RECENT)
    assert client_for(other_driver).get(f"/cases/{case.pk}/").status_code == 404
