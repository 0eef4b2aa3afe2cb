"""Adding and removing one action of the plan, or one fact: each an action with its audit
event, leaving every other as stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from reinstate.accounts.models import User
from reinstate.appeals.actions import (
    do_add_plan_action,
    do_add_statement,
    do_remove_plan_action,
    do_remove_statement,
    do_set_appeal,
)
from reinstate.appeals.facts import appeal_facts
from reinstate.appeals.inputs import AppealInputError
from reinstate.appeals.models import Appeal
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import PlanAction, Statement
from reinstate.testing.appeal_samples import STRONG
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db

EARLY = PlanAction("Leave 20 minutes earlier for every block", "0 late in 20", date(2026, 12, 1))


@pytest.fixture
def strong(evidence: Case) -> Case:
    do_set_appeal(case=evidence, data=STRONG, actor=evidence.owner)
    return evidence


def test_it_adds_an_action_after_the_others_with_its_audit_event(strong: Case) -> None:
    before = appeal_facts(strong).appeal.plan.actions
    row = do_add_plan_action(case=strong, action=EARLY, actor=strong.owner)
    assert appeal_facts(strong).appeal.plan.actions == (*before, EARLY)
    event = AuditEvent.objects.get(kind="appeal.plan_action_added")
    assert (event.case_id_ref, event.data, event.actor_name) == (
        strong.pk,
        {"action": row.pk},
        "dana",
    )


def test_it_removes_only_the_action_named_with_its_audit_event(strong: Case) -> None:
    kept = strong.appeal.actions.get()
    row = do_add_plan_action(case=strong, action=EARLY, actor=strong.owner)
    assert do_remove_plan_action(case=strong, action_id=row.pk, actor=strong.owner) == EARLY
    assert list(strong.appeal.actions.all()) == [kept]
    event = AuditEvent.objects.get(kind="appeal.plan_action_removed")
    assert (event.case_id_ref, event.data) == (strong.pk, {"action": row.pk})
    # Removed already (another tab): nothing else goes, and nothing is recorded.
    assert do_remove_plan_action(case=strong, action_id=row.pk, actor=strong.owner) is None
    assert AuditEvent.objects.filter(kind="appeal.plan_action_removed").count() == 1


def test_it_cannot_remove_another_cases_action(
    strong: Case, other_driver: User, open_case: Callable[..., Case]
) -> None:
    other = open_case(other_driver, FLEX_LATE)
    row = strong.appeal.actions.get()
    assert do_remove_plan_action(case=other, action_id=row.pk, actor=other_driver) is None
    assert strong.appeal.actions.filter(pk=row.pk).exists()
    assert not Appeal.objects.filter(case=other).exists()  # removing starts no appeal


def test_it_adds_and_removes_a_fact_with_its_audit_events(strong: Case) -> None:
    fact = Statement("The invoice is dated 4 November.", ("B",))
    before = appeal_facts(strong).appeal.explanation.statements
    row = do_add_statement(case=strong, statement=fact, actor=strong.owner)
    assert appeal_facts(strong).appeal.explanation.statements[-1] == fact
    added = AuditEvent.objects.get(kind="appeal.statement_added")
    assert added.data == {"statement": row.pk, "exhibits": ["B"]}
    assert do_remove_statement(case=strong, statement_id=row.pk, actor=strong.owner) == fact
    assert AuditEvent.objects.get(kind="appeal.statement_removed").data == {"statement": row.pk}
    assert appeal_facts(strong).appeal.explanation.statements == before


def test_a_fact_with_an_unknown_exhibit_is_refused_and_nothing_written(strong: Case) -> None:
    with pytest.raises(AppealInputError, match="No exhibit Q"):
        do_add_statement(case=strong, statement=Statement("x", ("Q",)), actor=strong.owner)
    assert strong.appeal.statements.count() == 2
    assert not AuditEvent.objects.filter(kind="appeal.statement_added").exists()
