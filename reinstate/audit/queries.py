"""Reading and checking the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from reinstate.audit.actions import event_digest
from reinstate.audit.models import AuditEvent


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    problem: str


def events_for_case(case_id: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(case_id_ref=case_id).order_by("seq"))


def case_history(case_id: int) -> QuerySet[AuditEvent]:
    """The case's events, newest first, with who did each. The caller checks who may read it
    (compose/history.py goes through the case's own access check)."""
    return AuditEvent.objects.filter(case_id_ref=case_id).select_related("actor").order_by("-seq")


def verify_chain() -> list[ChainProblem]:
    """Walk the whole chain; name every event whose hash or link does not match."""
    problems: list[ChainProblem] = []
    prev_hash = "0" * 64
    expected_seq = 1
    for event in AuditEvent.objects.order_by("seq").iterator():
        if event.seq != expected_seq:
            problems.append(ChainProblem(event.seq, f"event {expected_seq} is missing"))
        if event.prev_hash != prev_hash:
            problems.append(ChainProblem(event.seq, "does not follow the event before it"))
        digest = event_digest(
            seq=event.seq,
            at=event.at,
            actor_name=event.actor_name,
            kind=event.kind,
            case_id=event.case_id_ref,
            data=event.data,
            prev_hash=event.prev_hash,
        )
        if digest != event.hash:
            problems.append(ChainProblem(event.seq, "its content was changed after it was written"))
        prev_hash = event.hash
        expected_seq = event.seq + 1
    return problems
