"""Every write appends its audit event: each public do_* function of the app is listed here.

An entry prepares the least a real case needs, then gives the call to make; the test checks that
the call grew the chain by exactly the events expected and that the chain still verifies. A new
do_* function fails test_it_lists_every_action until it is listed: in AUDITED with its events,
or in UNAUDITED with the reason it writes none.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import reinstate
from reinstate.accounts.actions import (
    do_add_advocate,
    do_change_password,
    do_create_organisation,
    do_create_user,
    do_remove_advocate,
    do_replace_invite_code,
    do_reset_calendar_token,
    do_set_identity,
    do_set_member_role,
    do_sign_out_everywhere,
    do_update_profile,
)
from reinstate.accounts.models import Organisation, User
from reinstate.advocacy.actions import do_add_note, do_add_task, do_assign_case, do_set_task_done
from reinstate.appeals.actions import (
    do_add_plan_action,
    do_add_statement,
    do_approve_letter,
    do_fail_packet,
    do_finish_packet,
    do_remove_plan_action,
    do_remove_statement,
    do_report_progress,
    do_request_packet,
    do_save_letter,
    do_set_appeal,
    do_set_letter_language,
)
from reinstate.appeals.inputs import AppealInput
from reinstate.appeals.send_actions import (
    do_mark_request_sent,
    do_mark_sent,
    do_record_decision,
)
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain
from reinstate.cases.actions import (
    do_correct_reading,
    do_mark_step_seen,
    do_open_case,
    do_set_case_outcome,
    do_set_case_status,
    do_set_checklist_item,
    do_set_received,
    do_share_case,
    do_unshare_case,
)
from reinstate.cases.claim_actions import (
    DriverDetails,
    do_claim_case,
    do_open_case_for_driver,
    do_renew_claim_link,
    do_revoke_claim_link,
    do_send_claim_invite,
)
from reinstate.cases.models import Case, ClaimInvite
from reinstate.comms import import_queue
from reinstate.comms import imports as comms_imports
from reinstate.comms.actions import Upload, do_add_contact, do_import_mails
from reinstate.comms.mail import Mail, read_message
from reinstate.compose.deadline_reminders import do_send_deadline_reminder
from reinstate.compose.delete_account import do_delete_account
from reinstate.compose.export import do_export_account
from reinstate.evidence.actions import (
    do_add_evidence,
    do_describe_evidence,
    do_lock_exhibit_labels,
    do_move_evidence,
    do_restore_evidence,
    do_set_incident_day,
    do_withdraw_evidence,
)
from reinstate.evidence.models import EvidenceItem
from reinstate.health import import_queue as health_import_queue
from reinstate.health import imports as health_imports
from reinstate.health.actions import (
    do_add_document,
    do_add_target,
    do_delete_block,
    do_delete_document,
    do_delete_standing,
    do_delete_target,
    do_dismiss_alert,
    do_record_block,
    do_record_payment_change,
    do_record_reading,
    do_record_standing,
    do_set_watch_level,
    do_update_document,
    do_watch_plan,
)
from reinstate.health.models import Alert, Block, BlockImport, Document, Target
from reinstate.lib.notice_file import notice_from_text
from reinstate.policies.actions import do_store_policy_version
from reinstate.records.actions import do_add_record, do_add_records_to_case
from reinstate.records.models import Record
from reinstate.rules.appeal import shape
from reinstate.testing import files, mails
from reinstate.testing.appeal_samples import STRONG
from reinstate.testing.blocks import LA, flex_block
from reinstate.testing.notices import DISPUTE, FLEX_LATE
from reinstate.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db

Action = Callable[..., Any]
Step = partial[Any]  # the action with its arguments, called once the scene is ready
FLEX = "amazon_flex"
BLOCKS_CSV = b"block_start,block_end,status\n2026-01-05 08:00,2026-01-05 11:00,no_show\n"


@dataclass(frozen=True)
class Scene:
    """Dana's open case (late to the station), and Ada with her organisation."""

    driver: User
    advocate: User
    case: Case

    @property
    def organisation(self) -> Organisation:
        return Organisation.objects.get(membership__user=self.advocate)


@dataclass(frozen=True)
class Audited:
    prepare: Callable[[Scene], Step]
    kinds: tuple[EventKind, ...]


# accounts


