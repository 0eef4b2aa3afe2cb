"""Writes to cases. Each runs in one transaction and appends an audit event."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.accounts.models import Organisation, User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import (
    CORRECTED_WORDS,
    NOTICE_DOCUMENT,
    READING_STEPS,
    Case,
    ChecklistItem,
    Correction,
)
from reinstate.lib.dates import when
from reinstate.lib.iso import iso
from reinstate.lib.notice_file import NoticeInput
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.deadlines.decision import DeadlineDecision, decide_deadline
from reinstate.rules.notice.as_json import reading_json
from reinstate.rules.notice.intake import (
    IntakeError,
    check_platform,
    check_received,
    check_received_change,
    read_and_decide,
)
from reinstate.rules.notice.reading import (
    KINDS,
    REASONS,
    NoticeReading,
    Phrase,
    References,
    StatedDeadline,
)

# The one error a person can fix, raised by the intake rules and by these actions alike.
CaseInputError = IntakeError


def do_open_case(
    *,
    owner: User,
    notice: NoticeInput,
    received: datetime | None,
    tz: ZoneInfo,
    platform_hint: str | None = None,
    now: datetime | None = None,
    opened_for: Organisation | None = None,
    actor: User | None = None,
) -> Case:
    """Read a notice and open a case for it, with its deadline and checklist.

    ``received``: when the driver said it arrived; without it, the email's Date header, and
    only without that, now (and the case says it was assumed). ``opened_for``: an advocate
    (``actor``) of this organisation opens it for the driver, shared with it from the start
    (cases/claim_actions.py).
    """
    now = now or timezone.now()
    if received is not None:
        source = Case.ReceivedSource.GIVEN
    elif notice.received is not None:
        received, source = notice.received, Case.ReceivedSource.EMAIL_HEADER
    else:
        received, source = now, Case.ReceivedSource.ASSUMED_NOW
    check_received(received, now=now)
    check_platform(platform_hint)
    with translation.override("en"):  # the case keeps the reading's words in English
        reading, decision = read_and_decide(
            notice.text,
            received=received,
            tz=tz,
            state=owner.state or None,
            city=owner.city or None,
            platform_hint=platform_hint,
        )
    with transaction.atomic():
        case = Case(
            owner=owner,
            notice_text=notice.text,
            notice_filename=notice.filename,
            notice_subject=notice.subject[:300],
            notice_sender=notice.sender[:300],
            received_at=received,
            received_source=source,
            time_zone=tz.key,
            reading=reading_json(reading, decision),
            platform=reading.platform,
            kind=reading.kind,
            reason=reading.reason,
            stated_deadline=reading.stated_deadline.at if reading.stated_deadline else None,
            stated_deadline_words=(
                reading.stated_deadline.text[:300] if reading.stated_deadline else ""
            ),
            plan_anchor=now,
            organisation=opened_for,
        )
        _apply_decision(case, decision)
        case.save()
        _sync_checklist(case)
        for_driver = {"organisation": opened_for.pk, "name": opened_for.name} if opened_for else {}
        record_event(
            kind=EventKind.CASE_OPENED_FOR_DRIVER if opened_for else EventKind.CASE_OPENED,
            actor=actor or owner,
            case_id=case.pk,
            data={
                **for_driver,
                "platform": case.platform,
                "kind": case.kind,
                "reason": case.reason,
                "deadline": iso(case.deadline),
                "deadline_source": case.deadline_source,
                "received": iso(case.received_at),
                "received_source": case.received_source,
            },
        )
    return case


# What changing the received time rewrites: the time, the reading from it, the deadline, the plan.
RECEIVED_FIELDS = [
    "received_at",
    "received_source",
    "reading",
    "stated_deadline",
    "stated_deadline_words",
    "deadline",
    "deadline_source",
    "deadline_rule",
    "deadline_confidence",
    "deadline_source_url",
    "deadline_is_default",
    "ask_support_to_confirm",
    "law_notes",
    "plan_anchor",
    "updated_at",
]


def do_set_received(
    *, case: Case, actor: User, received: datetime, now: datetime | None = None
) -> Case:
    """Change when the notice arrived: the deadline and the plan are worked out again from it.

    The notice is read again from the new time, since its own words ("within 10 days") count
    from it; a stated deadline the driver corrected stays as they set it.
    """
    now = now or timezone.now()
    check_received_change(received, opened=case.created_at, now=now)
    if case.reinstated_on is not None and received.astimezone(case.tz).date() > case.reinstated_on:
        raise CaseInputError(
            _("That is after the day you were reinstated. Enter when the notice arrived.")
        )
    old_received, old_source, old_deadline = case.received_at, case.received_source, case.deadline
    if old_received == received and old_source == Case.ReceivedSource.GIVEN:
        return case
    tz = ZoneInfo(case.time_zone)
    with translation.override("en"):  # the case keeps the reading's words in English
        reading, decision = read_and_decide(
            case.notice_text,
            received=received.astimezone(tz),
            tz=tz,
            state=case.owner.state or None,
            city=case.owner.city or None,
            platform_hint=case.reading.get("platform"),
        )
    with transaction.atomic():
        case.received_at = received
        case.received_source = Case.ReceivedSource.GIVEN
        case.reading = reading_json(reading, decision)
        if not case.corrections.filter(field="stated_deadline").exists():
            stated = reading.stated_deadline
            case.stated_deadline = stated.at if stated else None
            case.stated_deadline_words = stated.text[:300] if stated else ""
        _apply_decision(case, _decide_in_english(case))
        case.plan_anchor = now
        case.save(update_fields=RECEIVED_FIELDS)
        Correction.objects.create(
            case=case,
            field="received_at",
            old_value=_text(old_received),
            new_value=_text(received),
            by=actor,
        )
        record_event(
            kind=EventKind.CASE_RECEIVED_CHANGED,
            actor=actor,
            case_id=case.pk,
            data={
                "from": iso(old_received),
                "to": iso(received),
                "source_from": old_source,
                "deadline": {"from": iso(old_deadline), "to": iso(case.deadline)},
            },
        )
    return case


CORRECTABLE = ("platform", "kind", "reason", "stated_deadline")


def do_correct_reading(
    *,
    case: Case,
    actor: User,
    platform: str | None,
    kind: str,
    reason: str | None,
    stated_deadline: datetime | None,
    now: datetime | None = None,
) -> list[Correction]:
    """Keep the driver's correction of the reading, and work out the deadline again from it."""
    now = now or timezone.now()
    check_platform(platform)
    if kind not in KINDS:
        raise CaseInputError(_("Unknown kind of action %(kind)s.") % {"kind": repr(kind)})
    if reason is not None and reason not in REASONS:
        raise CaseInputError(_("Unknown reason %(reason)s.") % {"reason": repr(reason)})
    new_values = {
        "platform": platform,
        "kind": kind,
        "reason": reason,
        "stated_deadline": stated_deadline,
    }
    changes = {
        field: (getattr(case, field), value)
        for field, value in new_values.items()
        if getattr(case, field) != value
    }
    if not changes:
        return []
    with transaction.atomic():
        corrections = [
            Correction.objects.create(
                case=case, field=field, old_value=_text(old), new_value=_text(new), by=actor
            )
            for field, (old, new) in changes.items()
        ]
        for field, (_old, new) in changes.items():
            setattr(case, field, new)
        if "stated_deadline" in changes:
            case.stated_deadline_words = CORRECTED_WORDS if stated_deadline else ""
        _apply_decision(case, _decide_in_english(case))
        case.plan_anchor = now
        case.save()
        _sync_checklist(case)
        record_event(
            kind=EventKind.CASE_CORRECTED,
            actor=actor,
            case_id=case.pk,
            data={f: {"from": _text(o), "to": _text(n)} for f, (o, n) in changes.items()},
        )
    return corrections


