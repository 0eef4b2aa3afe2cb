"""Keeping the stored alerts in step with the warnings the numbers give now."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import translation

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.health.assessment import Assessment, assess
from reinstate.health.models import Alert


def sync_alerts(*, owner: User, platform: str, now: datetime) -> list[Alert]:
    """Open an alert for each new warning, close those whose cause has gone; the open ones.

    Runs inside the caller's transaction (after a block is recorded, a level set, a file
    imported) and from `reinstate remind`. An alert is one per cause (its key): while the cause
    lasts its words are brought up to date, so it is emailed once, not at every change.
    """
    with translation.override("en"):  # kept in English; each reader sees their language
        notes = {note.key: note for note in assess(owner, platform, as_of=now).alerts}
    with transaction.atomic():
        current = {
            alert.key: alert
            for alert in Alert.objects.select_for_update().filter(
                owner=owner, platform=platform, resolved_at__isnull=True
            )
        }
        for key, alert in current.items():
            note = notes.get(key)
            if note is None:
                alert.resolved_at = now
                alert.save(update_fields=["resolved_at"])
            elif (alert.title, alert.detail) != (note.title, note.detail):
                alert.title, alert.detail = note.title[:300], note.detail
                alert.save(update_fields=["title", "detail"])
        for key, note in notes.items():
            if key in current:
                continue
            current[key] = Alert.objects.create(
                owner=owner,
                platform=platform,
                key=key[:200],
                kind=note.kind,
                title=note.title[:300],
                detail=note.detail,
                opened_at=now,
            )
            record_event(
                kind=EventKind.HEALTH_ALERT_OPENED,
                actor=None,
                data={"owner": owner.username, "platform": platform, "key": key},
            )
    return [alert for key, alert in current.items() if key in notes]


def shown_alerts(alerts: list[Alert], assessment: Assessment) -> list[Alert]:
    """The open alerts with their words in the reader's language.

    An alert keeps its words in English (it is stored once for every reader); the same warning,
    worked out now in the active language, gives them again by its key. Nothing is saved.
    """
    notes = {note.key: note for note in assessment.alerts}
    for alert in alerts:
        note = notes.get(alert.key)
        if note is not None:
            alert.title, alert.detail = note.title[:300], note.detail
    return alerts
