"""The readiness check on stored appeals: what the database holds reaches the pure rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reinstate.appeals.actions import do_save_letter, do_set_appeal
from reinstate.appeals.facts import readiness_of
from reinstate.appeals.inputs import AppealInput, AppealInputError
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, Statement
from reinstate.testing.appeal_samples import STRONG

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)  # before the case's deadline


def codes(case: Case) -> set[str]:
    return {f.code for f in readiness_of(case, now=NOW).findings}


def test_a_strong_stored_appeal_has_no_findings(ready_case: Case) -> None:
    readiness = readiness_of(ready_case, now=NOW)
    assert readiness.findings == [] and readiness.score == 100


def test_the_support_log_and_the_newest_letter_count(evidence: Case) -> None:
    do_set_appeal(case=evidence, data=STRONG, actor=evidence.owner)
    assert codes(evidence) == {"no_support_contacts"}
    do_save_letter(
        case=evidence, text="YOU PEOPLE ARE A JOKE. I will sue you.", actor=evidence.owner
    )
    assert {"tone_shouting", "tone_threat"} <= codes(evidence)


def test_correcting_the_reason_unsettles_the_explanation(ready_case: Case) -> None:
    Case.objects.filter(pk=ready_case.pk).update(reason="delivery_disputes")
    assert "reason_not_addressed" in codes(Case.objects.get(pk=ready_case.pk))


def test_a_statement_with_an_unknown_exhibit_changes_nothing(ready_case: Case) -> None:
    bad = AppealInput(explanation=Explanation(statements=(Statement("x", ("Q",)),)))
    with pytest.raises(AppealInputError, match="No exhibit Q"):
        do_set_appeal(case=ready_case, data=bad, actor=ready_case.owner)
    assert ready_case.appeal.statements.count() == 2
    assert Case.objects.get(pk=ready_case.pk).appeal.what_happened.startswith("On 3 November")


def test_letter_versions_are_kept(evidence: Case) -> None:
    first = do_save_letter(case=evidence, text="One", actor=evidence.owner)
    second = do_save_letter(case=evidence, text="Two", actor=evidence.owner)
    assert (first.number, second.number) == (1, 2)
    assert list(evidence.letters.values_list("text", flat=True)) == ["Two", "One"]
    with pytest.raises(AppealInputError, match="empty"):
        do_save_letter(case=evidence, text="  ", actor=evidence.owner)
