"""Writes to appeals. Each runs in one transaction and appends an audit event."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Manager, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.appeals.facts import column_names, plan_action_of, statement_of
from reinstate.appeals.inputs import AppealInput, AppealInputError
from reinstate.appeals.models import (
    Appeal,
    Consent,
    LetterVersion,
    Packet,
    PlanAction,
    Statement,
)
from reinstate.appeals.queries import building_packet
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.rules.appeal import shape

LETTER_MAX_CHARS = 50_000


def do_set_appeal(
    *, case: Case, data: AppealInput, actor: User | None, keep_rows: bool = False
) -> Appeal:
    """Replace the sections given; leave the others as they were. With `keep_rows` (the web's
    forms), a section's statements or actions stay as stored rather than being replaced by the
    section's own: the page adds and removes them one at a time, and a form read before another
    tab added one must not take it away."""
    with transaction.atomic():
        appeal = _locked_appeal(case)
        changed = []
        if data.explanation is not None:
            _set_columns(appeal, data.explanation)
            if not keep_rows:
                _replace_statements(appeal, data.explanation.statements)
            appeal.reason = case.reason or ""
            changed.append("explanation")
        if data.plan is not None:
            _set_columns(appeal, data.plan)
            if not keep_rows:
                appeal.actions.all().delete()
                PlanAction.objects.bulk_create(
                    _plan_action_row(appeal, action, position)
                    for position, action in enumerate(data.plan.actions)
                )
            changed.append("plan")
        if data.record is not None:
            _set_columns(appeal, data.record)
            changed.append("record")
        appeal.save()
        record_event(
            kind=EventKind.APPEAL_SET, actor=actor, case_id=case.pk, data={"sections": changed}
        )
    return appeal


def do_add_statement(*, case: Case, statement: shape.Statement, actor: User | None) -> Statement:
    """Add a fact after the others. Like setting the explanation, it makes the explanation
    answer the case's reason as it is now."""
    with transaction.atomic():
        appeal = _locked_appeal(case)
        exhibits = _exhibits_by_label(case)
        row = _add_statement(appeal, statement, exhibits, _next_position(appeal.statements))
        appeal.reason = case.reason or ""
        appeal.save()
        record_event(
            kind=EventKind.APPEAL_STATEMENT_ADDED,
            actor=actor,
            case_id=case.pk,
            data={"statement": row.pk, "exhibits": list(statement.exhibits)},
        )
    return row


def do_remove_statement(
    *, case: Case, statement_id: int, actor: User | None
) -> shape.Statement | None:
    """Take out the fact named, whatever was added or removed since the page was read (and,
    as for an addition, the explanation then answers the case's reason as it is now). Returns
    what was taken out; None when it was not there (any more)."""
    with transaction.atomic():
        appeal = _started_appeal(case)
        if appeal is None:
            return None
        row = appeal.statements.prefetch_related("exhibits").filter(pk=statement_id).first()
        if row is None:
            return None
        removed = statement_of(row)
        row.delete()
        appeal.reason = case.reason or ""
        appeal.save()
        record_event(
            kind=EventKind.APPEAL_STATEMENT_REMOVED,
            actor=actor,
            case_id=case.pk,
            data={"statement": statement_id},
        )
    return removed


def do_add_plan_action(*, case: Case, action: shape.PlanAction, actor: User | None) -> PlanAction:
    """Add an action at the end of the plan, keeping every other as stored."""
    with transaction.atomic():
        appeal = _locked_appeal(case)
        row = _plan_action_row(appeal, action, _next_position(appeal.actions))
        row.save()
        appeal.save()  # its updated_at
        record_event(
            kind=EventKind.APPEAL_PLAN_ACTION_ADDED,
            actor=actor,
            case_id=case.pk,
            data={"action": row.pk},
        )
    return row


def do_remove_plan_action(
    *, case: Case, action_id: int, actor: User | None
) -> shape.PlanAction | None:
    """Take the action named out of the plan, whatever was added or removed since the page was
    read. Returns what was taken out; None when it was not there (any more)."""
    with transaction.atomic():
        appeal = _started_appeal(case)
        if appeal is None:
            return None
        row = appeal.actions.filter(pk=action_id).first()
        if row is None:
            return None
        removed = plan_action_of(row)
        row.delete()
        appeal.save()
        record_event(
            kind=EventKind.APPEAL_PLAN_ACTION_REMOVED,
            actor=actor,
            case_id=case.pk,
            data={"action": action_id},
        )
    return removed


def _locked_appeal(case: Case) -> Appeal:
    """The case's appeal, created when the driver first writes, locked until the transaction
    ends: writers to one appeal take turns."""
    appeal, _ = Appeal.objects.select_for_update().get_or_create(case=case)
    return appeal


def _started_appeal(case: Case) -> Appeal | None:
    """The case's appeal, locked, when the driver has started one: a removal starts none."""
    return Appeal.objects.select_for_update().filter(case=case).first()


def _set_columns(appeal: Appeal, section: shape.Section) -> None:
    """The section's own fields, into the Appeal's columns of the same names."""
    for name in column_names(type(section)):
        value = getattr(section, name)
        setattr(appeal, name, list(value) if isinstance(value, tuple) else value)


def _replace_statements(appeal: Appeal, statements: tuple[shape.Statement, ...]) -> None:
    exhibits = _exhibits_by_label(appeal.case)
    appeal.statements.all().delete()
    for position, statement in enumerate(statements):
        _add_statement(appeal, statement, exhibits, position)


