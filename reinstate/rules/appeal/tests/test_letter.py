from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from reinstate.rules.appeal.letter import RECORD_LABELS, draft_letter, monitoring_sentence
from reinstate.rules.appeal.shape import (
    AppealFacts,
    AppealSections,
    Explanation,
    Plan,
    PlanAction,
    Record,
    Statement,
)

POLICY = "amazon_flex.terms_of_service"
FACTS = AppealFacts(
    appeal=AppealSections(
        explanation=Explanation(
            policies=(POLICY,),
            what_happened="On 3 November I arrived at 10:17.",
            acknowledgement="I accept that I was late.",
            statements=(Statement("The gate was locked at 10:02.", ("A", "B")),),
        ),
        plan=Plan(
            root_causes=("Problems at the pickup site",),
            actions=(PlanAction("Check in early", "no late arrival", date(2026, 12, 1)),),
            monitoring_metric="on-time arrival rate",
            monitoring_threshold="100% of blocks",
            monitoring_frequency="every Sunday",
            commitment="I will arrive early.",
            commitment_policies=(POLICY,),
        ),
        record=Record(driving_since="March 2023", positive_feedback="Thanked by customers"),
    ),
    driver_name="Dana Reyes",
    platform_name="Amazon Flex",
    reason="performance_metrics",
    reason_title="Reliability, lateness or ratings",
    notice_date=date(2026, 11, 3),
    exhibit_count=2,
    policy_titles={POLICY: "Amazon Flex Terms of Service"},
)


def test_it_frames_the_drivers_own_words() -> None:
    letter = draft_letter(FACTS)
    assert letter.startswith(
        "Dear Amazon Flex team,\n\nI am writing to appeal the deactivation of my Amazon Flex "
        "account, "
        "notified on 3 November 2026 for reliability, lateness or ratings. "
        "The policy involved is Amazon Flex Terms of Service.\n\nWhat happened\n\n"
        "On 3 November I arrived at 10:17.\n\nI accept that I was late."
    )
    assert "- The gate was locked at 10:02. (Exhibit A, B)" in letter
    assert "The cause was: problems at the pickup site." in letter
    assert "- Check in early; target: no late arrival; from 1 December 2026." in letter
    assert (
        "To make sure this works, I will check my on-time arrival rate every Sunday "
        "and keep it at 100% of blocks." in letter
    )
    assert "I will arrive early. I will keep to Amazon Flex Terms of Service." in letter
    record = "My record\n\n- On the platform since: March 2023\n- Positive feedback: Thanked by"
    assert record in letter
    assert "I enclose 2 exhibits" in letter
    assert letter.endswith("Sincerely,\nDana Reyes")


def test_it_says_what_it_does_not_know_in_general_words() -> None:
    unknown = replace(FACTS, platform_name="", reason_title="", policy_titles={}, exhibit_count=0)
    letter = draft_letter(unknown)
    assert letter.startswith("Dear Support team,")
    assert "for the reason given in the notice." in letter
    assert f"The policy involved is {POLICY}." in letter  # the driver's ref, as chosen
    assert "I enclose" not in letter


def test_the_monitoring_sentence_needs_a_measure() -> None:
    plan = FACTS.appeal.plan
    assert monitoring_sentence(replace(plan, monitoring_threshold="")) == (
        "To make sure this works, I will check my on-time arrival rate every Sunday."
    )
    assert monitoring_sentence(replace(plan, monitoring_metric=" ")) == ""


def test_every_part_of_the_record_has_its_words_in_the_letter() -> None:
    assert list(RECORD_LABELS) == [f.name for f in fields(Record)]


def test_it_names_who_is_appealing_and_the_notices_references() -> None:
    identified = replace(
        FACTS,
        driver_name="Dana María Reyes",
        legal_name="Dana María Reyes",
        platform_account="dana@example.com",
        notice_references=("58213377", "SR-1"),
    )
    letter = draft_letter(identified)
    assert "the deactivation of my Amazon Flex account (dana@example.com), notified" in letter
    assert "The notice's references are 58213377 and SR-1." in letter
    assert letter.endswith(
        "Sincerely,\nDana María Reyes\nAmazon Flex account: dana@example.com\n"
        "Reference: 58213377, SR-1"
    )


def test_a_dispute_says_the_decision_is_wrong_and_admits_nothing() -> None:
    explanation = replace(
        FACTS.appeal.explanation,
        stance="dispute",
        records_requested="the GPS trace of my block on 3 November",
    )
    dispute = replace(FACTS, appeal=replace(FACTS.appeal, explanation=explanation))
    letter = draft_letter(dispute)
    assert "I believe this decision is wrong, and I ask you to review it." in letter
    assert "I accept that I was late." not in letter  # kept, but not said in a dispute
    assert "The cause was" not in letter
    assert (
        "please send me the records it rests on: the GPS trace of my block on 3 November" in letter
    )
    assert "What I will do\n\n- Check in early" in letter  # a plan given anyway is kept
    both = replace(dispute, appeal=replace(dispute.appeal, explanation=replace(
        explanation, stance="both")))  # fmt: skip
    letter = draft_letter(both)
    assert "wrong in part" in letter and "I accept that I was late." in letter
    assert "The cause was: problems at the pickup site." in letter