def create_user(s: Scene) -> Step:
    return partial(do_create_user, username="zoe", password=PASSWORD)


def update_profile(s: Scene) -> Step:
    return partial(do_update_profile, user=s.driver, city="Pasadena")


def reset_calendar_token(s: Scene) -> Step:
    return partial(do_reset_calendar_token, user=s.driver)


def set_identity(s: Scene) -> Step:
    return partial(
        do_set_identity,
        user=s.driver,
        legal_name="Dana Reyes",
        accounts={FLEX: "dana@example.com"},
    )


def change_password(s: Scene) -> Step:
    return partial(
        do_change_password, user=s.driver, password="a new long passphrase", how="changed"
    )


def sign_out_everywhere(s: Scene) -> Step:
    return partial(do_sign_out_everywhere, user=s.driver, password=PASSWORD)


def export_account(s: Scene) -> Step:
    return partial(do_export_account, user=s.driver, target=io.BytesIO(), actor=s.driver)


def delete_account(s: Scene) -> Step:
    _photo(s)
    return partial(do_delete_account, user=s.driver, actor=s.driver)


def create_organisation(s: Scene) -> Step:
    return partial(
        do_create_organisation, name="Gig Workers Clinic", advocates=[s.advocate], actor=s.advocate
    )


def add_advocate(s: Scene) -> Step:
    return partial(
        do_add_advocate, organisation=s.organisation, user=make_user("bea"), actor=s.advocate
    )


def remove_advocate(s: Scene) -> Step:
    colleague = make_user("bea")
    do_add_advocate(organisation=s.organisation, user=colleague, actor=s.advocate)
    return partial(
        do_remove_advocate, organisation=s.organisation, user=colleague, actor=s.advocate
    )


def set_member_role(s: Scene) -> Step:
    colleague = make_user("bea")
    do_add_advocate(organisation=s.organisation, user=colleague, actor=s.advocate)
    return partial(
        do_set_member_role,
        organisation=s.organisation,
        user=colleague,
        role="admin",
        actor=s.advocate,
    )


def replace_invite_code(s: Scene) -> Step:
    return partial(do_replace_invite_code, organisation=s.organisation, actor=s.advocate)


# cases


def open_new_case(s: Scene) -> Step:
    return partial(
        do_open_case,
        owner=s.driver,
        notice=notice_from_text(DISPUTE),
        received=datetime.fromisoformat("2026-11-02T16:00:00-08:00"),
        tz=LA,
    )


def correct_reading(s: Scene) -> Step:
    case = s.case
    return partial(
        do_correct_reading,
        case=case,
        actor=s.driver,
        platform=case.platform,
        kind=case.kind,
        reason="delivery_disputes",
        stated_deadline=case.stated_deadline,
    )


def set_received(s: Scene) -> Step:
    return partial(
        do_set_received,
        case=s.case,
        actor=s.driver,
        received=datetime.fromisoformat("2026-11-01T09:00:00-08:00"),
    )


def set_checklist_item(s: Scene) -> Step:
    item = s.case.checklist.filter(done=False).first()
    assert item is not None
    return partial(do_set_checklist_item, item=item, actor=s.driver, done=True)


def mark_step_seen(s: Scene) -> Step:
    return partial(do_mark_step_seen, case=s.case, step="meaning", actor=s.driver)


def send_deadline_reminder(s: Scene) -> Step:
    s.driver.email = "dana@example.com"
    s.driver.save(update_fields=["email"])
    assert s.case.deadline is not None
    return partial(
        do_send_deadline_reminder, case=s.case, now=s.case.deadline - timedelta(hours=20)
    )


def set_case_status(s: Scene) -> Step:
    return partial(do_set_case_status, case=s.case, actor=s.driver, status=Case.Status.CLOSED)


def set_case_outcome(s: Scene) -> Step:
    return partial(do_set_case_outcome, case=s.case, actor=s.driver, outcome=Case.Outcome.DENIED)


def share_case(s: Scene) -> Step:
    return partial(
        do_share_case, case=s.case, actor=s.driver, invite_code=s.organisation.invite_code
    )


def unshare_case(s: Scene) -> Step:
    do_share_case(case=s.case, actor=s.driver, invite_code=s.organisation.invite_code)
    return partial(do_unshare_case, case=s.case, actor=s.driver)


