"""Where a case is in the process, in one word (DESIGN.md, "The stages of a case").

Pure: reads the same plain facts as the next step (next_step.CaseProgress). The stages, in
order: reading (the notice and when it arrived) → gathering (the evidence the reason needs) →
writing → ready (an approved letter that passes the check) → sent → decided → escalated →
closed. A case is at the furthest stage it has reached: a driver who wrote their account before
adding every document is writing, not still gathering.
"""

from __future__ import annotations

from typing import Literal

from reinstate.rules.appeal.next_step import CaseProgress

Stage = Literal[
    "reading", "gathering", "writing", "ready", "sent", "decided", "escalated", "closed"
]
STAGES: tuple[Stage, ...] = (
    "reading",
    "gathering",
    "writing",
    "ready",
    "sent",
    "decided",
    "escalated",
    "closed",
)


def stage_of(progress: CaseProgress) -> Stage:
    if progress.closed:
        return "closed"
    if progress.escalated:
        return "escalated"
    if progress.decided:
        return "decided"
    if progress.sent:
        return "sent"
    if progress.letter_approved and progress.ready:
        return "ready"
    wrote = (
        progress.explanation_written
        or progress.plan_written
        or progress.record_written
        or progress.letter_written
    )
    read = not progress.received_assumed and progress.meaning_seen and progress.deadline_seen
    if wrote or (read and progress.missing_documents == 0):
        return "writing"
    if read:
        return "gathering"
    return "reading"
