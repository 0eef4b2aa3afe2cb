"""Marking the appeal sent, and recording the decision: what each keeps, and what it refuses
without keeping anything."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from reinstate.appeals.after_sending import after_sending
from reinstate.appeals.models import Decision, Sending
from reinstate.appeals.send_actions import SendingInputError, do_mark_sent, do_record_decision
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.comms.actions import Upload, do_add_contact
from reinstate.comms.models import Contact
from reinstate.comms.presenters import case_follow_up
from reinstate.evidence.models import EvidenceItem
from reinstate.testing import files

pytestmark = pytest.mark.django_db

SENT_AT = datetime.fromisoformat("2026-11-05T10:00:00-08:00")
DENIED = (
    "We have carefully reviewed your appeal and determined that our original decision stands. "
    "You are no longer eligible to participate in the Amazon Flex program."
)
GRANTED = "Good news! After reviewing your appeal, we've reactivated your Amazon Flex account."


def screenshot() -> Upload:
    return Upload("confirmation.png", io.BytesIO(files.png()))


def counts(case: Case) -> tuple[int, int, int, int]:
    return (
        Sending.objects.filter(case=case).count(),
        Contact.objects.filter(case=case).count(),
        EvidenceItem.all_objects.filter(case=case).count(),
        AuditEvent.objects.count(),
    )


def test_it_keeps_the_sending_its_proof_and_a_support_log_contact(ready_case: Case) -> None:
    sending = do_mark_sent(
        case=ready_case,
        actor=ready_case.owner,
        sent_at=SENT_AT,
        channel="app_form",
        reference="QX-7781",
        proof=[screenshot()],
    )
    assert (sending.kind, sending.channel, sending.reference) == ("appeal", "app_form", "QX-7781")
    assert sending.letter is not None and sending.letter.status == "approved"
    assert sending.recorded_by == ready_case.owner
    [proof] = sending.proof.all()
    assert proof.case == ready_case and proof.blob.media_type == "image/png"
    contact = Contact.objects.filter(case=ready_case, summary="Sent the appeal").get()
    assert (contact.direction, contact.channel, contact.at) == ("to_platform", "web_form", SENT_AT)
    assert [t.number for t in contact.tickets.all()] == ["QX-7781"]
    assert list(contact.attachments.all()) == [proof]
    event = AuditEvent.objects.order_by("seq").last()
    assert event is not None and event.kind == EventKind.APPEAL_SENT
    assert event.data["reference"] == "QX-7781" and event.data["proof"] == [proof.pk]


def test_a_protective_appeal_is_logged_as_such(case: Case) -> None:
    do_mark_sent(case=case, actor=case.owner, sent_at=SENT_AT, channel="email", kind="protective")
    assert Contact.objects.filter(case=case, summary="Sent a protective appeal").exists()
    assert case.sendings.get().letter is None  # no letter approved yet


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sent_at": timezone.now() + timedelta(minutes=5)}, "in the future"),
        ({"sent_at": SENT_AT - timedelta(days=5)}, "before the notice arrived"),
        ({"sent_at": datetime(2026, 11, 5, 10, 0)}, "time zone offset"),
        ({"channel": "pigeon"}, "Say how you sent it"),
        ({"kind": "threat"}, "Unknown kind"),
        ({"reference": "R" * 201}, "too long"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_kept(
    case: Case, change: dict[str, object], message: str
) -> None:
    before = counts(case)
    arguments: dict[str, object] = {"sent_at": SENT_AT, "channel": "email"} | change
    with pytest.raises(SendingInputError, match=message):
        do_mark_sent(case=case, actor=case.owner, **arguments)  # type: ignore[arg-type]
    assert counts(case) == before


def test_a_bad_proof_file_is_refused_and_nothing_is_kept_not_even_the_good_one(
    case: Case,
) -> None:
    before = counts(case)
    bomb = Upload("big.png", io.BytesIO(files.png_bomb()))
    with pytest.raises(SendingInputError, match="far more pixels"):
        do_mark_sent(
            case=case,
            actor=case.owner,
            sent_at=SENT_AT,
            channel="email",
            proof=[screenshot(), bomb],
        )
    assert counts(case) == before


def test_a_time_a_few_seconds_ahead_of_the_server_is_now(case: Case) -> None:
    now = timezone.now()
    do_mark_sent(
        case=case, actor=case.owner, sent_at=now + timedelta(seconds=30), channel="email", now=now
    )
    assert case.sendings.count() == 1


def test_a_denial_keeps_the_case_open(case: Case) -> None:
    do_mark_sent(case=case, actor=case.owner, sent_at=SENT_AT, channel="email")
    decided = do_record_decision(
        case=case, actor=case.owner, outcome="denied", decided_on=date(2026, 11, 20), message=DENIED
    )
    assert decided.warning == ""
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN
    assert decided.decision.message == DENIED
    assert after_sending(case, now=timezone.now()).decided == "denied"
    event = AuditEvent.objects.order_by("seq").last()
    assert event is not None and event.kind == EventKind.APPEAL_DECIDED
    assert event.data["message_reads_as"] == "appeal_denied"


def test_a_grant_closes_the_case_as_reinstated_on_that_day(case: Case) -> None:
    do_mark_sent(case=case, actor=case.owner, sent_at=SENT_AT, channel="email")
    do_record_decision(
        case=case, actor=case.owner, outcome="granted", decided_on=date(2026, 11, 20)
    )
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Case.Status.CLOSED, Case.Outcome.REINSTATED)
    assert case.reinstated_on == date(2026, 11, 20)
    kinds = list(AuditEvent.objects.order_by("-seq").values_list("kind", flat=True)[:3])
    assert kinds == [EventKind.CASE_OUTCOME, EventKind.CASE_STATUS, EventKind.APPEAL_DECIDED]


def test_a_message_that_reads_otherwise_is_a_warning_not_a_refusal(case: Case) -> None:
    granted = do_record_decision(
        case=case,
        actor=case.owner,
        outcome="denied",
        decided_on=date(2026, 11, 20),
        message=GRANTED,
    )
    assert "granted" in granted.warning
    denied = do_record_decision(
        case=case,
        actor=case.owner,
        outcome="no_answer",
        decided_on=date(2026, 11, 21),
        message=DENIED,
    )
    assert "denied" in denied.warning
    assert Decision.objects.filter(case=case).count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"outcome": "maybe"}, "Say what they decided"),
        ({"decided_on": date(2099, 1, 1)}, "in the future"),
        ({"decided_on": date(2026, 10, 1)}, "before the notice arrived"),
    ],
)
def test_a_bad_decision_is_refused_and_nothing_is_kept(
    case: Case, change: dict[str, object], message: str
) -> None:
    before = AuditEvent.objects.count()
    arguments: dict[str, object] = {"outcome": "denied", "decided_on": date(2026, 11, 20)} | change
    with pytest.raises(SendingInputError, match=message):
        do_record_decision(case=case, actor=case.owner, **arguments)  # type: ignore[arg-type]
    assert not Decision.objects.exists() and AuditEvent.objects.count() == before


def test_sending_again_after_a_decision_is_waiting_again(case: Case) -> None:
    do_mark_sent(case=case, actor=case.owner, sent_at=SENT_AT, channel="email")
    do_record_decision(case=case, actor=case.owner, outcome="denied", decided_on=date(2026, 11, 20))
    second = datetime.fromisoformat("2026-11-24T09:00:00-08:00")
    do_mark_sent(case=case, actor=case.owner, sent_at=second, channel="email")
    after = after_sending(case, now=second)
    assert after.decided == "" and after.waiting is not None
    assert after.waiting.decision_expected_by == date(2026, 12, 15)


def test_the_support_log_follows_the_appeal_up_at_the_platform_pace(case: Case) -> None:
    do_mark_sent(case=case, actor=case.owner, sent_at=SENT_AT, channel="app_form")
    follow = case_follow_up(case, now=SENT_AT + timedelta(days=4))
    assert follow is not None and not follow.due  # not the flat three days: Amazon takes weeks
    assert follow.due_at == datetime.fromisoformat("2026-11-16T10:00:00-08:00")
    assert case_follow_up(case, now=follow.due_at).due  # type: ignore[union-attr]


def test_other_messages_to_support_keep_the_flat_follow_up(case: Case) -> None:
    do_add_contact(
        case=case,
        actor=case.owner,
        channel="phone",
        direction="to_platform",
        at=SENT_AT,
        summary="Asked why I was deactivated",
    )
    follow = case_follow_up(case, now=SENT_AT)
    assert follow is not None and follow.due_at == SENT_AT + timedelta(days=3)
