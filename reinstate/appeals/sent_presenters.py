"""What the send page and `reinstate appeal sent` show once the appeal went out: when and how
it was sent, when the decision is expected (with the rule, its source and how sure), the day
to follow up, and the decision once recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.appeals.after_sending import AfterSending
from reinstate.appeals.models import Decision, Sending
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.lib.dates import when
from reinstate.rules.appeal.next_step import CaseProgress
from reinstate.rules.appeal.stage import Stage, stage_of
from reinstate.rules.appeal.waiting import Waiting

CONFIDENCE_WORDS = {
    "official": gettext_lazy("the platform's own word"),
    "reported": gettext_lazy("reported by drivers or the news, not confirmed by the platform"),
    "estimate": gettext_lazy("our estimate: nothing is published"),
}
# The catalogue's word for how sure it is, as the page says it.
CONFIDENCE_NAMES = {
    "official": gettext_lazy("official"),
    "reported": gettext_lazy("reported"),
    "estimate": gettext_lazy("estimate"),
}


@dataclass(frozen=True)
class SentPanel:
    sending: Sending
    sent_text: str  # "Friday 4 December, 1:05 PM", in the case's zone
    channel_text: str
    by: str  # who recorded it: "you" or the advocate's name
    proof: tuple[EvidenceItem, ...]
    waiting: Waiting
    source_url: str  # "" when the source is one of our research notes
    sure: str  # how sure, in plain words
    confidence_text: str  # the catalogue's word for it: "official"
    decision: Decision | None
    expected_text: str
    follow_up_text: str
    decided_text: str


def sent_panel(case: Case, after: AfterSending, *, viewer_id: int) -> SentPanel | None:
    sending, waiting = after.sending, after.waiting
    if sending is None or waiting is None:
        return None
    recorder = sending.recorded_by
    if recorder is None:
        by = _("the command line")
    elif recorder.pk == viewer_id:
        by = _("you")
    else:
        by = recorder.display_name()
    source = waiting.source
    return SentPanel(
        sending=sending,
        sent_text=moment_text(sending.sent_at.astimezone(case.tz)),
        channel_text=sending.get_channel_display(),
        by=by,
        proof=tuple(sending.proof.all()),
        waiting=waiting,
        source_url=source if source.startswith(("https://", "http://")) else "",
        sure=str(CONFIDENCE_WORDS.get(waiting.confidence, waiting.confidence)),
        confidence_text=str(CONFIDENCE_NAMES.get(waiting.confidence, waiting.confidence)),
        decision=after.decision,
        expected_text=day_text(waiting.decision_expected_by),
        follow_up_text=day_text(waiting.follow_up_on),
        decided_text=day_text(after.decision.decided_on) if after.decision else "",
    )


def day_text(day: date) -> str:
    """'Friday 4 December 2026', in the active language."""
    return when(day, "day")


def moment_text(moment: datetime) -> str:
    """'Friday 4 December 2026, 1:05 PM', in the zone the moment carries."""
    return when(moment, "moment")


def stage_after_sending(case: Case, after: AfterSending) -> Stage:
    """The stage as far as sending and deciding tell it (the earlier stages are behind)."""
    progress = CaseProgress(
        closed=case.status == Case.Status.CLOSED,
        sent=after.sending is not None,
        decided=after.decided,
    )
    return stage_of(progress)


def sent_json(case: Case, after: AfterSending) -> dict[str, Any]:
    waiting, sending = after.waiting, after.sending
    return {
        "stage": stage_after_sending(case, after),
        "decision_expected_by": waiting.decision_expected_by.isoformat() if waiting else None,
        "follow_up_on": waiting.follow_up_on.isoformat() if waiting else None,
        "review_time": None
        if waiting is None
        else {
            "rule": waiting.rule,
            "source": waiting.source,
            "confidence": waiting.confidence,
            "note": waiting.note,
        },
        "sending": None if sending is None else sending_json(case, sending),
        "decision": None if after.decision is None else decision_json(after.decision),
    }


def sending_json(case: Case, sending: Sending) -> dict[str, Any]:
    return {
        "id": sending.pk,
        "kind": sending.kind,
        "sent_at": sending.sent_at.astimezone(case.tz).isoformat(),
        "channel": sending.channel,
        "reference": sending.reference,
        "proof": [{"id": item.pk, "exhibit": item.exhibit} for item in sending.proof.all()],
        "letter": sending.letter.number if sending.letter else None,
    }


def decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "outcome": decision.outcome,
        "decided_on": decision.decided_on.isoformat(),
        "message": decision.message,
    }