def _exhibits_by_label(case: Case) -> dict[str, EvidenceItem]:
    return {item.exhibit: item for item in case.evidence.all()}


def _add_statement(
    appeal: Appeal, statement: shape.Statement, exhibits: dict[str, EvidenceItem], position: int
) -> Statement:
    unknown = [label for label in statement.exhibits if label not in exhibits]
    if unknown:
        raise AppealInputError(
            f"No exhibit {', '.join(unknown)} in this case (it has "
            f"{', '.join(exhibits) or 'none yet'})."
        )
    # Its columns have the names of the statement's fields; its exhibits link evidence items.
    values = {f.name: getattr(statement, f.name) for f in fields(statement) if f.name != "exhibits"}
    row = Statement.objects.create(appeal=appeal, position=position, **values)
    row.exhibits.set([exhibits[label] for label in statement.exhibits])
    return row


def _plan_action_row(appeal: Appeal, action: shape.PlanAction, position: int) -> PlanAction:
    """The row for an action: its columns have the names of the action's fields."""
    values = {f.name: getattr(action, f.name) for f in fields(action)}
    return PlanAction(appeal=appeal, position=position, **values)


def _next_position(rows: Manager[Any]) -> int:
    """After the last row: positions keep their order when rows between are removed."""
    last: int | None = rows.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def do_save_letter(*, case: Case, text: str, actor: User | None) -> LetterVersion:
    """Keep a new version of the letter; earlier versions stay as they were."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise AppealInputError(_("The letter is empty."))
    if len(text) > LETTER_MAX_CHARS:
        raise AppealInputError(
            _("The letter is longer than %(most)s characters.") % {"most": LETTER_MAX_CHARS}
        )
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        last = case.letters.aggregate(n=Max("number"))["n"] or 0
        letter = LetterVersion.objects.create(
            case=case, number=last + 1, text=text, created_by=actor
        )
        record_event(
            kind=EventKind.APPEAL_LETTER_SAVED,
            actor=actor,
            case_id=case.pk,
            data={"version": letter.number, "chars": len(text)},
        )
    return letter


def do_approve_letter(
    *, letter: LetterVersion, actor: User | None, consent: str = ""
) -> LetterVersion:
    """The driver approves this version: it is the one packets carry. An advocate approving it
    on the driver's behalf says how the driver consented (a `Consent`), which the event keeps;
    the driver, or the command line (no actor), needs no such answer."""
    data: dict[str, object] = {"version": letter.number}
    if actor is not None and actor.pk != letter.case.owner_id:
        if consent not in Consent.values:
            raise AppealInputError(
                _(
                    "Say how the driver approved this letter (in person, by phone or in "
                    "writing) before you approve it for them."
                )
            )
        data["consent"] = consent
    with transaction.atomic():
        letter.status = LetterVersion.Status.APPROVED
        letter.approved_at = timezone.now()
        letter.save(update_fields=["status", "approved_at"])
        record_event(
            kind=EventKind.APPEAL_LETTER_APPROVED,
            actor=actor,
            case_id=letter.case_id,
            data=data,
        )
    return letter


def do_set_letter_language(*, case: Case, language: str, actor: User | None) -> Appeal:
    """The language the letter is drafted in and the packet is built in: English by default,
    as the platform reads it; Spanish where the platform accepts it."""
    if language not in dict(settings.LANGUAGES):
        raise AppealInputError(f"Unknown language {language!r}.")  # i18n: a code, not for drivers
    with transaction.atomic():
        appeal = _locked_appeal(case)
        before = appeal.letter_language
        appeal.letter_language = language
        appeal.save(update_fields=["letter_language", "updated_at"])
        record_event(
            kind=EventKind.APPEAL_LETTER_LANGUAGE,
            actor=actor,
            case_id=case.pk,
            data={"from": before, "to": language},
        )
    return appeal


class BuildInProgress(Exception):
    """A build of this case is queued or running: the web starts no second one."""

    def __init__(self, packet: Packet) -> None:
        super().__init__(f"packet {packet.pk} is being built")
        self.packet = packet


def do_request_packet(
    *, case: Case, fmt: str, draft: bool, actor: User | None, one_at_a_time: bool = False
) -> Packet:
    """A new packet row, waiting for its build. With `one_at_a_time` (the web), raise
    BuildInProgress when a build of the case is queued or running: the case's row is locked
    meanwhile, so two presses at once start one build."""
    with transaction.atomic():
        if one_at_a_time:
            Case.objects.select_for_update().filter(pk=case.pk).first()
            running = building_packet(case)
            if running is not None:
                raise BuildInProgress(running)
        packet = Packet.objects.create(
            case=case, format=fmt, draft=draft, requested_by=actor, progress=Packet.QUEUED
        )
        record_event(
            kind=EventKind.APPEAL_PACKET_REQUESTED,
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
            kind=EventKind.APPEAL_PACKET_BUILT,
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
    with transaction.atomic():
        Packet.objects.filter(pk=packet.pk).update(
            status=Packet.Status.FAILED, error=error, finished_at=timezone.now()
        )
        # No actor: the build failed, nobody did it (who asked is in appeal.packet_requested).
        record_event(
            kind=EventKind.APPEAL_PACKET_FAILED,
            actor=None,
            case_id=packet.case_id,
            data={
                "packet": packet.pk,
                "format": packet.format,
                "draft": packet.draft,
                "error": error,
            },
        )


def do_report_progress(*, packet: Packet, progress: str) -> None:
    # Not audited: progress is a status for the waiting page, not a change to the case.
    Packet.objects.filter(pk=packet.pk).update(progress=progress[:200])