def open_case_for_driver(s: Scene) -> Step:
    return partial(
        do_open_case_for_driver,
        advocate=s.advocate,
        organisation=s.organisation,
        driver=DriverDetails(name="Maria Lopez", email="maria@example.com"),
        notice=notice_from_text(FLEX_LATE),
        received=None,
        tz=LA,
    )


def _invite(s: Scene) -> tuple[ClaimInvite, str]:
    case, token = open_case_for_driver(s)()
    return ClaimInvite.objects.get(case=case), token


def send_claim_invite(s: Scene) -> Step:
    invite, token = _invite(s)
    return partial(do_send_claim_invite, invite=invite, actor=s.advocate, link=f"/c/{token}/")


def renew_claim_link(s: Scene) -> Step:
    return partial(do_renew_claim_link, invite=_invite(s)[0], actor=s.advocate)


def revoke_claim_link(s: Scene) -> Step:
    return partial(do_revoke_claim_link, invite=_invite(s)[0], actor=s.advocate)


def claim_case(s: Scene) -> Step:
    return partial(do_claim_case, token=_invite(s)[1], driver=s.driver)


# evidence


def _photo(s: Scene, color: tuple[int, int, int] = (90, 140, 200)) -> EvidenceItem:
    source = io.BytesIO(files.jpeg(color=color))
    return do_add_evidence(case=s.case, actor=s.driver, source=source, filename="gate.jpg").item


def add_evidence(s: Scene) -> Step:
    source = io.BytesIO(files.jpeg())
    return partial(do_add_evidence, case=s.case, actor=s.driver, source=source, filename="gate.jpg")


def withdraw_evidence(s: Scene) -> Step:
    return partial(do_withdraw_evidence, item=_photo(s), actor=s.driver)


def restore_evidence(s: Scene) -> Step:
    item = do_withdraw_evidence(item=_photo(s), actor=s.driver)
    return partial(do_restore_evidence, item=item, actor=s.driver)


def describe_evidence(s: Scene) -> Step:
    return partial(
        do_describe_evidence,
        item=_photo(s),
        actor=s.driver,
        kind=EvidenceItem.Kind.PHOTO,
        description="The locked gate on 120th Street",
        proves="",
        note="",
        satisfies=[],
    )


def move_evidence(s: Scene) -> Step:
    _photo(s)
    second = _photo(s, color=(40, 120, 60))
    return partial(do_move_evidence, item=second, actor=s.driver, step=-1)


def lock_exhibit_labels(s: Scene) -> Step:
    _photo(s)
    return partial(do_lock_exhibit_labels, case=s.case, actor=s.driver)


def set_incident_day(s: Scene) -> Step:
    return partial(do_set_incident_day, case=s.case, actor=s.driver, day=date(2026, 11, 2))


# comms


def _email() -> Mail:
    mail = read_message(mails.email(), "support.eml")
    assert isinstance(mail, Mail)
    return mail


def add_contact(s: Scene) -> Step:
    return partial(
        do_add_contact,
        case=s.case,
        actor=s.driver,
        channel="phone",
        direction="to_platform",
        at=datetime.fromisoformat("2026-11-03T10:05:00-08:00"),
        summary="Reported the locked gate at DLA7",
    )


def import_mails(s: Scene) -> Step:
    return partial(
        do_import_mails, case=s.case, actor=s.driver, mails=[_email()], now=timezone.now()
    )


def stage_mail_import(s: Scene) -> Step:
    upload = SimpleUploadedFile("support.eml", mails.email())
    return partial(
        comms_imports.do_stage_import,
        case=s.case,
        actor=s.driver,
        uploads=[("support.eml", upload)],
    )


def finish_mail_import(s: Scene) -> Step:
    upload = SimpleUploadedFile("support.eml", mails.email())
    pending = comms_imports.do_stage_import(
        case=s.case, actor=s.driver, uploads=[("support.eml", upload)]
    )
    return partial(
        comms_imports.do_finish_import,
        pending=pending,
        actor=s.driver,
        keys=[_email().key],
        now=timezone.now(),
    )


def queue_mail_import(s: Scene) -> Step:
    upload = SimpleUploadedFile("support.eml", mails.email())
    pending = comms_imports.do_stage_import(
        case=s.case, actor=s.driver, uploads=[("support.eml", upload)]
    )
    return partial(import_queue.do_queue_import, pending=pending, actor=s.driver, keys=["a1"])


