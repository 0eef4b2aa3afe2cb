"""The kinds of event: their strings are stored and hashed, so they never change."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reinstate.accounts.models import User
from reinstate.audit.actions import event_digest, record_event
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain

# The strings existing databases hold. Each must stay a kind, spelt exactly so: `reinstate
# verify` recomputes every hash from them. Add new kinds to EventKind; never take one off here.
STORED = {
    "user.created",
    "user.profile_changed",
    "user.calendar_reset",
    "organisation.created",
    "organisation.advocate_added",
    "organisation.advocate_removed",
    "organisation.code_replaced",
    "organisation.role_changed",
    "case.opened",
    "case.corrected",
    "case.status",
    "case.outcome",
    "case.outcome_cleared",
    "case.shared",
    "case.unshared",
    "case.deadline_reminded",
    "case.opened_for_driver",
    "case.invite_sent",
    "case.invite_renewed",
    "case.invite_revoked",
    "case.claimed",
    "appeal.request_sent",
    "checklist.ticked",
    "checklist.unticked",
    "evidence.added",
    "evidence.withdrawn",
    "evidence.restored",
    "evidence.described",
    "evidence.relabelled",
    "evidence.labels_locked",
    "evidence.day_set",
    "evidence.cleaned",
    "evidence.deleted",
    "comms.contact_added",
    "comms.imported",
    "comms.import_staged",
    "comms.import_queued",
    "comms.import_failed",
    "comms.follow_up_sent",
    "appeal.set",
    "appeal.statement_added",
    "appeal.statement_removed",
    "appeal.plan_action_added",
    "appeal.plan_action_removed",
    "appeal.letter_saved",
    "appeal.letter_approved",
    "appeal.letter_language",
    "appeal.packet_requested",
    "appeal.packet_built",
    "appeal.packet_failed",
    "health.block_recorded",
    "health.block_deleted",
    "health.import_staged",
    "health.import_mapped",
    "health.imported",
    "health.import_discarded",
    "health.import_queued",
    "health.import_failed",
    "health.imports_purged",
    "health.watch_level",
    "health.target_added",
    "health.target_deleted",
    "health.reading",
    "health.standing_recorded",
    "health.standing_deleted",
    "health.payment_change",
    "health.document_added",
    "health.document_renewed",
    "health.document_deleted",
    "health.alert_opened",
    "health.alert_dismissed",
    "health.reminder_sent",
    "policy.version_stored",
    "records.added",
    "records.added_to_case",
    "case.assigned",
    "note.added",
    "task.added",
    "task.done",
    "task.reopened",
}


def test_it_keeps_every_stored_string() -> None:
    assert STORED - {kind.value for kind in EventKind} == set()


def test_it_names_each_kind_after_its_string() -> None:
    for kind in EventKind:
        assert kind.name == kind.value.upper().replace(".", "_")


def test_it_hashes_an_event_as_before_the_kinds_were_an_enum() -> None:
    # The digest the plain string "case.opened" gave before EventKind existed.
    digest = event_digest(
        seq=1,
        at=datetime(2026, 11, 2, 16, 0, tzinfo=UTC),
        actor_name="dana",
        kind=EventKind.CASE_OPENED,
        case_id=7,
        data={"platform": "amazon_flex"},
        prev_hash="0" * 64,
    )
    assert digest == "b94cc2831f0bc227504c0a1f9a816f419e6a1c2d8d310cf4fb2000a2b6f95684"


@pytest.mark.django_db
def test_it_stores_the_plain_string(driver: User) -> None:
    event = record_event(kind=EventKind.CASE_OPENED, actor=driver)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert type(stored.kind) is str and stored.kind == "case.opened"
    assert verify_chain() == []


@pytest.mark.django_db
def test_it_refuses_a_kind_it_does_not_know(driver: User) -> None:
    before = AuditEvent.objects.count()
    with pytest.raises(ValueError, match=r"case\.reopened"):
        record_event(kind="case.reopened", actor=driver)  # type: ignore[arg-type]
    assert AuditEvent.objects.count() == before