def do_set_checklist_item(*, item: ChecklistItem, actor: User, done: bool) -> ChecklistItem:
    if item.done == done:
        return item
    with transaction.atomic():
        item.done = done
        item.save(update_fields=["done"])
        record_event(
            kind=EventKind.CHECKLIST_TICKED if done else EventKind.CHECKLIST_UNTICKED,
            actor=actor,
            case_id=item.case_id,
            data={"item": item.key},
        )
    return item


def do_mark_step_seen(*, case: Case, step: str, actor: User) -> Case:
    """Record that the driver has read a step of the guided path; reading it again changes
    nothing and records nothing."""
    if step not in READING_STEPS:
        raise ValueError(f"Unknown step {step!r}: one of {', '.join(READING_STEPS)}.")
    with transaction.atomic():
        # Locked, so two taps on "Continue" at once cannot both add the step.
        seen = Case.objects.select_for_update().values_list("steps_seen", flat=True).get(pk=case.pk)
        if step in seen:
            case.steps_seen = list(seen)
            return case
        case.steps_seen = [*seen, step]
        # Not updated_at: reading a page changes nothing the driver wrote.
        case.save(update_fields=["steps_seen"])
        record_event(
            kind=EventKind.CASE_STEP_SEEN, actor=actor, case_id=case.pk, data={"step": step}
        )
    return case


