"""Documents that expire: how long is left, and which reminder is due.

Pure, no Django; ``today`` is passed in. An expired document is the most fixable
deactivation (Washington's rideshare driver centre and Uber call it among the most common; we have
no figure for other apps), so reminders come 30, 7 and 1 days ahead, and once more when the
date has come. The date kept is the first day the document is no longer valid.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from reinstate.lib.i18n import _, gettext_noop, ngettext

REMINDER_DAYS = (30, 7, 1)
EXPIRED = 0  # the stage of the reminder sent on or after the date

# English, as kept; shown through _().
DOCUMENT_KINDS: Mapping[str, str] = {
    "driving_licence": gettext_noop("Driving licence"),
    "insurance": gettext_noop("Vehicle insurance"),
    "registration": gettext_noop("Vehicle registration"),
    "background_check": gettext_noop("Background check renewal"),
    "inspection": gettext_noop("Vehicle inspection"),
    "other": gettext_noop("Other document"),
}

Status = Literal["ok", "soon", "urgent", "expired"]


def days_left(expires_on: date, today: date) -> int:
    return (expires_on - today).days


def reminder_stage(expires_on: date, today: date) -> int | None:
    """The reminder due now: 30, 7 or 1 (days ahead), 0 once expired, None if none yet.

    Only the nearest stage is due, so a document added 5 days ahead gets the 7-day reminder
    and not the 30-day one as well.
    """
    left = days_left(expires_on, today)
    if left <= 0:
        return EXPIRED
    for stage in sorted(REMINDER_DAYS):
        if left <= stage:
            return stage
    return None


def status(expires_on: date, today: date) -> Status:
    left = days_left(expires_on, today)
    if left <= 0:
        return "expired"
    if left <= 7:
        return "urgent"
    if left <= 30:
        return "soon"
    return "ok"


def describe(expires_on: date, today: date) -> str:
    """'expires in 6 days', 'expires tomorrow', 'expired 3 days ago'."""
    left = days_left(expires_on, today)
    if left == 0:
        return _("expires today")
    if left == 1:
        return _("expires tomorrow")
    if left > 1:
        return ngettext("expires in %(days)s day", "expires in %(days)s days", left) % {
            "days": left
        }
    if left == -1:
        return _("expired yesterday")
    return ngettext("expired %(days)s day ago", "expired %(days)s days ago", -left) % {
        "days": -left
    }
