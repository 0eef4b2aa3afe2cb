from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from reinstate.rules.appeal.readiness import READY_SCORE, WEIGHTS, check_readiness
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

LETTER = "Dear Amazon Flex team, I am writing to appeal the deactivation of my account."
STRONG = AppealFacts(
    appeal=STRONG_APPEAL,
    driver_name="Dana Reyes",
    legal_name="Dana Reyes",
    platform_name="Amazon Flex",
    platform_account="dana@example.com",
    reason="performance_metrics",
    explained_reason="performance_metrics",
    notice_date=date(2026, 11, 3),
    deadline=NOW + timedelta(days=10),
    newest_letter=LETTER,
    newest_version=1,
    approved_letter=LETTER,
    approved_version=1,
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
        newest_version=1,
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
        "no_approved_letter",
        "no_legal_name",
    }
    assert readiness.score == 0 and not readiness.ready
    assert sum(f.points for f in readiness.findings) == 100
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


def with_explanation(facts: AppealFacts, **changes: Any) -> AppealFacts:
    explanation = replace(facts.appeal.explanation, **changes)
    return replace(facts, appeal=replace(facts.appeal, explanation=explanation))


def test_each_stance_weighs_100_points() -> None:
    assert {stance: sum(weights.values()) for stance, weights in WEIGHTS.items()} == {
        "dispute": 100,
        "acknowledge": 100,
        "both": 100,
    }


def test_it_is_not_ready_until_a_letter_is_approved() -> None:
    no_letter = replace(
        STRONG, newest_letter="", newest_version=None, approved_letter="", approved_version=None
    )
    readiness = check_readiness(no_letter, now=NOW)
    (finding,) = readiness.findings
    assert finding.code == "no_approved_letter" and finding.severity == "error"
    assert "no letter" in finding.message and finding.points == 100 - readiness.score > 0
    assert not readiness.ready
    drafted = replace(STRONG, approved_letter="", approved_version=None)
    (finding,) = check_readiness(drafted, now=NOW).findings
    assert finding.code == "no_approved_letter" and "Version 1" in finding.message
    newer = replace(STRONG, newest_letter="Dear team, edited.", newest_version=2)
    readiness = check_readiness(newer, now=NOW)
    assert [f.code for f in readiness.findings] == ["letter_newer_than_approved"]
    assert readiness.ready and "version 1" in readiness.findings[0].message


def test_a_threatening_letter_is_not_ready_and_says_why() -> None:
    letter = f"{LETTER} If you do not reinstate me, I will sue you."
    threat = replace(STRONG, newest_letter=letter, approved_letter=letter)
    readiness = check_readiness(threat, now=NOW)
    (finding,) = readiness.findings
    assert finding.code == "tone_threat" and "I will sue" in finding.message
    assert not readiness.ready and readiness.score == READY_SCORE - 1
    assert finding.points == 100 - readiness.score  # the cap's cost is the threat's
    assert f"below {READY_SCORE}" in finding.message


def test_shouting_or_an_insult_caps_the_score_too_even_in_the_drivers_own_words() -> None:
    draft_only = replace(
        STRONG, newest_letter="", newest_version=None, approved_letter="", approved_version=None
    )
    shouting = with_explanation(draft_only, context="THEY NEVER LISTEN TO DRIVERS.")
    readiness = check_readiness(shouting, now=NOW)
    assert {f.code for f in readiness.findings} == {"no_approved_letter", "tone_shouting"}
    assert readiness.score < READY_SCORE
    assert sum(f.points for f in readiness.findings) == 100 - readiness.score
    insult = f"{LETTER} Your support is useless."
    insulting = replace(STRONG, newest_letter=insult, approved_letter=insult)
    assert check_readiness(insulting, now=NOW).score == READY_SCORE - 1


def test_each_finding_carries_the_points_it_costs() -> None:
    weak = with_plan(
        with_explanation(STRONG, statements=(Statement("a", ()), Statement("b", ()))),
        commitment_policies=(),
    )
    readiness = check_readiness(weak, now=NOW)
    points = {f.code: 0 for f in readiness.findings}
    for f in readiness.findings:
        points[f.code] += f.points
    weights = WEIGHTS["acknowledge"]
    assert points == {
        "claim_without_exhibit": weights["exhibits"],  # shared by the two claims
        "commitment_unnamed": weights["commitment"],
    }
    assert readiness.score == 100 - weights["exhibits"] - weights["commitment"]


def test_a_dispute_needs_no_acknowledgement_nor_plan() -> None:
    dispute = with_explanation(
        replace(STRONG, appeal=replace(STRONG_APPEAL, plan=Plan())),
        stance="dispute",
        acknowledgement="",
        records_requested="The GPS trace of my block on 3 November.",
    )
    readiness = check_readiness(dispute, now=NOW)
    assert readiness.ready and readiness.score == 100
    (suggestion,) = readiness.findings
    assert suggestion.code == "plan_optional" and suggestion.severity == "suggestion"
    assert suggestion.points == 0
    # Without the records asked for, it would be stronger; it is still ready.
    no_records = with_explanation(dispute, records_requested="")
    readiness = check_readiness(no_records, now=NOW)
    assert readiness.ready and readiness.score == 100 - WEIGHTS["dispute"]["records"]
    assert "no_records_requested" in {f.code for f in readiness.findings}


def test_a_dispute_with_a_plan_is_only_given_suggestions_on_it() -> None:
    dispute = with_explanation(
        with_plan(STRONG, root_causes=(), actions=(PlanAction("Do better", "", None),)),
        stance="dispute",
        acknowledgement="",
        records_requested="The customer's report.",
    )
    readiness = check_readiness(dispute, now=NOW)
    assert readiness.ready and readiness.score == 100
    assert {f.severity for f in readiness.findings} == {"suggestion"}
    assert "no_root_cause" not in {f.code for f in readiness.findings}


def test_an_acknowledgement_or_both_still_need_what_is_accepted_and_a_plan() -> None:
    for stance in ("acknowledge", "both"):
        facts = with_plan(
            with_explanation(STRONG, stance=stance, acknowledgement="", records_requested="x"),
            actions=(),
        )
        readiness = check_readiness(facts, now=NOW)
        codes = {f.code for f in readiness.findings}
        assert {"no_acknowledgement", "no_actions"} <= codes and not readiness.ready
        (ack,) = [f for f in readiness.findings if f.code == "no_acknowledgement"]
        assert "The decision is wrong" in ack.fix  # never forced to admit
    both = with_explanation(STRONG, stance="both")
    assert [f.code for f in check_readiness(both, now=NOW).findings] == ["no_records_requested"]


def test_it_says_when_the_platform_cannot_tell_who_is_appealing() -> None:
    anonymous = replace(STRONG, driver_name="dana", legal_name="", platform_account="")
    readiness = check_readiness(anonymous, now=NOW)
    by_code = {f.code: f for f in readiness.findings}
    assert set(by_code) == {"no_legal_name", "no_platform_account"}
    assert readiness.ready and all(f.severity == "warning" for f in by_code.values())
    assert by_code["no_legal_name"].fix == "Add your legal name in your profile."
    assert "Amazon Flex account" in by_code["no_platform_account"].fix
    unknown_platform = replace(anonymous, platform_name="")
    assert [f.code for f in check_readiness(unknown_platform, now=NOW).findings] == [
        "no_legal_name"
    ]
