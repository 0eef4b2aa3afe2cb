"""What `reinstate remind` sends: document reminders, new alerts and the weekly check-in.

Safe to run twice (cron may): each thing sent is recorded in ``ReminderSent`` under a key in
the same transaction as the sending, so a second run finds it and sends nothing; an email that
fails is rolled back and tried again on the next run. Two runs at once queue on the key's
uniqueness.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.health import queries
from reinstate.health.alerts import shown_alerts, sync_alerts
from reinstate.health.assessment import assess
from reinstate.health.imports import do_purge_stale_imports
from reinstate.health.models import Alert, Document, ReminderSent
from reinstate.health.presenters.checkin import checkin
from reinstate.lib.dates import when
from reinstate.lib.page_context import page_context
from reinstate.rules.health import expiry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Item:
    key: str
    text: str


def document_items(documents: list[Document], today: datetime) -> list[Item]:
    items = []
    for document in documents:
        stage = expiry.reminder_stage(document.expires_on, today.date())
        if stage is None:
            continue
        items.append(
            Item(
                key=f"document:{document.pk}:{document.expires_on.isoformat()}:{stage}",
                text=_(
                    "%(name)s %(when)s (%(day)s). Renew it before it lapses: an expired document "
                    "can get your account deactivated, and it is the easiest reason to prevent."
                )
                % {
                    "name": document.name,
                    "when": expiry.describe(document.expires_on, today.date()),
                    "day": when(document.expires_on, "day"),
                },
            )
        )
    return items


def alert_items(alerts: list[Alert]) -> list[Item]:
    return [
        Item(
            key=f"alert:{a.pk}",
            text=_("%(title)s. %(detail)s") % {"title": a.title, "detail": a.detail},
        )
        for a in alerts
    ]


def weekly_key(local_now: datetime) -> str:
    year, week, _ = local_now.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def send_once(user: User, keys: list[str], *, subject: str, body: str, now: datetime) -> bool:
    """Send unless every key was sent already; keys already sent are left out by the caller."""
    try:
        with transaction.atomic():
            for key in keys:
                ReminderSent.objects.create(owner=user, key=key, sent_at=now)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            record_event(
                kind=EventKind.HEALTH_REMINDER_SENT,
                actor=None,
                data={"owner": user.username, "keys": keys},
            )
    except IntegrityError:  # another run sent it a moment ago
        return False
    return True


def _unsent(user: User, items: list[Item]) -> list[Item]:
    sent = set(
        ReminderSent.objects.filter(owner=user, key__in=[i.key for i in items]).values_list(
            "key", flat=True
        )
    )
    return [item for item in items if item.key not in sent]


def remind_user(user: User, *, now: datetime, counts: Counter[str]) -> None:
    local_now = now.astimezone(ZoneInfo(user.time_zone))
    platforms = queries.active_platforms(user)
    for platform in platforms:
        sync_alerts(owner=user, platform=platform, now=now)
    documents = queries.documents(user)
    if not user.email:
        if platforms or documents:
            counts["skipped_no_email"] += 1
        return
    with translation.override(user.language or "en"):  # the email is in the driver's language
        _send_due(user, platforms, documents, now=now, local_now=local_now, counts=counts)


def _in_language(
    user: User, alerts: list[Alert], platforms: list[str], now: datetime
) -> list[Alert]:
    """The open alerts' words in the active language (they are kept in English)."""
    for platform in platforms:
        found = [a for a in alerts if a.platform == platform]
        if found:
            shown_alerts(found, assess(user, platform, as_of=now))
    return alerts


def _send_due(
    user: User,
    platforms: list[str],
    documents: list[Document],
    *,
    now: datetime,
    local_now: datetime,
    counts: Counter[str],
) -> None:
    documents_due = _unsent(user, document_items(documents, local_now))
    alerts_new = _unsent(user, alert_items(queries.open_alerts(user)))
    if alerts_new:
        alerts_new = _unsent(
            user, alert_items(_in_language(user, queries.open_alerts(user), platforms, now))
        )
    if documents_due or alerts_new:
        body = render_to_string(
            "health/email/reminders.txt",
            {
                "user": user,
                "documents": documents_due,
                "alerts": alerts_new,
                "site": settings.SITE_URL,
            },
        )
        things = len(documents_due) + len(alerts_new)
        subject = ngettext(
            "Reinstate: %(count)s thing to check", "Reinstate: %(count)s things to check", things
        ) % {"count": things}
        keys = [i.key for i in documents_due + alerts_new]
        if send_once(user, keys, subject=subject, body=body, now=now):
            counts["emails"] += 1
            counts["documents"] += len(documents_due)
            counts["alerts"] += len(alerts_new)
    key = weekly_key(local_now)
    if (platforms or documents) and not ReminderSent.objects.filter(owner=user, key=key).exists():
        body = render_to_string(
            "health/email/checkin.txt",
            {**page_context(checkin(user, now=now)), "site": settings.SITE_URL},
        )
        subject = _("Reinstate: your weekly check-in")
        if send_once(user, [key], subject=subject, body=body, now=now):
            counts["emails"] += 1
            counts["checkins"] += 1


def run_reminders(*, now: datetime) -> Counter[str]:
    """Every active user once; one user's failing email does not stop the others. Uploads
    never confirmed are dropped on the way."""
    counts: Counter[str] = Counter()
    counts["stale_imports"] = do_purge_stale_imports(now=now)
    for user in User.objects.filter(is_active=True).order_by("pk"):
        counts["users"] += 1
        try:
            remind_user(user, now=now, counts=counts)
        except Exception:  # an SMTP or template error: log it, keep going, report it
            log.exception("reminders for user %s failed", user.pk)
            counts["failed"] += 1
    return counts