def fail_mail_import(s: Scene) -> Step:
    pending = comms_imports.do_stage_import(case=s.case, actor=s.driver, uploads=[])
    return partial(import_queue.do_fail_import, pending=pending, reason="unreadable")


# appeals


def set_appeal(s: Scene) -> Step:
    return partial(do_set_appeal, case=s.case, data=AppealInput(plan=STRONG.plan), actor=s.driver)


FACT = shape.Statement("The gate on 120th Street was locked at 10:02.")
PLAN_ACTION = shape.PlanAction("Check in 15 minutes before every block", "no late arrival")


def add_statement(s: Scene) -> Step:
    return partial(do_add_statement, case=s.case, statement=FACT, actor=s.driver)


def remove_statement(s: Scene) -> Step:
    row = do_add_statement(case=s.case, statement=FACT, actor=s.driver)
    return partial(do_remove_statement, case=s.case, statement_id=row.pk, actor=s.driver)


def add_plan_action(s: Scene) -> Step:
    return partial(do_add_plan_action, case=s.case, action=PLAN_ACTION, actor=s.driver)


def remove_plan_action(s: Scene) -> Step:
    row = do_add_plan_action(case=s.case, action=PLAN_ACTION, actor=s.driver)
    return partial(do_remove_plan_action, case=s.case, action_id=row.pk, actor=s.driver)


def save_letter(s: Scene) -> Step:
    return partial(
        do_save_letter, case=s.case, text="I ask you to reinstate my account.", actor=s.driver
    )


def approve_letter(s: Scene) -> Step:
    letter = do_save_letter(case=s.case, text="I ask you to reinstate my account.", actor=s.driver)
    return partial(do_approve_letter, letter=letter, actor=s.driver)


def set_letter_language(s: Scene) -> Step:
    return partial(do_set_letter_language, case=s.case, language="es", actor=s.driver)


def request_packet(s: Scene) -> Step:
    return partial(do_request_packet, case=s.case, fmt="txt", draft=True, actor=s.driver)


def finish_packet(s: Scene) -> Step:
    packet = do_request_packet(case=s.case, fmt="txt", draft=True, actor=s.driver)
    return partial(do_finish_packet, packet=packet, actor=s.driver)


def mark_sent(s: Scene) -> Step:
    return partial(
        do_mark_sent,
        case=s.case,
        actor=s.driver,
        sent_at=datetime.fromisoformat("2026-11-05T10:00:00-08:00"),
        channel="email",
        reference="QX-7781",
    )


def mark_request_sent(s: Scene) -> Step:
    return partial(
        do_mark_request_sent,
        case=s.case,
        actor=s.driver,
        option="fcra_dispute",
        sent_on=date(2026, 11, 20),
        today=date(2026, 11, 21),
    )


def record_decision(s: Scene) -> Step:
    return partial(
        do_record_decision,
        case=s.case,
        actor=s.driver,
        outcome="denied",
        decided_on=date(2026, 11, 20),
    )


def fail_packet(s: Scene) -> Step:
    packet = do_request_packet(case=s.case, fmt="pdf", draft=True, actor=s.driver)
    return partial(do_fail_packet, packet=packet, error="The packet could not be built.")


# health


def _yesterday_8am() -> datetime:
    return datetime.now(LA).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=1)


def _block(s: Scene) -> Block:
    return do_record_block(owner=s.driver, platform=FLEX, record=flex_block(_yesterday_8am()))


def _target(s: Scene) -> Target:
    return do_add_target(
        owner=s.driver,
        platform=FLEX,
        metric="reliability",
        threshold=0.95,
        since=date(2026, 11, 20),
    )


def _document(s: Scene) -> Document:
    return do_add_document(
        owner=s.driver, kind="insurance", title="Dana's policy", expires_on=date(2027, 3, 1)
    )


def _staged_blocks(s: Scene) -> BlockImport:
    return health_imports.do_stage_import(
        owner=s.driver, platform=FLEX, filename="blocks.csv", data=BLOCKS_CSV, time_zone=LA.key
    )


def record_block(s: Scene) -> Step:
    return partial(
        do_record_block, owner=s.driver, platform=FLEX, record=flex_block(_yesterday_8am())
    )