def do_set_case_status(*, case: Case, actor: User, status: str) -> Case:
    """Close or reopen a case. Reopening takes back what was said about how it ended."""
    if status not in Case.Status.values:
        raise CaseInputError(_("Unknown status %(status)s.") % {"status": repr(status)})
    if case.status == status:
        return case
    with transaction.atomic():
        old = case.status
        case.status = status
        fields = ["status", "updated_at"]
        if status == Case.Status.OPEN and case.outcome:
            _clear_outcome(case, actor)
            fields += OUTCOME_FIELDS
        case.save(update_fields=fields)
        record_event(
            kind=EventKind.CASE_STATUS,
            actor=actor,
            case_id=case.pk,
            data={"from": old, "to": status},
        )
    return case


OUTCOME_FIELDS = ["outcome", "reinstated_on", "outcome_note"]
ENDINGS = (Case.Outcome.REINSTATED, Case.Outcome.DENIED, Case.Outcome.OTHER)


def do_set_case_outcome(
    *,
    case: Case,
    actor: User,
    outcome: str,
    reinstated_on: date | None = None,
    note: str = "",
    now: datetime | None = None,
) -> Case:
    """Close the case with how it ended; on a closed case, change what was said."""
    now = now or timezone.now()
    if outcome not in ENDINGS:
        raise CaseInputError(
            _("Choose how the case ended: reinstated, appeal denied, or closed without an answer.")
        )
    if outcome == Case.Outcome.REINSTATED:
        _check_reinstated_on(case, reinstated_on, now)
    else:
        reinstated_on = None
    note = note.strip()[:300]
    new = (Case.Status.CLOSED, outcome, reinstated_on, note)
    if (case.status, case.outcome, case.reinstated_on, case.outcome_note) == new:
        return case
    with transaction.atomic():
        if case.status != Case.Status.CLOSED:
            record_event(
                kind=EventKind.CASE_STATUS,
                actor=actor,
                case_id=case.pk,
                data={"from": case.status, "to": Case.Status.CLOSED},
            )
        old = case.outcome
        case.status, case.outcome, case.reinstated_on, case.outcome_note = new
        case.save(update_fields=["status", "updated_at", *OUTCOME_FIELDS])
        record_event(
            kind=EventKind.CASE_OUTCOME,
            actor=actor,
            case_id=case.pk,
            data={
                "from": old,
                "to": outcome,
                "reinstated_on": reinstated_on.isoformat() if reinstated_on else None,
            },
        )
    return case


def _check_reinstated_on(case: Case, day: date | None, now: datetime) -> None:
    if day is None:
        raise CaseInputError(_("Enter the day your account was reinstated."))
    tz = ZoneInfo(case.owner.time_zone or case.time_zone)
    if day > now.astimezone(tz).date():
        raise CaseInputError(
            _(
                "That date is in the future. Enter the day your account was reinstated "
                "(today or earlier)."
            )
        )
    received = case.received_at.astimezone(tz).date()
    if day < received:
        raise CaseInputError(
            _(
                "That date is before the notice arrived (%(day)s). Enter the day your account "
                "was reinstated."
            )
            % {"day": when(received, "date")}
        )


def _clear_outcome(case: Case, actor: User) -> None:
    """Inside the caller's transaction; the caller saves the case."""
    record_event(
        kind=EventKind.CASE_OUTCOME_CLEARED,
        actor=actor,
        case_id=case.pk,
        data={
            "outcome": case.outcome,
            "reinstated_on": case.reinstated_on.isoformat() if case.reinstated_on else None,
        },
    )
    case.outcome, case.reinstated_on, case.outcome_note = "", None, ""


# The label of a stated deadline the case rebuilds: a key, never shown.
STATED_LABEL = "stated date"


def _decide_in_english(case: Case) -> DeadlineDecision:
    """The decision the case keeps: its words in English, whatever the request's language."""
    with translation.override("en"):
        return decide_for_case(case)


