from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from reinstate.rules.appeal.readiness import check_readiness
from reinstate.rules.appeal.shape import (
    AppealFacts,
    AppealSections,
    Explanation,
    Plan,
    PlanAction,
    Record,
    Statement,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

STRONG_APPEAL = AppealSections(
    explanation=Explanation(
        policies=("amazon_flex.terms_of_service",),
        what_happened=(
            "On 3 November 2026 I arrived at the Hawthorne station (DLA7) at 10:17 for a block "
            "that started at 10:00, because the gate on 120th Street was locked and I had to "
            "drive round to the south entrance. I reported it to support at 10:05."
        ),
        acknowledgement=(
            "I accept that I checked in 12 minutes late and that this broke the rule."
        ),
        statements=(Statement("The gate was locked at 10:02.", ("A",)),),
    ),
    plan=Plan(
        root_causes=("Problems at the pickup site",),
        actions=(
            PlanAction(
                "Check in 15 minutes before every block",
                "no late arrival in the next 20 blocks",
                date(2026, 12, 1),
            ),
        ),
        monitoring_metric="on-time arrival",
        monitoring_threshold="100% of blocks",
        monitoring_frequency="every Sunday",
        commitment="I will keep to the terms on arrival times.",
        commitment_policies=("amazon_flex.terms_of_service",),
    ),
    record=Record(driving_since="March 2023"),
)

STRONG = AppealFacts(
    appeal=STRONG_APPEAL,
    driver_name="Dana",
    reason="performance_metrics",
    explained_reason="performance_metrics",
    notice_date=date(2026, 11, 3),
    deadline=NOW + timedelta(days=10),
    newest_letter="Dear Amazon Flex team, I am writing to appeal the deactivation of my account.",
    support_contacts=2,
)


def with_plan(facts: AppealFacts, **changes: Any) -> AppealFacts:
    return replace(facts, appeal=replace(facts.appeal, plan=replace(facts.appeal.plan, **changes)))


def test_it_finds_nothing_wrong_with_a_strong_appeal() -> None:
    readiness = check_readiness(STRONG, now=NOW)
    assert readiness.findings == []
    assert readiness.score == 100 and readiness.ready


def test_it_raises_every_finding_on_a_weak_appeal() -> None:
    weak = AppealFacts(
        appeal=AppealSections(
            explanation=Explanation(
                what_happened="I was late.",
                statements=(Statement("The gate was locked.", ()),),
            ),
            plan=Plan(actions=(PlanAction("Do better", "improve", None),)),
        ),
        driver_name="Dana",
        reason="performance_metrics",
        explained_reason=None,
        notice_date=date(2026, 11, 3),
        deadline=NOW - timedelta(hours=1),
        missing_documents=("The notice you received",),
        newest_letter=(
            "THIS IS TOTALLY UNFAIR!!! You are idiots and I will sue you. It was your fault. Damn."
        ),
        support_contacts=0,
    )
    readiness = check_readiness(weak, now=NOW)
    codes = {f.code for f in readiness.findings}
    assert codes == {
        "reason_not_addressed",
        "deadline_passed",
        "documents_missing",
        "policy_not_named",
        "no_acknowledgement",
        "explanation_vague",
        "claim_without_exhibit",
        "no_root_cause",
        "action_not_specific",
        "action_not_measurable",
        "action_not_dated",
        "no_monitoring",
        "commitment_unnamed",
        "tone_shouting",
        "tone_exclamations",
        "tone_insult",
        "tone_threat",
        "tone_blame",
        "tone_profanity",
        "no_good_standing",
        "no_support_contacts",
    }
    assert readiness.score == 0 and not readiness.ready
    assert all(f.message and f.fix for f in readiness.findings)


def test_the_remaining_findings_each_have_their_case() -> None:
    assert [f.code for f in check_readiness(replace(STRONG, reason=None), now=NOW).findings] == [
        "reason_unknown"
    ]
    close = replace(STRONG, deadline=NOW + timedelta(hours=20))
    (finding,) = check_readiness(close, now=NOW).findings
    assert finding.code == "deadline_close" and check_readiness(close, now=NOW).ready
    no_statements = replace(
        STRONG,
        appeal=replace(
            STRONG_APPEAL, explanation=replace(STRONG_APPEAL.explanation, statements=())
        ),
    )
    assert [f.code for f in check_readiness(no_statements, now=NOW).findings] == ["no_statements"]
    assert [f.code for f in check_readiness(with_plan(STRONG, actions=()), now=NOW).findings] == [
        "no_actions"
    ]


def test_a_quoted_policy_counts_and_no_log_yet_is_not_held_against_the_driver() -> None:
    quoted = replace(
        STRONG_APPEAL.explanation, policies=(), policy_quote="Arrive within 5 minutes."
    )
    facts = replace(
        STRONG, appeal=replace(STRONG_APPEAL, explanation=quoted), support_contacts=None
    )
    assert check_readiness(facts, now=NOW).findings == []


def test_the_score_falls_with_each_gap() -> None:
    no_record = replace(STRONG, appeal=replace(STRONG_APPEAL, record=Record()))
    one_gap = check_readiness(no_record, now=NOW)
    two_gaps = check_readiness(with_plan(no_record, commitment_policies=()), now=NOW)
    assert 100 > one_gap.score > two_gaps.score > 0
