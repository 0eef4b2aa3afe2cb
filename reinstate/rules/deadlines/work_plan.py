"""The work planned back from the deadline, and how urgent it is.

Pure, no Django; ``now`` is always an argument. The plan leaves a safety margin before the
deadline and finishes early in a long window: evidence fades and income has stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _, gettext_noop, ngettext
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
        gettext_noop("Gather your evidence"),
        gettext_noop(
            "Collect the notice, screenshots, photos, delivery or trip records and every message "
            "with support. Keep the originals as they are."
        ),
        gettext_noop(
            "Time is short: collect only the notice and the one or two pieces of evidence that "
            "matter most."
        ),
        0.35,
        timedelta(days=3),
    ),
    (
        "write",
        gettext_noop("Write your explanation and plan"),
        gettext_noop(
            "Say what happened, truthfully and briefly, name the rule involved, and set out the "
            "specific steps you are taking so it does not happen again."
        ),
        gettext_noop(
            "Time is short: write a few honest sentences on what happened and what you will do "
            "differently."
        ),
        0.35,
        timedelta(days=2),
    ),
    (
        "review",
        gettext_noop("Check everything"),
        gettext_noop(
            "Read it through once more: are the facts and dates right, is every piece of evidence "
            "attached, is it polite? If you can, ask someone you trust to read it."
        ),
        gettext_noop("Time is short: read it through once for facts and dates."),
        0.20,
        timedelta(days=1),
    ),
    (
        "submit",
        gettext_noop("Send your appeal"),
        gettext_noop(
            "Send it the way the notice says, and keep a copy and any confirmation or ticket "
            "number."
        ),
        gettext_noop(
            "Time is short: send it the way the notice says, and keep a copy. A short, honest "
            "appeal on time is better than a perfect one too late."
        ),
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
                title=_("Send your appeal now"),
                detail=_(
                    "The deadline has passed. Send what you have as soon as you can, and ask "
                    "support whether a late appeal can still be considered."
                ),
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
        text = _(rushed_detail if rushed else detail)
        if index == len(_STEPS) - 1:
            spare = _("This leaves %(spare)s spare before the deadline.") % {
                "spare": _duration_words(end - due)
            }
            text += " " + spare
        steps.append(
            PlanStep(
                key=key,
                title=_(title),
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
        return _("no deadline")
    left = as_utc(deadline) - as_utc(now)
    if left < timedelta(0):
        return _("overdue by %(time)s") % {"time": _duration_words(-left)}
    return _("%(time)s left") % {"time": _duration_words(left)}


def _duration_words(span: timedelta) -> str:
    days, seconds = span.days, span.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if days and hours:
        # "2 days 4 hours": the two counts as one phrase, in the language's order
        return _("%(days)s %(hours)s") % {"days": _days(days), "hours": _hours(hours)}
    if days:
        return _days(days)
    if hours:
        return _hours(hours)
    if minutes:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    return _("less than a minute")


def _days(number: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", number) % {"count": number}


def _hours(number: int) -> str:
    return ngettext("%(count)d hour", "%(count)d hours", number) % {"count": number}
