from __future__ import annotations

from dataclasses import replace

import pytest

from reinstate.rules.appeal.next_step import CaseProgress, journey

READ = CaseProgress(meaning_seen=True, deadline_seen=True)
FRESH = replace(READ, missing_documents=2)
WRITTEN = replace(
    READ,
    explanation_written=True,
    plan_written=True,
    record_written=True,
    letter_written=True,
    to_fix=frozenset({"letter"}),
)


def next_of(progress: CaseProgress) -> tuple[int, str]:
    found = journey(progress).next
    assert found is not None
    return found.number, found.page


def test_it_asks_when_the_notice_arrived_first_when_nobody_said() -> None:
    assert next_of(replace(FRESH, received_assumed=True)) == (2, "cases:received")


def test_it_leads_through_what_the_notice_means_and_the_deadline_until_read() -> None:
    assert next_of(CaseProgress()) == (3, "cases:meaning")
    assert next_of(CaseProgress(meaning_seen=True)) == (4, "cases:deadline")
    assert next_of(READ)[0] == 6


def test_it_asks_for_the_missing_evidence_with_how_many() -> None:
    found = journey(FRESH).next
    assert found is not None
    assert (found.number, found.total, found.page) == (5, 11, "evidence:locker")
    assert found.why.startswith("2 required documents still missing.")
    assert found.title == "Gather the evidence the reason needs"


def test_it_says_one_document_in_the_singular() -> None:
    found = journey(replace(FRESH, missing_documents=1)).next
    assert found is not None and found.why.startswith("1 required document still missing.")


def test_it_asks_what_happened_once_the_evidence_is_in() -> None:
    assert next_of(READ) == (6, "appeals:step_happened")


def test_what_happened_is_not_done_while_the_check_finds_a_fact_without_its_exhibit() -> None:
    written = replace(READ, explanation_written=True)
    assert next_of(replace(written, to_fix=frozenset({"exhibits"}))) == (
        6,
        "appeals:step_happened",
    )
    assert next_of(written)[0] == 7


def test_it_asks_for_the_plan_when_the_driver_acknowledges() -> None:
    for stance, page in (("acknowledge", "appeals:step_accept"), ("both", "appeals:step_wrong")):
        progress = replace(READ, stance=stance, explanation_written=True)
        assert next_of(progress) == (7, page)


def test_the_plan_is_not_done_while_the_check_finds_something_in_it() -> None:
    planned = replace(READ, explanation_written=True, plan_written=True)
    for check in ("monitoring", "policy", "actions", "commitment"):
        assert next_of(replace(planned, to_fix=frozenset({check})))[0] == 7
    assert next_of(replace(planned, to_fix=frozenset({"letter", "documents"})))[0] == 8


def test_it_needs_no_plan_for_a_dispute() -> None:
    progress = replace(READ, stance="dispute", explanation_written=True)
    found = journey(progress)
    assert found.steps[6].title == "Say why the decision is wrong"
    assert found.steps[6].done
    assert next_of(progress)[0] == 8
    unnamed = journey(replace(progress, to_fix=frozenset({"policy"})))
    assert unnamed.next is not None and unnamed.next.number == 7
    assert unnamed.next.button == "Say why it is wrong"
    assert "records" in unnamed.next.why


def test_it_asks_for_the_record_then_the_letter() -> None:
    plan_done = replace(READ, explanation_written=True, plan_written=True)
    assert next_of(plan_done)[0] == 8
    assert next_of(replace(plan_done, record_written=True))[0] == 9


def test_it_asks_to_check_and_approve_the_letter() -> None:
    assert next_of(WRITTEN)[0] == 10
    not_ready = replace(WRITTEN, letter_approved=True, to_fix=frozenset({"deadline"}))
    approved_not_ready = journey(not_ready).next
    assert approved_not_ready is not None and approved_not_ready.number == 10
    assert "something to fix" in approved_not_ready.why


def test_it_points_at_sending_once_the_letter_is_approved_and_ready() -> None:
    checked = replace(WRITTEN, letter_approved=True, to_fix=frozenset())
    found = journey(checked).next
    assert found is not None and (found.number, found.button) == (11, "Build the packet")
    built = journey(replace(checked, packet_built=True)).next
    assert built is not None and (built.number, built.button) == (11, "Get your packet")
    assert journey(checked).done_count == 10


def test_a_passed_deadline_says_so_and_still_points_at_sending() -> None:
    found = journey(replace(FRESH, deadline_passed=True))
    assert found.deadline_passed
    assert found.next is not None
    assert found.next.number == 11
    assert "deadline has passed" in found.next.why
    assert not found.steps[4].done  # what is left still shows


def test_a_closed_case_has_no_next_step_but_how_it_ended() -> None:
    found = journey(replace(FRESH, closed=True, outcome="Reinstated on 3 December 2026"))
    assert found.next is None
    assert found.ended == "Reinstated on 3 December 2026"
    assert journey(CaseProgress(closed=True)).ended == "The case is closed."


def test_it_refuses_an_unknown_stance() -> None:
    with pytest.raises(ValueError, match="stance"):
        journey(CaseProgress(stance="maybe"))


def test_once_sent_every_step_is_done_and_the_driver_waits_for_the_decision() -> None:
    sent = replace(WRITTEN, letter_approved=True, to_fix=frozenset(), sent=True)
    found = journey(sent)
    assert found.done_count == 11
    assert found.next is not None and found.next.title == "Wait for the decision"
