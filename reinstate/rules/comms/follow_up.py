"""When to follow up with support: they have not answered the driver's last message in N days.

Pure, no Django, `now` passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from reinstate.rules.deadlines.arithmetic import require_aware

# The source key of the support-log contact that records the appeal being sent: its follow-up
# keeps the platform's pace (rules/appeal/waiting.py), not the flat N days.
APPEAL_SENT_PREFIX = "appeal-sent:"


@dataclass(frozen=True)
class Exchange:
    id: int
    at: datetime
    direction: str  # "to_platform" or "from_platform"
    # When this message has a pace of its own (the appeal: the platform's review time), the
    # moment to follow up on it; None for the flat N days.
    due_at: datetime | None = None


@dataclass(frozen=True)
class FollowUp:
    contact_id: int  # the driver's first message support has not answered
    asked_at: datetime
    due_at: datetime
    due: bool  # the N days have passed


def follow_up(exchanges: Iterable[Exchange], *, now: datetime, days: int) -> FollowUp | None:
    """The unanswered message to follow up on, if any. An answer after it (any message from the
    platform) closes it; of several unanswered messages, the first sets the clock."""
    require_aware(now)
    waiting: Exchange | None = None
    for exchange in sorted(exchanges, key=lambda e: (e.at, e.id)):
        if exchange.direction == "from_platform":
            waiting = None
        elif waiting is None:
            waiting = exchange
    if waiting is None:
        return None
    due_at = waiting.due_at or waiting.at + timedelta(days=days)
    return FollowUp(waiting.id, waiting.at, due_at, due=now >= due_at)
