"""Ready-to-send drafts of messages to a platform's support team.

Pure, no Django. A draft states only what the caller passes in (the platform, when the notice
arrived, ticket numbers) and asks questions; it never asserts facts about the driver. The
driver reads and edits it before sending.

The words are marked for translation, but support reads English: the pages make the drafts
with the language set to English (comms/drafts.py, the case page), so they stay English.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from reinstate.lib import i18n
from reinstate.lib.dates import when
from reinstate.lib.i18n import _, ngettext
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.deadlines.arithmetic import require_aware

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def draft_deadline_confirmation(
    *,
    platform_name: str | None,
    reason_title: str | None,
    received: datetime,
    tz: ZoneInfo,
    ticket_numbers: list[str],
) -> str:
    """A short, polite message asking support to confirm the appeal deadline.

    It also asks for the exact reason and how to submit. ``reason_title`` is given as the
    driver's understanding, not as a fact, and left out for the "unknown" reason.
    """
    require_aware(received)
    lines = [opening_sentence(platform_name, received, tz)]
    reason = (reason_title or "").strip()
    # "Reason not given" is no reason to quote back to support.
    if reason and reason != load_catalogue().reason("unknown").title:
        # A title reads as a phrase inside the sentence: "it concerns background check".
        concerns = _("As I understand it, it concerns %(reason)s.")
        lines[0] += " " + concerns % {"reason": f"{reason[0].lower()}{reason[1:]}"}
    lines[0] += ticket_sentence(ticket_numbers)

    return "\n".join(
        [
            _("Hello,"),
            "",
            *lines,
            "",
            _("Could you please confirm:"),
            _("1. The exact deadline for my appeal, with the date, time and time zone."),
            _("2. The exact reason for the action on my account, and the policy it relates to."),
            _("3. How I should submit my appeal, and which documents you need from me."),
            "",
            _("I want to make sure my appeal is complete and on time. Thank you for your help."),
        ]
    )


def opening_sentence(platform_name: str | None, received: datetime, tz: ZoneInfo) -> str:
    """ "On November 10, 2026 at 10:30 PM EST, I received a message from Uber about my
    account." """
    name = (platform_name or "").strip()
    moment = format_moment(received, tz)
    if name:
        return _("On %(moment)s, I received a message from %(platform)s about my account.") % {
            "moment": moment,
            "platform": name,
        }
    return _("On %(moment)s, I received a message about my account.") % {"moment": moment}


def ticket_sentence(ticket_numbers: list[str]) -> str:
    """ " My ticket number is 123." (with its leading space), or "" without tickets."""
    tickets = _unique(ticket_numbers)
    if not tickets:
        return ""
    sentence = ngettext(
        "My ticket number is %(tickets)s.", "My ticket numbers are %(tickets)s.", len(tickets)
    )
    return " " + sentence % {"tickets": _join(tickets)}


def format_moment(moment: datetime, tz: ZoneInfo) -> str:
    """'November 10, 2026 at 10:30 PM EST', as the US platforms write it; in another language
    (an email to a driver who reads Spanish) its own way: '10 de noviembre de 2026 a las 22:30
    EST'."""
    local = require_aware(moment).astimezone(tz)
    zone = local.tzname() or str(tz)
    if i18n.language() != "en":
        return _("%(date)s at %(time)s %(zone)s") % {
            "date": when(local, "date_long"),
            "time": when(local, "time"),
            "zone": zone,
        }
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return (
        f"{_MONTHS[local.month - 1]} {local.day}, {local.year} "
        f"at {hour}:{local.minute:02d} {half} {zone}"
    )


def _unique(values: list[str]) -> list[str]:
    """Ticket numbers in order, without blanks or repeats."""
    seen: list[str] = []
    for value in values:
        cleaned = value.strip()
        if cleaned and cleaned not in seen:
            seen.append(cleaned)
    return seen


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}
