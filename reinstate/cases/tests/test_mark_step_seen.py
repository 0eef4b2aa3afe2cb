"""Reading a step of the guided path is recorded once, in the audit log too."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain
from reinstate.cases.actions import do_mark_step_seen
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db


def seen_events(case: Case) -> list[dict[str, object]]:
    events = AuditEvent.objects.filter(kind="case.step_seen", case_id_ref=case.pk)
    return [e.data for e in events.order_by("seq")]


def test_it_records_a_step_once_with_its_event(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    assert case.steps_seen == []
    do_mark_step_seen(case=case, step="meaning", actor=driver)
    do_mark_step_seen(case=case, step="meaning", actor=driver)  # a second tap: nothing new
    do_mark_step_seen(case=case, step="deadline", actor=driver)
    case.refresh_from_db()
    assert case.steps_seen == ["meaning", "deadline"]
    assert seen_events(case) == [{"step": "meaning"}, {"step": "deadline"}]
    assert {e.actor for e in AuditEvent.objects.filter(kind="case.step_seen")} == {driver}
    assert verify_chain() == []


def test_it_sees_a_step_recorded_through_another_copy_of_the_case(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    stale = Case.objects.get(pk=case.pk)  # loaded before the step was recorded
    do_mark_step_seen(case=case, step="meaning", actor=driver)
    do_mark_step_seen(case=stale, step="meaning", actor=driver)
    assert stale.steps_seen == ["meaning"]
    assert len(seen_events(case)) == 1


def test_it_refuses_an_unknown_step(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE)
    with pytest.raises(ValueError, match="Unknown step 'evidence'"):
        do_mark_step_seen(case=case, step="evidence", actor=driver)
    case.refresh_from_db()
    assert case.steps_seen == [] and seen_events(case) == []