def delete_block(s: Scene) -> Step:
    return partial(do_delete_block, block=_block(s), actor=s.driver)


def set_watch_level(s: Scene) -> Step:
    return partial(
        do_set_watch_level, owner=s.driver, platform=FLEX, metric="reliability", level=0.9
    )


def add_target(s: Scene) -> Step:
    return partial(
        do_add_target,
        owner=s.driver,
        platform=FLEX,
        metric="reliability",
        threshold=0.95,
        since=date(2026, 11, 20),
    )


def watch_plan(s: Scene) -> Step:
    return partial(
        do_watch_plan,
        owner=s.driver,
        case=s.case,
        targets=[("reliability", 0.95, "Check in 15 minutes early")],
        since=date(2026, 11, 20),
    )


def delete_target(s: Scene) -> Step:
    return partial(do_delete_target, target=_target(s), actor=s.driver)


def record_reading(s: Scene) -> Step:
    return partial(
        do_record_reading,
        owner=s.driver,
        platform=FLEX,
        metric="reliability",
        value=0.97,
        observed_at=timezone.now() - timedelta(hours=1),
    )


def record_standing(s: Scene) -> Step:
    return partial(
        do_record_standing,
        owner=s.driver,
        platform=FLEX,
        observed_on=date(2026, 11, 1),
        tier="great",
        parts={"reliability": "fantastic"},
        percents={"delivery_completion": 0.985},
    )


def delete_standing(s: Scene) -> Step:
    reading = do_record_standing(
        owner=s.driver,
        platform=FLEX,
        observed_on=date(2026, 11, 1),
        tier="fair",
        parts={},
        percents={},
    )
    return partial(do_delete_standing, reading=reading, actor=s.driver)


def record_payment_change(s: Scene) -> Step:
    return partial(
        do_record_payment_change,
        owner=s.driver,
        platform=FLEX,
        changed_at=timezone.now() - timedelta(days=1),
        by_driver=True,
    )


def add_document(s: Scene) -> Step:
    return partial(
        do_add_document,
        owner=s.driver,
        kind="insurance",
        title="Dana's policy",
        expires_on=date(2027, 3, 1),
    )


def update_document(s: Scene) -> Step:
    return partial(
        do_update_document, document=_document(s), actor=s.driver, expires_on=date(2028, 3, 1)
    )


def delete_document(s: Scene) -> Step:
    return partial(do_delete_document, document=_document(s), actor=s.driver)


def dismiss_alert(s: Scene) -> Step:
    alert = Alert.objects.create(
        owner=s.driver,
        platform=FLEX,
        key="amazon_flex:reliability:30d:crossed",
        kind="crossed",
        title="Reliability is below your watch level",
        opened_at=timezone.now(),
    )
    return partial(do_dismiss_alert, alert=alert, actor=s.driver)


def stage_block_import(s: Scene) -> Step:
    return partial(
        health_imports.do_stage_import,
        owner=s.driver,
        platform=FLEX,
        filename="blocks.csv",
        data=BLOCKS_CSV,
        time_zone=LA.key,
    )


def set_import_mapping(s: Scene) -> Step:
    mapping: dict[str, int | None] = {"block_start": 0, "block_end": 1, "status": 2}
    return partial(
        health_imports.do_set_import_mapping,
        staged=_staged_blocks(s),
        mapping=mapping,
        actor=s.driver,
    )


def confirm_import(s: Scene) -> Step:
    return partial(health_imports.do_confirm_import, staged=_staged_blocks(s), actor=s.driver)


def queue_block_import(s: Scene) -> Step:
    return partial(health_import_queue.do_queue_import, staged=_staged_blocks(s), actor=s.driver)


def fail_block_import(s: Scene) -> Step:
    return partial(health_import_queue.do_fail_import, staged=_staged_blocks(s), reason="refused")


def import_blocks(s: Scene) -> Step:
    return partial(
        health_imports.do_import_blocks,
        owner=s.driver,
        platform=FLEX,
        stream=io.BytesIO(BLOCKS_CSV),
        filename="blocks.csv",
        tz=LA,
        actor=s.driver,
    )


def discard_import(s: Scene) -> Step:
    return partial(health_imports.do_discard_import, staged=_staged_blocks(s), actor=s.driver)


