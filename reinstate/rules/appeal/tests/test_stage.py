"""The stage a case is in, in one word, and the next card once sent and once decided."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reinstate.rules.appeal.next_step import OPTIONS_PAGE, CaseProgress, journey
from reinstate.rules.appeal.stage import STAGES, stage_of

READ = CaseProgress(meaning_seen=True, deadline_seen=True, missing_documents=2)
WRITTEN = replace(READ, explanation_written=True, plan_written=True, record_written=True)
APPROVED = replace(WRITTEN, missing_documents=0, letter_written=True, letter_approved=True)
SENT = replace(
    APPROVED,
    sent=True,
    decision_expected_by=date(2026, 11, 26),
    review_label="the time Amazon reportedly says a Flex appeal can take (up to three weeks)",
    follow_up_on=date(2026, 11, 16),
)


def test_it_names_each_stage_in_order() -> None:
    found = [
        stage_of(CaseProgress(received_assumed=True)),
        stage_of(READ),
        stage_of(WRITTEN),
        stage_of(APPROVED),
        stage_of(SENT),
        stage_of(replace(SENT, decided="denied")),
        stage_of(replace(SENT, decided="denied", escalated=True)),
        stage_of(replace(SENT, closed=True)),
    ]
    assert tuple(found) == STAGES


def test_a_case_with_nothing_missing_is_writing_once_read() -> None:
    assert stage_of(replace(READ, missing_documents=0)) == "writing"
    assert stage_of(replace(CaseProgress(), letter_written=True)) == "writing"


def test_an_approved_letter_the_check_still_faults_is_not_ready() -> None:
    assert stage_of(replace(APPROVED, to_fix=frozenset({"exhibits"}))) == "writing"


def test_after_sending_the_next_card_says_when_to_expect_the_decision() -> None:
    found = journey(SENT).next
    assert found is not None
    assert found.title == "Wait for the decision"
    assert "Expect a decision by Thursday 26 November" in found.why
    assert ", going by the time Amazon reportedly says a Flex appeal can take" in found.why
    assert "follow up on Monday 16 November" in found.why
    assert (found.page, found.anchor) == ("appeals:step_send", "sent-h")


def test_a_passed_deadline_does_not_hurry_a_driver_who_sent_it() -> None:
    found = journey(replace(SENT, deadline_passed=True)).next
    assert found is not None and found.title == "Wait for the decision"


def test_after_a_denial_the_next_card_leads_to_the_options() -> None:
    found = journey(replace(SENT, decided="denied")).next
    assert found is not None
    assert found.title == "See what you can do next"
    assert "said no" in found.why and "arbitration" in found.why
    assert found.page == OPTIONS_PAGE
    for outcome in ("partial", "no_answer"):
        after = journey(replace(SENT, decided=outcome)).next
        assert after is not None and after.page == OPTIONS_PAGE, outcome


def test_once_sent_a_passed_deadline_is_not_left_to_fix() -> None:
    late = replace(SENT, deadline_passed=True, to_fix=frozenset({"deadline"}))
    found = journey(late)
    assert all(step.done for step in found.steps)
    assert found.next is not None and found.next.title == "Wait for the decision"
