"""Writes after the packet: the driver's word that the appeal went out, and the platform's
decision. Each runs in one transaction and appends an audit event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import uuid4

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.appeals.models import (
    Decision,
    RequestSent,
    Sending,
)
from reinstate.appeals.queries import approved_letter
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.actions import CaseInputError, do_set_case_outcome
from reinstate.cases.models import Case
from reinstate.comms.actions import CommsInputError, Upload, do_add_contact
from reinstate.lib.errors import UserInputError
from reinstate.rules.comms.follow_up import APPEAL_SENT_PREFIX
from reinstate.rules.notice.reader import read_notice


class SendingInputError(UserInputError):
    """A sending or a decision a person can correct; the message says what to change."""


# A phone's clock and the server's may differ a little: "now" typed on the phone is not the
# future.
CLOCK_SLACK = timedelta(minutes=1)
REFERENCE_MAX = 200
MESSAGE_MAX_CHARS = 50_000
# The support log has no "post" or "another way": a letter is logged as handed over in person,
# the nearest; the contact's body names the real way. The rest are forms, which the log calls
# web forms.
CONTACT_CHANNELS = {
    Sending.Channel.APP_FORM: "web_form",
    Sending.Channel.EMAIL: "email",
    Sending.Channel.WEB_FORM: "web_form",
    Sending.Channel.PORTAL: "web_form",
    Sending.Channel.POST: "in_person",
    Sending.Channel.OTHER: "web_form",
}
SUMMARIES = {
    Sending.Kind.APPEAL: "Sent the appeal",
    Sending.Kind.PROTECTIVE: "Sent a protective appeal",
}


def do_mark_sent(
    *,
    case: Case,
    actor: User | None,
    sent_at: datetime,
    channel: str,
    reference: str = "",
    note: str = "",
    kind: str = Sending.Kind.APPEAL,
    proof: Sequence[Upload] = (),
    now: datetime | None = None,
) -> Sending:
    """The driver's word that the appeal went out. Its proof files are kept as evidence
    through the locker's own action (its limits and sniffing), linked to a support-log contact
    to the platform and to the sending; a refused file stores nothing at all."""
    now = now or timezone.now()
    reference = " ".join(reference.split())
    _check_sending(case, sent_at=sent_at, channel=channel, kind=kind, reference=reference, now=now)
    summary = SUMMARIES[Sending.Kind(kind)]
    how = Sending.Channel(channel).label
    body = f"How: {how}." + (f" Reference: {reference}." if reference else "")
    with transaction.atomic():
        try:
            contact = do_add_contact(
                case=case,
                actor=actor,
                channel=CONTACT_CHANNELS[Sending.Channel(channel)],
                direction="to_platform",
                at=sent_at,
                summary=summary,
                body=f"{body}\n{note.strip()}".strip(),
                tickets=[reference] if reference else [],
                files=proof,
                # Marks the contact as the appeal, so the support log follows it up at the
                # platform's pace rather than after the flat few days.
                source_key=f"{APPEAL_SENT_PREFIX}{uuid4().hex}",
            )
        except CommsInputError as error:  # a refused file: the transaction keeps nothing
            raise SendingInputError(str(error)) from None
        letter = approved_letter(case)
        sending = Sending.objects.create(
            case=case,
            kind=kind,
            sent_at=sent_at,
            channel=channel,
            reference=reference,
            note=note.strip(),
            letter=letter,
            recorded_by=actor,
        )
        items = list(contact.attachments.all())
        sending.proof.set(items)
        record_event(
            kind=EventKind.APPEAL_SENT,
            actor=actor,
            case_id=case.pk,
            data={
                "sending": sending.pk,
                "kind": kind,
                "channel": channel,
                "sent_at": sent_at.isoformat(),
                "reference": reference,
                "letter": letter.number if letter else None,
                "proof": [item.pk for item in items],
                "contact": contact.pk,
            },
        )
    return sending


def _check_sending(
    case: Case, *, sent_at: datetime, channel: str, kind: str, reference: str, now: datetime
) -> None:
    if sent_at.tzinfo is None or sent_at.utcoffset() is None:
        raise SendingInputError("The time needs a time zone offset, like 2026-11-03T10:00-08:00.")
    if sent_at > now + CLOCK_SLACK:
        raise SendingInputError(
            _("That time is in the future. Enter when you sent it (now or earlier).")
        )
    if sent_at < case.received_at:
        received = case.received_at.astimezone(case.tz)
        raise SendingInputError(
            _("That is before the notice arrived (%(when)s). Enter when you sent it.")
            % {"when": _when(received)}
        )
    if channel not in Sending.Channel.values:
        raise SendingInputError(
            f"Say how you sent it: one of {', '.join(Sending.Channel.values)} (got {channel!r})."
        )
    if kind not in Sending.Kind.values:
        raise SendingInputError(f"Unknown kind of sending {kind!r}: appeal or protective.")
    if len(reference) > REFERENCE_MAX:
        raise SendingInputError(
            _("The reference is too long (%(count)s characters; at most %(most)s).")
            % {"count": len(reference), "most": REFERENCE_MAX}
        )


@dataclass(frozen=True)
class Decided:
    decision: Decision
    # When the platform's message reads as the other answer: said, not refused (the reader
    # can be wrong; the driver knows what they were told).
    warning: str = ""
    # What the message reads as (a notice kind, "" for none): the warning again, in another
    # language, is `disagreement(decision.outcome, read_as)`.
    read_as: str = ""


def do_record_decision(
    *,
    case: Case,
    actor: User,
    outcome: str,
    decided_on: date,
    message: str = "",
    now: datetime | None = None,
) -> Decided:
    """Record the platform's decision. Granted closes the case as reinstated on that day, so
    the plan is watched from then; the others keep the case open for what can come next."""
    now = now or timezone.now()
    message = message.strip()
    _check_decision(case, outcome=outcome, decided_on=decided_on, message=message, now=now)
    read_as = ""
    if message:
        reading = read_notice(message, received=now, tz=case.tz, platform_hint=case.platform)
        read_as = reading.kind
    with transaction.atomic():
        decision = Decision.objects.create(
            case=case,
            outcome=outcome,
            decided_on=decided_on,
            message=message,
            recorded_by=actor,
        )
        record_event(
            kind=EventKind.APPEAL_DECIDED,
            actor=actor,
            case_id=case.pk,
            data={
                "decision": decision.pk,
                "outcome": outcome,
                "decided_on": decided_on.isoformat(),
                "message_reads_as": read_as or None,
            },
        )
        if outcome == Decision.Outcome.GRANTED:
            try:
                do_set_case_outcome(
                    case=case,
                    actor=actor,
                    outcome=Case.Outcome.REINSTATED,
                    reinstated_on=decided_on,
                    now=now,
                )
            except CaseInputError as error:
                raise SendingInputError(str(error)) from None
    return Decided(decision, disagreement(outcome, read_as), read_as)


def _check_decision(
    case: Case, *, outcome: str, decided_on: date, message: str, now: datetime
) -> None:
    if outcome not in Decision.Outcome.values:
        raise SendingInputError(
            f"Say what they decided: one of {', '.join(Decision.Outcome.values)} (got {outcome!r})."
        )
    tz = case.tz
    if decided_on > now.astimezone(tz).date():
        raise SendingInputError(_("That day is in the future. Enter the day they decided."))
    received = case.received_at.astimezone(tz)
    if decided_on < received.date():
        raise SendingInputError(
            _("That day is before the notice arrived (%(when)s). Enter the day they decided.")
            % {"when": _when(received)}
        )
    if len(message) > MESSAGE_MAX_CHARS:
        raise SendingInputError(
            _("The message is too long (%(count)s characters; at most %(most)s).")
            % {"count": len(message), "most": MESSAGE_MAX_CHARS}
        )


def disagreement(outcome: str, read_as: str) -> str:
    """The warning when the platform's message reads as another answer than the one recorded."""
    if read_as == "appeal_granted" and outcome != Decision.Outcome.GRANTED:
        return _(
            "Their message reads as if your appeal was granted. Check it: if your account is "
            "back, record the decision again as granted."
        )
    if read_as == "appeal_denied" and outcome in (
        Decision.Outcome.GRANTED,
        Decision.Outcome.NO_ANSWER,
    ):
        return _(
            "Their message reads as if your appeal was denied. Check it: if it was, record the "
            "decision again as denied."
        )
    return ""


