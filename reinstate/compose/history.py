"""A case's history: every event the audit log holds for it, newest first, each saying when,
who, in what role and what, in plain words. The driver sees every action an advocate took on
their case; an advocate sees the driver's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.accounts.models import Membership, User
from reinstate.appeals.models import Consent
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import case_history
from reinstate.cases.models import Case

PAGE_SIZE = 50

# kind (or "kind:value" where a value changes the words) -> what was done. Unknown: GENERIC.
SENTENCES: dict[str, Promise] = {
    "case.opened": gettext_lazy("Opened the case from the notice."),
    "case.corrected": gettext_lazy("Corrected how the notice was read."),
    "case.received_changed": gettext_lazy("Changed when the notice arrived."),
    "case.status:closed": gettext_lazy("Closed the case."),
    "case.status:open": gettext_lazy("Reopened the case."),
    "case.outcome": gettext_lazy("Recorded how the case ended."),
    "case.outcome_cleared": gettext_lazy("Cleared how the case ended."),
    "case.shared": gettext_lazy("Shared the case with an organisation."),
    "case.unshared": gettext_lazy("Stopped sharing the case."),
    "case.step_seen": gettext_lazy("Read a step of the guide."),
    "case.deadline_reminded": gettext_lazy("Sent a deadline reminder by email."),
    "case.opened_for_driver": gettext_lazy(
        "Opened the case for the driver from the notice, shared with the organisation."
    ),
    "case.invite_sent": gettext_lazy("Emailed the driver the link to claim the case."),
    "case.invite_renewed": gettext_lazy("Made a new link to claim the case."),
    "case.invite_revoked": gettext_lazy("Stopped the link to claim the case from working."),
    "case.claimed": gettext_lazy(
        "Claimed the case with its link: it is now in the driver's own account."
    ),
    "checklist.ticked": gettext_lazy("Ticked a document on the checklist."),
    "checklist.unticked": gettext_lazy("Unticked a document on the checklist."),
    "evidence.added": gettext_lazy("Added evidence."),
    "evidence.withdrawn": gettext_lazy("Took evidence out of the case."),
    "evidence.restored": gettext_lazy("Put evidence back in the case."),
    "evidence.described": gettext_lazy("Described evidence."),
    "evidence.relabelled": gettext_lazy("Changed the exhibit labels."),
    "evidence.labels_locked": gettext_lazy("Locked the exhibit labels a packet printed."),
    "evidence.day_set": gettext_lazy("Set the day of the incident."),
    "evidence.deleted": gettext_lazy("Deleted withdrawn evidence for good."),
    "comms.contact_added": gettext_lazy("Added a contact with support to the log."),
    "comms.imported": gettext_lazy("Imported messages into the support log."),
    "comms.import_staged": gettext_lazy("Started importing messages into the support log."),
    "comms.follow_up_sent": gettext_lazy("Sent a reminder to follow up with support."),
    "appeal.set": gettext_lazy("Changed the appeal."),
    "appeal.statement_added": gettext_lazy("Added a fact to the appeal."),
    "appeal.statement_removed": gettext_lazy("Removed a fact from the appeal."),
    "appeal.plan_action_added": gettext_lazy("Added a step to the plan."),
    "appeal.plan_action_removed": gettext_lazy("Removed a step from the plan."),
    "appeal.letter_saved": gettext_lazy("Saved version %(version)s of the letter."),
    "appeal.letter_approved": gettext_lazy("Approved version %(version)s of the letter."),
    "appeal.letter_language": gettext_lazy("Changed the language of the letter."),
    "appeal.packet_requested": gettext_lazy("Asked for a packet."),
    "appeal.packet_built": gettext_lazy("Built the packet."),
    "appeal.packet_failed": gettext_lazy("Tried to build the packet, which failed."),
    "appeal.sent": gettext_lazy("Recorded that the appeal was sent."),
    "appeal.decided": gettext_lazy("Recorded the platform's decision."),
    "appeal.request_sent": gettext_lazy("Recorded that a request was sent."),
    "case.assigned": gettext_lazy("Chose who carries the case for the organisation."),
    "note.added": gettext_lazy("Added a private note."),
    "task.added": gettext_lazy("Added a task."),
    "task.done": gettext_lazy("Ticked a task done."),
    "task.reopened": gettext_lazy("Opened a task again."),
}
# The organisation's private work: only its members see these events, never the driver (not
# even that a note was written). Who carries the case stays in everyone's history.
PRIVATE_KINDS = ("note.added", "task.added", "task.done", "task.reopened")
GENERIC = gettext_lazy("Made a change to the case.")


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    who: str  # "You", a person's name, or "Reinstate" for the app itself
    role: str  # "driver", "advocate of ...", "former advocate"; "" for the app
    what: str
    consent: str  # for an advocate's approval of the letter: how the driver consented


@dataclass(frozen=True)
class HistoryPage:
    case: Case
    rows: list[HistoryRow]
    page: Page[AuditEvent]


def history_page(case: Case, *, reader: User, page: str | None = None) -> HistoryPage:
    members: set[int] = set()
    if case.organisation_id is not None:
        members = set(
            Membership.objects.filter(organisation_id=case.organisation_id).values_list(
                "user_id", flat=True
            )
        )
    events = case_history(case.pk)
    if reader.pk not in members or reader.pk == case.owner_id:
        events = events.exclude(kind__in=PRIVATE_KINDS)
    shown = Paginator(events, PAGE_SIZE).get_page(page)
    rows = [_row(event, case, reader, members) for event in shown]
    return HistoryPage(case=case, rows=rows, page=shown)


def what_was_done(event: AuditEvent) -> str:
    data: dict[str, Any] = event.data if isinstance(event.data, dict) else {}
    sentence = SENTENCES.get(f"{event.kind}:{data.get('to')}") or SENTENCES.get(event.kind)
    if sentence is None:
        return str(GENERIC)
    text = str(sentence)
    if "%(version)s" in text:
        return text % {"version": data.get("version", "?")}
    return text


def _row(event: AuditEvent, case: Case, reader: User, members: set[int]) -> HistoryRow:
    actor = event.actor
    consent = ""
    code = event.data.get("consent") if isinstance(event.data, dict) else None
    if code in Consent.values:
        consent = str(Consent(code).label)
    return HistoryRow(
        at=event.at,
        who=_who(event, reader),
        role=_role(actor, case, members) if actor is not None else "",
        what=what_was_done(event),
        consent=consent,
    )


def _who(event: AuditEvent, reader: User) -> str:
    if event.actor is None:
        # The app itself, or a person whose account has since been deleted.
        return _("Reinstate") if event.actor_name == "system" else event.actor_name
    if event.actor_id == reader.pk:
        return _("You")
    return event.actor.display_name()


def _role(actor: User, case: Case, members: set[int]) -> str:
    if actor.pk == case.owner_id:
        return _("driver")
    if actor.pk in members and case.organisation is not None:
        return _("advocate of %(organisation)s") % {"organisation": case.organisation.name}
    return _("former advocate")
