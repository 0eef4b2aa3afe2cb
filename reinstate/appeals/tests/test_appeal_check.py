"""The readiness check on stored appeals: what the database holds reaches the pure rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reinstate.appeals.actions import do_approve_letter, do_save_letter, do_set_appeal
from reinstate.appeals.facts import first_draft, readiness_of
from reinstate.appeals.inputs import AppealInput, AppealInputError, parse_appeal
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, Statement
from reinstate.testing.appeal_samples import STRONG, WHAT_HAPPENED, identify

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)  # before the case's deadline


def codes(case: Case) -> set[str]:
    return {f.code for f in readiness_of(case, now=NOW).findings}


def test_a_strong_stored_appeal_has_no_findings(ready_case: Case) -> None:
    readiness = readiness_of(ready_case, now=NOW)
    assert readiness.findings == [] and readiness.score == 100


def test_the_support_log_and_the_newest_letter_count(evidence: Case) -> None:
    do_set_appeal(case=evidence, data=STRONG, actor=evidence.owner)
    assert codes(evidence) == {
        "no_support_contacts",
        "no_approved_letter",
        "no_legal_name",
        "no_platform_account",
    }
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


def test_it_is_not_ready_until_a_letter_is_approved(evidence: Case) -> None:
    identify(evidence.owner)
    do_set_appeal(case=evidence, data=STRONG, actor=evidence.owner)
    letter = do_save_letter(case=evidence, text="Dear team,\n\nPlease review.", actor=None)
    readiness = readiness_of(evidence, now=NOW)
    assert not readiness.ready
    assert [f.code for f in readiness.findings if f.severity == "error"] == ["no_approved_letter"]
    do_approve_letter(letter=letter, actor=None)
    assert readiness_of(evidence, now=NOW).ready


def test_a_dispute_without_acknowledgement_or_plan_is_ready(evidence: Case) -> None:
    """The decision is wrong: the facts, the evidence and the records asked for are enough."""
    identify(evidence.owner)
    dispute = parse_appeal(
        {
            "explanation": {
                "stance": "dispute",
                "policies": ["amazon_flex.terms_of_service"],
                "what_happened": WHAT_HAPPENED,
                "records_requested": "The check-in times the station recorded on 3 November.",
                "statements": [{"text": "The gate was locked at 10:02.", "exhibits": ["A"]}],
            },
            "record": {"driving_since": "March 2023"},
        }
    )
    do_set_appeal(case=evidence, data=dispute, actor=evidence.owner)
    assert evidence.appeal.stance == "dispute"
    letter = do_save_letter(case=evidence, text=first_draft(evidence), actor=None)
    do_approve_letter(letter=letter, actor=None)
    readiness = readiness_of(evidence, now=NOW)
    assert readiness.ready, readiness.findings
    assert {f.code for f in readiness.findings} <= {"plan_optional", "no_support_contacts"}
    assert "I believe this decision is wrong" in letter.text
    # The same appeal, saying it understands what went wrong, needs what it accepts.
    assert dispute.explanation is not None
    acknowledging = AppealInput(explanation=replace(dispute.explanation, stance="acknowledge"))
    do_set_appeal(case=evidence, data=acknowledging, actor=evidence.owner)
    assert {"no_acknowledgement", "no_actions"} <= codes(evidence)