def _when(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}, {moment:%H:%M}"


# Requests whose sending starts a legal clock the options page counts.
CLOCKED_REQUESTS = ("fcra_dispute", "data_access_request")


def do_mark_request_sent(
    *, case: Case, actor: User, option: str, sent_on: date, reference: str = "", today: date
) -> RequestSent:
    """Record the day a dispute or a data request went out: its answer is due from then."""
    if option not in CLOCKED_REQUESTS:
        raise SendingInputError("Only a dispute or a request for your data has a clock to start.")
    if sent_on > today:
        raise SendingInputError(_("That day has not come yet: give the day you sent it."))
    if sent_on < case.received_at.astimezone(case.tz).date() - timedelta(days=365):
        raise SendingInputError(_("That day is long before your notice: check the year."))
    reference = reference.strip()
    if len(reference) > REFERENCE_MAX:
        raise SendingInputError(
            _("The reference is longer than %(most)s characters.") % {"most": REFERENCE_MAX}
        )
    with transaction.atomic():
        row = RequestSent.objects.create(
            case=case, option=option, sent_on=sent_on, reference=reference, recorded_by=actor
        )
        record_event(
            kind=EventKind.APPEAL_REQUEST_SENT,
            actor=actor,
            case_id=case.pk,
            data={"option": option, "sent_on": sent_on.isoformat(), "request": row.pk},
        )
    return row
