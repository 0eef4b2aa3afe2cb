"""Ready-to-send drafts of messages to a platform's support team.

Pure, no Django. A draft states only what the caller passes in (the platform, when the notice
arrived, ticket numbers) and asks questions; it never asserts facts about the driver. The
driver reads and edits it before sending.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

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
    name = (platform_name or "").strip()
    sender = f" from {name}" if name else ""
    opening = f"On {format_moment(received, tz)}, I received a message{sender} about my account."
    lines = [opening]
    reason = (reason_title or "").strip()
    # "Reason not given" is no reason to quote back to support.
    if reason and reason != load_catalogue().reason("unknown").title:
        # A title reads as a phrase inside the sentence: "it concerns background check".
        lines[0] += f" As I understand it, it concerns {reason[0].lower()}{reason[1:]}."
    lines[0] += ticket_sentence(ticket_numbers)

    return "\n".join(
        [
            "Hello,",
            "",
            *lines,
            "",
            "Could you please confirm:",
            "1. The exact deadline for my appeal, with the date, time and time zone.",
            "2. The exact reason for the action on my account, and the policy it relates to.",
            "3. How I should submit my appeal, and which documents you need from me.",
            "",
            "I want to make sure my appeal is complete and on time. Thank you for your help.",
        ]
    )


def ticket_sentence(ticket_numbers: list[str]) -> str:
    """ " My ticket number is 123." (with its leading space), or "" without tickets."""
    tickets = _unique(ticket_numbers)
    if len(tickets) == 1:
        return f" My ticket number is {tickets[0]}."
    if tickets:
        return f" My ticket numbers are {_join(tickets)}."
    return ""


def format_moment(moment: datetime, tz: ZoneInfo) -> str:
    """'November 10, 2026 at 10:30 PM EST': the same words in any locale."""
    local = require_aware(moment).astimezone(tz)
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    zone = local.tzname() or str(tz)
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
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
