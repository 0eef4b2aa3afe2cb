"""The top of the case page says the one next thing to do, and it moves as the case does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_add_plan_action, do_save_letter, do_set_appeal
from reinstate.appeals.inputs import AppealInput
from reinstate.cases.actions import (
    do_mark_step_seen,
    do_set_case_outcome,
    do_set_checklist_item,
)
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, Plan, PlanAction, Record, Statement
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

# A day ago, so the deadline (ten days from the notice) is still to come whenever this runs.
RECENT = (datetime.now(UTC) - timedelta(days=1)).isoformat()


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
    assert "Step 3 of 11" in card and "Next: Read what the notice means" in card
    do_mark_step_seen(case=case, step="meaning", actor=driver)
    assert "Next: The deadline and plan" in next_card(driver, case)
    do_mark_step_seen(case=case, step="deadline", actor=driver)
    card = next_card(driver, case)
    assert "Step 5 of 11" in card
    assert "Next: Gather the evidence the reason needs" in card
    assert f'href="/cases/{case.pk}/evidence/"' in card

    for item in case.checklist.filter(required=True):
        do_set_checklist_item(item=item, actor=driver, done=True)
    card = next_card(driver, case)
    assert "Step 6 of 11" in card and "Next: Say what happened" in card
    assert f'href="/cases/{case.pk}/appeal/step/happened"' in card

    explanation = Explanation(
        what_happened="The gate was locked, so I arrived at 10:17.",
        acknowledgement="I checked in 17 minutes late.",
        policies=("amazon_flex.terms_of_service",),
        statements=(Statement("The gate was locked at 10:02."),),
    )
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=driver)
    # The fact has no exhibit: what happened is not done until it has one.
    assert "Next: Say what happened" in next_card(driver, case)
    add_file(case, files.jpeg((800, 600)), "gate.jpg", description="The locked gate")
    shown = (Statement("The gate was locked at 10:02.", exhibits=("A",)),)
    do_set_appeal(
        case=case,
        data=AppealInput(explanation=replace(explanation, statements=shown)),
        actor=driver,
    )
    card = next_card(driver, case)
    assert "Next: Say what you are changing" in card
    assert f'href="/cases/{case.pk}/appeal/step/accept"' in card

    plan = Plan(
        root_causes=("A locked gate",),
        monitoring_metric="on-time arrival",
        monitoring_threshold="100% of blocks",
        monitoring_frequency="every Sunday",
        commitment="I will keep to the schedule.",
        commitment_policies=("amazon_flex.terms_of_service",),
    )
    do_set_appeal(case=case, data=AppealInput(plan=plan), actor=driver)
    do_add_plan_action(case=case, action=PlanAction("Check in early"), actor=driver)
    # An action with no target or date is not yet a plan the check accepts.
    assert "Next: Say what you are changing" in next_card(driver, case)
    action = PlanAction(
        "Check in 15 minutes before every block",
        target="no late arrival in 20 blocks",
        starts_on=date(2026, 12, 1),
    )
    do_set_appeal(case=case, data=AppealInput(plan=replace(plan, actions=(action,))), actor=driver)
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
    for step in ("meaning", "deadline"):
        do_mark_step_seen(case=case, step=step, actor=driver)
    for item in case.checklist.filter(required=True):
        do_set_checklist_item(item=item, actor=driver, done=True)
    explanation = Explanation(
        stance="dispute",
        what_happened="I delivered every package.",
        policies=("amazon_flex.terms_of_service",),
        statements=(Statement("The photo shows the parcel at the door.", exhibits=("A",)),),
    )
    add_file(case, files.jpeg((800, 600)), "door.jpg", description="The parcel at the door")
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=driver)
    card = next_card(driver, case)
    assert "Next: Write your record of good standing" in card
    assert "Say why the decision is wrong" in card


def test_it_says_when_the_deadline_has_passed(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-01-05T09:00:00-08:00")
    card = next_card(driver, case)
    assert "Your deadline has passed." in card
    assert "Next: Send your appeal now" in card
    assert f'href="/cases/{case.pk}/appeal/step/send"' in card


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