def decide_for_case(case: Case) -> DeadlineDecision:
    """The deadline decision for a case's reading as it now stands (corrections included), in
    the active language (the case page words the rule with it)."""
    tz = ZoneInfo(case.time_zone)
    stated = None
    if case.stated_deadline is not None:
        words = case.stated_deadline_words or CORRECTED_WORDS
        if words == CORRECTED_WORDS:
            words = _(CORRECTED_WORDS)
        stated = StatedDeadline(
            at=case.stated_deadline.astimezone(tz),
            text=words,
            rule="stated date",
            phrase=Phrase(text=words, start=0, end=0, label=STATED_LABEL),
        )
    reading = NoticeReading(
        platform=case.platform,
        kind=case.kind,
        reason=case.reason,
        stated_deadline=stated,
        platform_phrases=[],
        kind_phrases=[],
        reason_phrases=[],
        references=_stored_references(case),
    )
    return decide_deadline(
        reading,
        received=case.received_at,
        tz=tz,
        state=case.owner.state or None,
        city=case.owner.city or None,
    )


def _stored_references(case: Case) -> References:
    refs = case.reading.get("references", {})
    return References(
        ticket_numbers=list(refs.get("ticket_numbers", [])),
        emails=list(refs.get("emails", [])),
        urls=list(refs.get("urls", [])),
    )


def _apply_decision(case: Case, decision: DeadlineDecision) -> None:
    case.deadline = decision.deadline
    case.deadline_source = decision.source or ""
    case.deadline_rule = decision.rule
    case.deadline_confidence = decision.confidence or ""
    case.deadline_source_url = decision.source_url or ""
    case.deadline_is_default = decision.is_default
    case.ask_support_to_confirm = decision.ask_support_to_confirm
    # Only which laws apply: their text, source and time limits are read from the catalogue
    # when shown (cases.presenters.law_notes), so a correction reaches open cases.
    case.law_notes = [note.law.key for note in decision.laws]


def _sync_checklist(case: Case) -> None:
    """The checklist for the case's reason; what the driver already ticked stays ticked."""
    reason = load_catalogue().reasons.get(case.reason or "unknown")
    documents = list(reason.documents) if reason else []
    keep = {doc.key for doc in documents}
    # An item the driver ticked, or that evidence satisfies, stays even if the reason changed
    # (evidence withdrawn from the case does not count). `evidence` is the reverse side of
    # EvidenceItem.satisfies: the evidence app builds on cases, not the other way round.
    satisfied = Exists(
        ChecklistItem.evidence.through.objects.filter(
            checklistitem=OuterRef("pk"), evidenceitem__withdrawn_at__isnull=True
        )
    )
    case.checklist.exclude(key__in=keep).filter(done=False).exclude(satisfied).delete()
    existing = {item.key: item for item in case.checklist.all()}
    for position, doc in enumerate(documents):
        # The notice is in the case from the start: its item is collected when it is made.
        item = existing.get(doc.key) or ChecklistItem(
            case=case, key=doc.key, done=doc.key == NOTICE_DOCUMENT
        )
        item.title, item.why, item.required, item.position = (
            doc.title,
            doc.why,
            doc.required,
            position,
        )
        item.save()


def _text(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return "" if value is None else str(value)


__all__ = [
    "CaseInputError",
    "do_correct_reading",
    "do_mark_step_seen",
    "do_open_case",
    "do_set_case_outcome",
    "do_set_case_status",
    "do_set_checklist_item",
    "do_set_received",
]


def do_share_case(*, case: Case, actor: User, invite_code: str) -> Organisation:
    """Let the advocates of the organisation with this code see and help with the case."""
    code = invite_code.strip().upper()
    try:
        if "\x00" in code:  # no code holds one, and PostgreSQL cannot compare it
            raise Organisation.DoesNotExist
        organisation = Organisation.objects.get(invite_code=code)
    except Organisation.DoesNotExist:
        raise CaseInputError(
            _("No organisation has that code. Check it with your advocate and try again.")
        ) from None
    with transaction.atomic():
        case.organisation = organisation
        case.save(update_fields=["organisation", "updated_at"])
        record_event(
            kind=EventKind.CASE_SHARED,
            actor=actor,
            case_id=case.pk,
            data={"organisation": organisation.pk, "name": organisation.name},
        )
    return organisation


def do_unshare_case(*, case: Case, actor: User) -> None:
    if case.organisation_id is None:
        return
    with transaction.atomic():
        old = case.organisation_id
        case.organisation = None
        case.save(update_fields=["organisation", "updated_at"])
        record_event(
            kind=EventKind.CASE_UNSHARED, actor=actor, case_id=case.pk, data={"organisation": old}
        )