def purge_stale_imports(s: Scene) -> Step:
    staged = _staged_blocks(s)
    return partial(health_imports.do_purge_stale_imports, now=staged.created_at + timedelta(days=8))


# policies


def store_policy_version(s: Scene) -> Step:
    url = "https://www.doordash.com/deactivationpolicy/"
    policy, at = "doordash.deactivation_policy", timezone.now()
    do_store_policy_version(policy=policy, url=url, text="Version one.", fetched_at=at)
    return partial(
        do_store_policy_version, policy=policy, url=url, text="Version two.", fetched_at=at
    )


# advocacy: the organisation's own work on a case


def _shared(s: Scene) -> Case:
    s.case.organisation = s.organisation
    s.case.save(update_fields=["organisation"])
    return s.case


def assign_case(s: Scene) -> Step:
    return partial(do_assign_case, case=_shared(s), assignee=s.advocate, actor=s.advocate)


def add_note(s: Scene) -> Step:
    return partial(do_add_note, case=_shared(s), text="Call back Monday", actor=s.advocate)


def add_task(s: Scene) -> Step:
    return partial(
        do_add_task,
        case=_shared(s),
        title="Ask for the logs",
        due_on=date(2026, 11, 20),
        assignee=None,
        actor=s.advocate,
    )


def set_task_done(s: Scene) -> Step:
    task = add_task(s)()
    return partial(do_set_task_done, task=task, done=True, actor=s.advocate)


# records


def _kept_record(s: Scene) -> Record:
    return do_add_record(
        owner=s.driver,
        at=s.case.received_at - timedelta(days=2),
        kind="locked_building",
        files=[Upload("gate.jpg", io.BytesIO(files.jpeg()))],
        now=s.case.received_at,
    )


def add_record(s: Scene) -> Step:
    return partial(
        do_add_record,
        owner=s.driver,
        at=s.case.received_at - timedelta(days=2),
        kind="note",
        note="Dog loose at 12 Elm; left the parcel at the office",
        now=s.case.received_at,
    )


def add_records_to_case(s: Scene) -> Step:
    return partial(do_add_records_to_case, case=s.case, actor=s.driver, records=[_kept_record(s)])


