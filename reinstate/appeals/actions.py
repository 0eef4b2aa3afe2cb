"""Writes to appeals. Each runs in one transaction and appends an audit event."""

from __future__ import annotations

from dataclasses import asdict

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.inputs import AppealInput, AppealInputError, Explanation, Plan, Record
from reinstate.appeals.models import Appeal, LetterVersion, Packet, PlanAction, Statement
from reinstate.audit.actions import record_event
from reinstate.cases.models import Case

LETTER_MAX_CHARS = 50_000


def do_set_appeal(*, case: Case, data: AppealInput, actor: User | None) -> Appeal:
    """Replace the sections given; leave the others as they were."""
    with transaction.atomic():
        appeal, _ = Appeal.objects.select_for_update().get_or_create(case=case)
        changed = []
        if data.explanation is not None:
            _set_explanation(appeal, data.explanation)
            appeal.reason = case.reason or ""
            changed.append("explanation")
        if data.plan is not None:
            _set_plan(appeal, data.plan)
            changed.append("plan")
        if data.record is not None:
            _set_record(appeal, data.record)
            changed.append("record")
        appeal.save()
        record_event(kind="appeal.set", actor=actor, case_id=case.pk, data={"sections": changed})
    return appeal


def _set_explanation(appeal: Appeal, explanation: Explanation) -> None:
    items = {item.exhibit: item for item in appeal.case.evidence.all()}
    appeal.policies = list(explanation.policies)
    appeal.policy_quote = explanation.policy_quote
    appeal.what_happened = explanation.what_happened
    appeal.acknowledgement = explanation.acknowledgement
    appeal.context = explanation.context
    appeal.statements.all().delete()
    for position, statement in enumerate(explanation.statements):
        unknown = [label for label in statement.exhibits if label not in items]
        if unknown:
            raise AppealInputError(
                f"No exhibit {', '.join(unknown)} in this case (it has "
                f"{', '.join(items) or 'none yet'})."
            )
        row = Statement.objects.create(appeal=appeal, text=statement.text, position=position)
        row.exhibits.set([items[label] for label in statement.exhibits])


def _set_plan(appeal: Appeal, plan: Plan) -> None:
    appeal.root_causes = list(plan.root_causes)
    appeal.monitoring_metric = plan.monitoring_metric
    appeal.monitoring_threshold = plan.monitoring_threshold
    appeal.monitoring_frequency = plan.monitoring_frequency
    appeal.commitment = plan.commitment
    appeal.commitment_policies = list(plan.commitment_policies)
    appeal.actions.all().delete()
    PlanAction.objects.bulk_create(
        PlanAction(
            appeal=appeal, action=a.action, target=a.target, starts_on=a.starts_on, position=i
        )
        for i, a in enumerate(plan.actions)
    )


def _set_record(appeal: Appeal, record: Record) -> None:
    for key, value in asdict(record).items():
        setattr(appeal, key, value)


def do_save_letter(*, case: Case, text: str, actor: User | None) -> LetterVersion:
    """Keep a new version of the letter; earlier versions stay as they were."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise AppealInputError("The letter is empty.")
    if len(text) > LETTER_MAX_CHARS:
        raise AppealInputError(f"The letter is longer than {LETTER_MAX_CHARS} characters.")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        last = case.letters.aggregate(n=Max("number"))["n"] or 0
        letter = LetterVersion.objects.create(
            case=case, number=last + 1, text=text, created_by=actor
        )
        record_event(
            kind="appeal.letter_saved",
            actor=actor,
            case_id=case.pk,
            data={"version": letter.number, "chars": len(text)},
        )
    return letter


def do_approve_letter(*, letter: LetterVersion, actor: User | None) -> LetterVersion:
    """The driver approves this version: it is the one packets carry."""
    with transaction.atomic():
        letter.status = LetterVersion.Status.APPROVED
        letter.approved_at = timezone.now()
        letter.save(update_fields=["status", "approved_at"])
        record_event(
            kind="appeal.letter_approved",
            actor=actor,
            case_id=letter.case_id,
            data={"version": letter.number},
        )
    return letter


def do_request_packet(*, case: Case, fmt: str, draft: bool, actor: User | None) -> Packet:
    with transaction.atomic():
        packet = Packet.objects.create(
            case=case, format=fmt, draft=draft, requested_by=actor, progress="Waiting to start"
        )
        record_event(
            kind="appeal.packet_requested",
            actor=actor,
            case_id=case.pk,
            data={"packet": packet.pk, "format": fmt, "draft": draft},
        )
    return packet


def do_finish_packet(*, packet: Packet, actor: User | None) -> Packet:
    with transaction.atomic():
        packet.status = Packet.Status.READY
        packet.finished_at = timezone.now()
        packet.progress = "Done"
        packet.save()
        record_event(
            kind="appeal.packet_built",
            actor=actor,
            case_id=packet.case_id,
            data={
                "packet": packet.pk,
                "format": packet.format,
                "draft": packet.draft,
                "sha256": packet.sha256,
                "letter": packet.letter.number if packet.letter else None,
            },
        )
    return packet


def do_fail_packet(*, packet: Packet, error: str) -> None:
    Packet.objects.filter(pk=packet.pk).update(
        status=Packet.Status.FAILED, error=error, finished_at=timezone.now()
    )


def do_report_progress(*, packet: Packet, progress: str) -> None:
    # Not audited: progress is a status for the waiting page, not a change to the case.
    Packet.objects.filter(pk=packet.pk).update(progress=progress[:200])
