"""Follow-up reminders: support has not answered in N days, so the driver is told by email.

Called from `reinstate remind` (reinstate/health/management/commands/remind.py), so one cron
line sends everything. Safe to run twice: each reminder is recorded (FollowUpSent, one per
unanswered message) in the same transaction as the sending, so a second run sends nothing; an
email that fails is rolled back and tried again next time.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_title
from reinstate.comms.imports import drop_stale_imports
from reinstate.comms.models import Contact, FollowUpSent
from reinstate.comms.presenters import case_follow_up
from reinstate.rules.comms.deadline_confirmation import format_moment

log = logging.getLogger(__name__)


def comms_reminders(*, now: datetime) -> Counter[str]:
    """What `reinstate remind` runs for the support log."""
    counts = send_follow_ups(now=now)
    drop_stale_imports(now=now)
    return counts


def send_follow_ups(*, now: datetime) -> Counter[str]:
    """Email each open case's owner once per unanswered message whose follow-up is due."""
    counts: Counter[str] = Counter()
    cases = (
        Case.objects.filter(status=Case.Status.OPEN, contacts__direction="to_platform")
        .select_related("owner")
        .distinct()
        .order_by("pk")
    )
    for case in cases:
        follow = case_follow_up(case, now=now)
        if follow is None or not follow.due:
            continue
        if FollowUpSent.objects.filter(contact_id=follow.contact_id).exists():
            continue
        if not case.owner.email:
            counts["follow_ups_no_email"] += 1
            continue
        try:
            if _send(case, follow.contact_id, now=now):
                counts["emails"] += 1
                counts["follow_ups"] += 1
        except Exception:  # an SMTP or template error: log it, keep going, report it
            log.exception("follow-up reminder for case %s failed", case.pk)
            counts["failed"] += 1
    return counts


def _send(case: Case, contact_id: int, *, now: datetime) -> bool:
    contact = Contact.objects.prefetch_related("tickets").get(pk=contact_id)
    # The email is written in the language its reader chose (English until they choose one).
    with translation.override(case.owner.language or "en"):
        body = render_to_string(
            "comms/email/follow_up.txt",
            {
                "user": case.owner,
                "asked_at": format_moment(contact.at, ZoneInfo(case.time_zone)),
                "title": case_title(case),
                "days": settings.FOLLOW_UP_DAYS,
                "tickets": [t.number for t in contact.tickets.all()],
                "case_id": case.pk,
                "site": settings.SITE_URL,
                "log_url": f"{settings.SITE_URL}/cases/{case.pk}/support/",
            },
        )
        subject = _("Reinstate: follow up with support (%(case)s)") % {"case": case_title(case)}
    try:
        with transaction.atomic():
            FollowUpSent.objects.create(contact=contact, sent_at=now)
            send_mail(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [case.owner.email],
            )
            record_event(
                kind=EventKind.COMMS_FOLLOW_UP_SENT,
                actor=None,
                case_id=case.pk,
                data={"contact": contact.pk},
            )
    except IntegrityError:  # another run sent it a moment ago
        return False
    return True