K = EventKind
AUDITED: dict[Action, Audited] = {
    do_assign_case: Audited(assign_case, (K.CASE_ASSIGNED,)),
    do_add_note: Audited(add_note, (K.NOTE_ADDED,)),
    do_add_task: Audited(add_task, (K.TASK_ADDED,)),
    do_set_task_done: Audited(set_task_done, (K.TASK_DONE,)),
    do_create_user: Audited(create_user, (K.USER_CREATED,)),
    do_update_profile: Audited(update_profile, (K.USER_PROFILE_CHANGED,)),
    do_reset_calendar_token: Audited(reset_calendar_token, (K.USER_CALENDAR_RESET,)),
    do_set_identity: Audited(set_identity, (K.USER_IDENTITY_CHANGED,)),
    do_change_password: Audited(change_password, (K.USER_PASSWORD_CHANGED,)),
    do_sign_out_everywhere: Audited(sign_out_everywhere, (K.USER_SIGNED_OUT_EVERYWHERE,)),
    do_export_account: Audited(export_account, (K.USER_DATA_EXPORTED,)),
    do_delete_account: Audited(delete_account, (K.USER_DELETED,)),
    do_create_organisation: Audited(create_organisation, (K.ORGANISATION_CREATED,)),
    do_add_advocate: Audited(add_advocate, (K.ORGANISATION_ADVOCATE_ADDED,)),
    do_remove_advocate: Audited(remove_advocate, (K.ORGANISATION_ADVOCATE_REMOVED,)),
    do_replace_invite_code: Audited(replace_invite_code, (K.ORGANISATION_CODE_REPLACED,)),
    do_set_member_role: Audited(set_member_role, (K.ORGANISATION_ROLE_CHANGED,)),
    do_open_case: Audited(open_new_case, (K.CASE_OPENED,)),
    do_correct_reading: Audited(correct_reading, (K.CASE_CORRECTED,)),
    do_set_received: Audited(set_received, (K.CASE_RECEIVED_CHANGED,)),
    do_set_checklist_item: Audited(set_checklist_item, (K.CHECKLIST_TICKED,)),
    do_mark_step_seen: Audited(mark_step_seen, (K.CASE_STEP_SEEN,)),
    do_send_deadline_reminder: Audited(send_deadline_reminder, (K.CASE_DEADLINE_REMINDED,)),
    do_set_case_status: Audited(set_case_status, (K.CASE_STATUS,)),
    do_set_case_outcome: Audited(set_case_outcome, (K.CASE_STATUS, K.CASE_OUTCOME)),
    do_share_case: Audited(share_case, (K.CASE_SHARED,)),
    do_unshare_case: Audited(unshare_case, (K.CASE_UNSHARED,)),
    do_open_case_for_driver: Audited(open_case_for_driver, (K.CASE_OPENED_FOR_DRIVER,)),
    do_send_claim_invite: Audited(send_claim_invite, (K.CASE_INVITE_SENT,)),
    do_renew_claim_link: Audited(renew_claim_link, (K.CASE_INVITE_RENEWED,)),
    do_revoke_claim_link: Audited(revoke_claim_link, (K.CASE_INVITE_REVOKED,)),
    do_claim_case: Audited(claim_case, (K.CASE_CLAIMED,)),
    do_add_evidence: Audited(add_evidence, (K.EVIDENCE_ADDED,)),
    do_withdraw_evidence: Audited(withdraw_evidence, (K.EVIDENCE_WITHDRAWN,)),
    do_restore_evidence: Audited(restore_evidence, (K.EVIDENCE_RESTORED,)),
    do_describe_evidence: Audited(describe_evidence, (K.EVIDENCE_DESCRIBED,)),
    do_move_evidence: Audited(move_evidence, (K.EVIDENCE_RELABELLED,)),
    do_lock_exhibit_labels: Audited(lock_exhibit_labels, (K.EVIDENCE_LABELS_LOCKED,)),
    do_set_incident_day: Audited(set_incident_day, (K.EVIDENCE_DAY_SET,)),
    do_add_contact: Audited(add_contact, (K.COMMS_CONTACT_ADDED,)),
    do_import_mails: Audited(import_mails, (K.COMMS_IMPORTED,)),
    comms_imports.do_stage_import: Audited(stage_mail_import, (K.COMMS_IMPORT_STAGED,)),
    comms_imports.do_finish_import: Audited(finish_mail_import, (K.COMMS_IMPORTED,)),
    import_queue.do_queue_import: Audited(queue_mail_import, (K.COMMS_IMPORT_QUEUED,)),
    import_queue.do_fail_import: Audited(fail_mail_import, (K.COMMS_IMPORT_FAILED,)),
    do_set_appeal: Audited(set_appeal, (K.APPEAL_SET,)),
    do_add_statement: Audited(add_statement, (K.APPEAL_STATEMENT_ADDED,)),
    do_remove_statement: Audited(remove_statement, (K.APPEAL_STATEMENT_REMOVED,)),
    do_add_plan_action: Audited(add_plan_action, (K.APPEAL_PLAN_ACTION_ADDED,)),
    do_remove_plan_action: Audited(remove_plan_action, (K.APPEAL_PLAN_ACTION_REMOVED,)),
    do_save_letter: Audited(save_letter, (K.APPEAL_LETTER_SAVED,)),
    do_approve_letter: Audited(approve_letter, (K.APPEAL_LETTER_APPROVED,)),
    do_set_letter_language: Audited(set_letter_language, (K.APPEAL_LETTER_LANGUAGE,)),
    do_request_packet: Audited(request_packet, (K.APPEAL_PACKET_REQUESTED,)),
    do_finish_packet: Audited(finish_packet, (K.APPEAL_PACKET_BUILT,)),
    do_fail_packet: Audited(fail_packet, (K.APPEAL_PACKET_FAILED,)),
    do_mark_sent: Audited(mark_sent, (K.COMMS_CONTACT_ADDED, K.APPEAL_SENT)),
    do_record_decision: Audited(record_decision, (K.APPEAL_DECIDED,)),
    do_mark_request_sent: Audited(mark_request_sent, (K.APPEAL_REQUEST_SENT,)),
    do_record_block: Audited(record_block, (K.HEALTH_BLOCK_RECORDED,)),
    do_delete_block: Audited(delete_block, (K.HEALTH_BLOCK_DELETED,)),
    do_set_watch_level: Audited(set_watch_level, (K.HEALTH_WATCH_LEVEL,)),
    do_add_target: Audited(add_target, (K.HEALTH_TARGET_ADDED,)),
    do_watch_plan: Audited(watch_plan, (K.HEALTH_TARGET_ADDED,)),
    do_delete_target: Audited(delete_target, (K.HEALTH_TARGET_DELETED,)),
    do_record_reading: Audited(record_reading, (K.HEALTH_READING,)),
    do_record_standing: Audited(record_standing, (K.HEALTH_STANDING_RECORDED,)),
    do_delete_standing: Audited(delete_standing, (K.HEALTH_STANDING_DELETED,)),
    do_record_payment_change: Audited(record_payment_change, (K.HEALTH_PAYMENT_CHANGE,)),
    do_add_document: Audited(add_document, (K.HEALTH_DOCUMENT_ADDED,)),
    do_update_document: Audited(update_document, (K.HEALTH_DOCUMENT_RENEWED,)),
    do_delete_document: Audited(delete_document, (K.HEALTH_DOCUMENT_DELETED,)),
    do_dismiss_alert: Audited(dismiss_alert, (K.HEALTH_ALERT_DISMISSED,)),
    health_imports.do_stage_import: Audited(stage_block_import, (K.HEALTH_IMPORT_STAGED,)),
    health_imports.do_set_import_mapping: Audited(set_import_mapping, (K.HEALTH_IMPORT_MAPPED,)),
    health_imports.do_confirm_import: Audited(confirm_import, (K.HEALTH_IMPORTED,)),
    health_import_queue.do_queue_import: Audited(queue_block_import, (K.HEALTH_IMPORT_QUEUED,)),
    health_import_queue.do_fail_import: Audited(fail_block_import, (K.HEALTH_IMPORT_FAILED,)),
    health_imports.do_import_blocks: Audited(import_blocks, (K.HEALTH_IMPORTED,)),
    health_imports.do_discard_import: Audited(discard_import, (K.HEALTH_IMPORT_DISCARDED,)),
    health_imports.do_purge_stale_imports: Audited(purge_stale_imports, (K.HEALTH_IMPORTS_PURGED,)),
    do_store_policy_version: Audited(store_policy_version, (K.POLICY_VERSION_STORED,)),
    do_add_record: Audited(add_record, (K.RECORDS_ADDED,)),
    do_add_records_to_case: Audited(
        add_records_to_case, (K.EVIDENCE_ADDED, K.RECORDS_ADDED_TO_CASE)
    ),
}

