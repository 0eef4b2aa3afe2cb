"""The case page's "Next" card: gathers plain facts about a case from every app and asks the
pure rule (rules/appeal/next_step.py) for the one next thing to do."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from django.urls import reverse

from reinstate.appeals.after_sending import AfterSending, after_sending
from reinstate.appeals.facts import appeal_facts
from reinstate.appeals.models import Packet
from reinstate.appeals.queries import appeal_of, appeal_sent
from reinstate.cases.models import Case
from reinstate.cases.presenters import outcome_text
from reinstate.rules.appeal.next_step import CaseProgress, Journey, NextStep, Step, journey
from reinstate.rules.appeal.readiness import ERROR, Readiness, check_readiness
from reinstate.rules.appeal.shape import AppealFacts
from reinstate.rules.appeal.stage import Stage, stage_of


def case_progress(case: Case, *, now: datetime) -> CaseProgress:
    return progress_and_readiness(case, now=now)[0]


def progress_and_readiness(case: Case, *, now: datetime) -> tuple[CaseProgress, Readiness]:
    """The plain facts the rules read, and the readiness check they came from: the docket shows
    both, and reading the appeal once serves the two."""
    facts = appeal_facts(case, appeal_of(case))
    packet_built = case.packets.filter(status=Packet.Status.READY, draft=False).exists()
    return progress_from(
        case, facts, after_sending(case, now=now), packet_built, appeal_sent(case), now=now
    )


def progress_from(
    case: Case,
    facts: AppealFacts,
    sent: AfterSending,
    packet_built: bool,
    sent_any: bool,
    *,
    now: datetime,
) -> tuple[CaseProgress, Readiness]:
    """From what was read already: progress_and_readiness reads one case, the docket
    (compose/docket_progress.py) a page of cases at once."""
    readiness = check_readiness(facts, now=now)
    sections = facts.appeal
    record = sections.record
    waiting = sent.waiting
    progress = CaseProgress(
        closed=case.status == Case.Status.CLOSED,
        outcome=outcome_text(case),
        received_assumed=case.received_source == Case.ReceivedSource.ASSUMED_NOW,
        meaning_seen="meaning" in case.steps_seen,
        deadline_seen="deadline" in case.steps_seen,
        deadline_passed=case.deadline is not None and case.deadline < now,
        missing_documents=len(facts.missing_documents),
        stance=sections.explanation.stance,
        explanation_written=bool(sections.explanation.what_happened.strip()),
        plan_written=bool(sections.plan.actions),
        record_written=any(str(getattr(record, f.name)).strip() for f in fields(record)),
        letter_written=facts.newest_version is not None,
        letter_approved=facts.approved_version is not None,
        to_fix=frozenset(f.check for f in readiness.findings if f.severity == ERROR),
        packet_built=packet_built,
        sent=sent_any,
        decision_expected_by=waiting.decision_expected_by if waiting else None,
        review_label=waiting.label if waiting else "",
        follow_up_on=waiting.follow_up_on if waiting else None,
        decided=sent.decided,
    )
    return progress, readiness


def case_stage(case: Case, *, now: datetime) -> Stage:
    """reading, gathering, writing, ready, sent, decided, escalated or closed."""
    return stage_of(case_progress(case, now=now))


@dataclass(frozen=True)
class StepRow:
    number: int
    title: str
    done: bool
    url: str


@dataclass(frozen=True)
class NextCard:
    """What the top of the case page shows: the next step and the steps done and left."""

    next: NextStep | None
    url: str  # where the button goes; "" when the case is closed
    steps: tuple[StepRow, ...]
    total: int
    done_count: int
    ended: str
    deadline_passed: bool


def next_card(
    case: Case, *, now: datetime, progress: CaseProgress | None = None, driver: str | None = None
) -> NextCard:
    """`progress`: the case's, when the caller has read it already. `driver`: the driver's first
    name when someone else (an advocate) reads, so the card speaks of them ("Maria's deadline");
    None when the driver reads ("Your deadline")."""
    found: Journey = journey(progress or case_progress(case, now=now), driver=driver)
    nxt = found.next
    return NextCard(
        next=nxt,
        url=_url(case, nxt.page, nxt.anchor) if nxt else "",
        steps=tuple(_row(case, step) for step in found.steps),
        total=found.total,
        done_count=found.done_count,
        ended=found.ended,
        deadline_passed=found.deadline_passed,
    )


def _row(case: Case, step: Step) -> StepRow:
    return StepRow(step.number, step.title, step.done, _url(case, step.page, step.anchor))


def _url(case: Case, page: str, anchor: str) -> str:
    url = reverse(page, kwargs={"case_id": case.pk})
    return f"{url}#{anchor}" if anchor else url
