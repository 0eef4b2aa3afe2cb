"""Deadline reminders: an email 72 and 24 hours before the appeal deadline while nothing is
marked sent (rules/deadlines/reminders.py says which is due); the 24-hour one offers the short
protective appeal. Called from `reinstate remind`, so one cron line sends everything.

Sent once, however often cron runs: each email's audit event (CASE_DEADLINE_REMINDED, with the
hours and the deadline it was for) is the record that it went. It is written in the same
transaction as the sending, so an email that fails is rolled back and tried again on the next
run; and the transaction first takes the audit chain's head row (the lock every event takes
anyway), so two runs at once queue there and the second finds the first's event. No table of
its own: the audit log already keeps every write, for good. The deadline is part of the record:
when the deadline moves (the driver corrects when the notice arrived), the reminders for the new
one are sent.

Like the support log's follow-ups (comms/remind.py), the email goes to the case's owner, the
driver, even when the case is shared with an organisation.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from reinstate.appeals.models import Sending
from reinstate.appeals.queries import appeal_sent
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent, ChainHead
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_title
from reinstate.compose.journey import next_card
from reinstate.lib.dates import when
from reinstate.rules.deadlines.arithmetic import as_utc
from reinstate.rules.deadlines.reminders import PROTECTIVE_HOURS, REMINDER_HOURS, due_reminder
from reinstate.rules.deadlines.work_plan import countdown_text

log = logging.getLogger(__name__)


def deadline_reminders(*, now: datetime) -> Counter[str]:
    """Email each open case's owner the deadline reminder due now, if any."""
    counts: Counter[str] = Counter()
    near = (
        Case.objects.filter(
            status=Case.Status.OPEN,
            deadline__gt=now,
            deadline__lte=now + timedelta(hours=max(REMINDER_HOURS)),
        )
        .exclude(pk__in=Sending.objects.values("case_id"))
        .select_related("owner")
        .order_by("pk")
    )
    for case in near:
        if _due(case, now=now) is None:
            continue
        if not case.owner.email:
            counts["deadlines_no_email"] += 1
            continue
        try:
            if do_send_deadline_reminder(case=case, now=now):
                counts["emails"] += 1
                counts["deadlines"] += 1
        except Exception:  # an SMTP or template error: log it, keep going, report it
            log.exception("deadline reminder for case %s failed", case.pk)
            counts["failed"] += 1
    return counts


def do_send_deadline_reminder(*, case: Case, now: datetime) -> int | None:
    """Email the reminder due now (72 or 24 hours) unless it went already; its hours, or None
    when none was due (or another run sent it a moment ago)."""
    with transaction.atomic():
        ChainHead.objects.select_for_update().get_or_create(pk=1)  # runs at once queue here
        case.refresh_from_db(fields=["status", "deadline"])  # as it is now, not as listed
        hours = _due(case, now=now)
        if hours is None:
            return None
        subject, body = _email(case, hours, now=now)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [case.owner.email])
        record_event(
            kind=EventKind.CASE_DEADLINE_REMINDED,
            actor=None,
            case_id=case.pk,
            data={"hours": hours, "deadline": _deadline_key(case)},
        )
    return hours


def _due(case: Case, *, now: datetime) -> int | None:
    return due_reminder(
        case.deadline,
        now=now,
        sent=appeal_sent(case),
        closed=case.status == Case.Status.CLOSED,
        reminded=_reminded(case),
    )


def _deadline_key(case: Case) -> str:
    return as_utc(case.deadline).isoformat() if case.deadline else ""


def _reminded(case: Case) -> set[int]:
    """The hours of the reminders already sent for the case's deadline as it is now."""
    events = AuditEvent.objects.filter(
        kind=EventKind.CASE_DEADLINE_REMINDED, case_id_ref=case.pk
    ).values_list("data", flat=True)
    key = _deadline_key(case)
    return {int(data["hours"]) for data in events if data.get("deadline") == key}


def _email(case: Case, hours: int, *, now: datetime) -> tuple[str, str]:
    """The subject and body, in the language the driver chose (English when they chose none)."""
    with translation.override(case.owner.language or "en"):
        return _email_in_language(case, hours, now=now)


def _email_in_language(case: Case, hours: int, *, now: datetime) -> tuple[str, str]:
    assert case.deadline is not None  # a reminder is due only before a deadline
    left = countdown_text(case.deadline, now=now)
    card = next_card(case, now=now)
    title = case_title(case)
    body = render_to_string(
        "compose/email/deadline.txt",
        {
            "user": case.owner,
            "title": title,
            "deadline": when(case.deadline.astimezone(case.tz), "moment_zone"),
            "left": left,
            "next": card.next,
            "next_url": card.url,
            "protective": hours <= PROTECTIVE_HOURS,
            # The full appeal is ready to send: then sending it is the one next step, and the
            # protective appeal only the fallback.
            "ready": card.next is not None and card.next.page == "appeals:step_send",
            "protective_url": reverse("appeals:protective", kwargs={"case_id": case.pk}),
            "send_url": reverse("appeals:step_send", kwargs={"case_id": case.pk}),
            "case_url": reverse("cases:detail", args=[case.pk]),
            "site": settings.SITE_URL,
        },
    )
    subject = _("Reinstate: %(left)s to send your %(title)s") % {"left": left, "title": title}
    return subject, body
