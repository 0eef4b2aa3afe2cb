"""The work planned back from the deadline, and how urgent it is.

Pure, no Django; ``now`` is always an argument. The plan leaves a safety margin before the
deadline and finishes early in a long window: evidence fades and income has stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from reinstate.rules.deadlines.arithmetic import as_utc

Urgency = Literal["overdue", "due_soon", "upcoming", "none"]
DUE_SOON = timedelta(hours=72)


@dataclass(frozen=True)
class PlanStep:
    key: str  # "gather", "write", "review", "submit"; "send_now" when the deadline has passed
    title: str
    detail: str  # plain language
    starts: datetime  # aware, in tz
    due: datetime  # aware, in tz
    rushed: bool = False  # True when there is too little time for a comfortable plan


# (key, title, detail, rushed detail, share of the working time, longest it should take).
# The caps keep a long window (DoorDash gives a year) from spreading the work thin: evidence
# fades and income has stopped, so the plan finishes early and leaves the rest as spare time.
_STEPS = (
    (
        "gather",
        "Gather your evidence",
        "Collect the notice, screenshots, photos, delivery or trip records and every message "
        "with support. Keep the originals as they are.",
        "Time is short: collect only the notice and the one or two pieces of evidence that "
        "matter most.",
        0.35,
        timedelta(days=3),
    ),
    (
        "write",
        "Write your explanation and plan",
        "Say what happened, truthfully and briefly, name the rule involved, and set out the "
        "specific steps you are taking so it does not happen again.",
        "Time is short: write a few honest sentences on what happened and what you will do "
        "differently.",
        0.35,
        timedelta(days=2),
    ),
    (
        "review",
        "Check everything",
        "Read it through once more: are the facts and dates right, is every piece of evidence "
        "attached, is it polite? If you can, ask someone you trust to read it.",
        "Time is short: read it through once for facts and dates.",
        0.20,
        timedelta(days=1),
    ),
    (
        "submit",
        "Send your appeal",
        "Send it the way the notice says, and keep a copy and any confirmation or ticket number.",
        "Time is short: send it the way the notice says, and keep a copy. A short, honest "
        "appeal on time is better than a perfect one too late.",
        0.10,
        timedelta(days=1),
    ),
)
RUSHED_BELOW = timedelta(hours=48)
MAX_MARGIN = timedelta(days=1)


def plan_work(deadline: datetime, *, now: datetime, tz: ZoneInfo) -> list[PlanStep]:
    """The steps from now to the deadline, in order, back to back, all due before it.

    A safety margin (a day, or a quarter of the time left if that is less) is kept free
    before the deadline so that a late problem does not sink the appeal.
    """
    start, end = as_utc(now), as_utc(deadline)
    if end <= start:
        return [
            PlanStep(
                key="send_now",
                title="Send your appeal now",
                detail="The deadline has passed. Send what you have as soon as you can, and ask "
                "support whether a late appeal can still be considered.",
                starts=now.astimezone(tz),
                due=now.astimezone(tz),
                rushed=True,
            )
        ]
    total = end - start
    rushed = total < RUSHED_BELOW
    margin = min(MAX_MARGIN, total / 4)
    working = total - margin
    steps = []
    step_start = start
    boundary = start
    for index, (key, title, detail, rushed_detail, share, cap) in enumerate(_STEPS):
        boundary = boundary + min(working * share, cap)
        due = max(step_start, _round_down(boundary, to_hour=not rushed))
        text = rushed_detail if rushed else detail
        if index == len(_STEPS) - 1:
            text += f" This leaves {_duration_words(end - due)} spare before the deadline."
        steps.append(
            PlanStep(
                key=key,
                title=title,
                detail=text,
                starts=step_start.astimezone(tz),
                due=due.astimezone(tz),
                rushed=rushed,
            )
        )
        step_start = due
    return steps


def _round_down(moment: datetime, *, to_hour: bool) -> datetime:
    """Whole hours (whole minutes when time is short) read better than 06:37:12.

    Rounding down never moves a due time later. Done in UTC, so every zone whose offset
    is a whole number of hours sees whole local hours.
    """
    moment = moment.replace(second=0, microsecond=0)
    return moment.replace(minute=0) if to_hour else moment


# --------------------------------------------------------------------------- countdown


def urgency(deadline: datetime | None, *, now: datetime) -> Urgency:
    """'overdue', 'due_soon' (within 72 hours), 'upcoming', or 'none' without a deadline."""
    if deadline is None:
        return "none"
    left = as_utc(deadline) - as_utc(now)
    if left < timedelta(0):
        return "overdue"
    return "due_soon" if left <= DUE_SOON else "upcoming"


def countdown_text(deadline: datetime | None, *, now: datetime) -> str:
    """'2 days 4 hours left', '3 hours left', 'overdue by 1 day'; rounded down."""
    if deadline is None:
        return "no deadline"
    left = as_utc(deadline) - as_utc(now)
    if left < timedelta(0):
        return f"overdue by {_duration_words(-left)}"
    return f"{_duration_words(left)} left"


def _duration_words(span: timedelta) -> str:
    days, seconds = span.days, span.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if days:
        return _count(days, "day") + (f" {_count(hours, 'hour')}" if hours else "")
    if hours:
        return _count(hours, "hour")
    if minutes:
        return _count(minutes, "minute")
    return "less than a minute"


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"