UNAUDITED: dict[Action, str] = {
    do_report_progress: "progress is a status for the waiting page, not a change to the case",
    import_queue.do_report_import_progress: "progress for the waiting page, as a packet's",
}


def qualified_name(action: Action) -> str:
    return f"{action.__module__}.{action.__name__}"


def defined_actions() -> set[str]:
    """Every public do_* function defined at the top of a module of the app (tests aside)."""
    root = Path(reinstate.__file__).parent
    found = set()
    for path in root.rglob("*.py"):
        module = path.relative_to(root.parent).with_suffix("").parts
        if {"tests", "testing", "migrations"} & set(module) or module[-1] == "conftest":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
                "do_"
            ):
                found.add(".".join([*module, node.name]))
    return found


@pytest.fixture
def scene(driver: User, advocate: User, open_case: Callable[..., Case]) -> Scene:
    return Scene(driver=driver, advocate=advocate, case=open_case(driver, FLEX_LATE))


def test_it_lists_every_action() -> None:
    listed = {qualified_name(action) for action in [*AUDITED, *UNAUDITED]}
    defined = defined_actions()
    assert sorted(defined - listed) == [], "add these to AUDITED (or UNAUDITED, with why)"
    assert sorted(listed - defined) == [], "these are gone: take them out"


@pytest.mark.parametrize("action", list(AUDITED), ids=qualified_name)
def test_it_appends_the_event_of(action: Action, scene: Scene) -> None:
    audited = AUDITED[action]
    step = audited.prepare(scene)
    assert step.func is action, "the entry must call the action it is listed under"
    last = AuditEvent.objects.order_by("seq").last()
    before = last.seq if last else 0

    step()

    appended = AuditEvent.objects.filter(seq__gt=before).order_by("seq")
    assert [event.kind for event in appended] == list(audited.kinds)
    assert verify_chain() == []
