"""By when a driver must act, whose rule says so, and the work plan counted back from it.

Pure, no Django; ``now`` and ``received`` are always arguments. Deadlines are conservative:
where readings differ, the earliest reasonable one wins, and every decision carries the rule,
the words and the source it came from, so the driver can see why and check it.

Arithmetic on instants is done in UTC: Python subtracts two datetimes that share a ZoneInfo
by their wall clocks, which is wrong by an hour across a daylight-saving change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from reinstate.rules.catalogue import Catalogue, Law, Window
from reinstate.rules.catalogue_files import load_catalogue
from reinstate.rules.reading import DeadlineSource, NoticeReading
from reinstate.rules.timecalc import add_business_days, add_calendar_days, require_aware

Urgency = Literal["overdue", "due_soon", "upcoming", "none"]
DUE_SOON = timedelta(hours=72)

# How sure a rule is, in words a driver understands.
CONFIDENCE_WORDS = {
    "official": "from an official source",
    "reported": "reported by others, not confirmed from an official source",
    "estimate": "our own cautious estimate, not a published rule",
}


@dataclass(frozen=True)
class LawNote:
    """A law that may apply to the case, why, and the driver's time limit under it, if any."""

    law: Law
    why: str
    deadline: datetime | None = None  # aware, in tz: the end of the law's time limit
    window: Window | None = None  # the law's time limit for the driver, with its source


@dataclass(frozen=True)
class DeadlineDecision:
    deadline: datetime | None  # aware, in the case's time zone
    source: DeadlineSource | None  # "notice", "platform", "law"; None when there is no deadline
    rule: str  # one plain sentence: which rule gave the deadline, or why there is none
    words: str | None  # the notice's own words, when the notice stated the deadline
    confidence: str | None  # "stated" from the notice, else the catalogue's confidence
    source_url: str | None  # where the rule is published (None for the notice itself)
    is_default: bool  # True when a rule supplied the deadline because the notice gave none
    ask_support_to_confirm: bool  # True when the notice stated no deadline
    laws: list[LawNote] = field(default_factory=list)


def decide_deadline(
    reading: NoticeReading,
    *,
    received: datetime,
    tz: ZoneInfo,
    state: str | None,
    city: str | None,
    catalogue: Catalogue | None = None,
) -> DeadlineDecision:
    """The deadline for acting on a notice.

    Precedence: the notice's own deadline; else the platform's window from the catalogue
    (a cautious generic one for an unknown platform, or for a prompt reply); else, where a law
    gives the driver an earlier sourced time limit, the law's. Outcomes that ask nothing of
    the driver have no deadline.
    """
    require_aware(received)
    cat = catalogue or load_catalogue()
    kind = cat.kind(reading.kind)
    platform = cat.platforms.get(reading.platform) if reading.platform else None
    laws = (
        []
        if kind.deadline == "none"
        else _law_notes(cat, reading, received=received, tz=tz, state=state, city=city)
    )

    stated = reading.stated_deadline
    if stated is not None:
        return DeadlineDecision(
            deadline=stated.at.astimezone(tz),
            source="notice",
            rule=f'The notice itself sets this deadline: "{stated.text}".',
            words=stated.text,
            confidence="stated",
            source_url=None,
            is_default=False,
            ask_support_to_confirm=False,
            laws=laws,
        )

    if kind.deadline == "none":
        return DeadlineDecision(
            deadline=None,
            source=None,
            rule=kind.no_deadline_rule
            or "This message asks nothing of you, so there is no deadline.",
            words=None,
            confidence=None,
            source_url=None,
            is_default=False,
            ask_support_to_confirm=False,
            laws=[],
        )

    window = (
        platform.window_for(kind=reading.kind, reason=reading.reason, state=state, city=city)
        if platform is not None
        else cat.generic_window
    )
    deadline = apply_window(window, received, tz)
    if kind.deadline == "prompt":
        # An appeal window is written for deactivations; a warning, a review or an identity
        # check calls for a reply sooner, so the cautious generic limit caps it.
        generic = apply_window(cat.generic_window, received, tz)
        if _utc(generic) < _utc(deadline):
            window, deadline = cat.generic_window, generic

    # A law's time limit for the driver wins only when it ends earlier: the earliest
    # reasonable reading.
    earlier = [
        note for note in laws if note.deadline is not None and _utc(note.deadline) < _utc(deadline)
    ]
    if earlier:
        note = min(earlier, key=lambda n: _utc(n.deadline))
        assert note.window is not None  # a note has a deadline only with a window
        return DeadlineDecision(
            deadline=note.deadline,
            source="law",
            rule=(
                f"The notice states no deadline, and under the {note.law.name} there is an "
                f"earlier limit, {note.window.label}: {note.window.describe()} from when you "
                f"got the notice ({CONFIDENCE_WORDS[note.window.confidence]})."
            ),
            words=None,
            confidence=note.window.confidence,
            source_url=_url(note.window.source),
            is_default=True,
            ask_support_to_confirm=True,
            laws=laws,
        )

    return DeadlineDecision(
        deadline=deadline,
        source="platform",
        rule=(
            f"The notice states no deadline, so we use {window.label}: {window.describe()} "
            f"from when you got the notice ({CONFIDENCE_WORDS[window.confidence]})."
        ),
        words=None,
        confidence=window.confidence,
        source_url=_url(window.source),
        is_default=True,
        ask_support_to_confirm=True,
        laws=laws,
    )


def apply_window(window: Window, start: datetime, tz: ZoneInfo) -> datetime:
    """The end of a window counted from ``start``, at the same local clock time in ``tz``.

    The same clock time rather than the end of that day: the earlier reading.
    """
    if window.unit == "business":
        return add_business_days(start, window.days, tz)
    return add_calendar_days(start, window.days, tz)


def _law_window(law: Law, kind: str, received: datetime, tz: ZoneInfo) -> Window | None:
    """The law's earliest driver time limit for this kind of notice."""
    windows = law.windows_for(kind)
    if not windows:
        return None
    return min(windows, key=lambda w: _utc(apply_window(w, received, tz)))


def _law_notes(
    cat: Catalogue,
    reading: NoticeReading,
    *,
    received: datetime,
    tz: ZoneInfo,
    state: str | None,
    city: str | None,
) -> list[LawNote]:
    platform = cat.platforms.get(reading.platform) if reading.platform else None
    work_type = platform.work_type if platform else None
    notes = []
    for law in cat.laws_for(
        work_type=work_type,
        reason=reading.reason,
        state=state,
        city=city,
        platform=reading.platform,
        on=received.astimezone(tz).date(),
    ):
        window = _law_window(law, reading.kind, received, tz)
        notes.append(
            LawNote(
                law=law,
                why=_why(cat, law, reading, work_type),
                deadline=apply_window(window, received, tz) if window else None,
                window=window,
            )
        )
    return notes


def _why(cat: Catalogue, law: Law, reading: NoticeReading, work_type: str | None) -> str:
    """Why a law is listed, in short plain sentences."""
    if law.city or law.state:
        sentences = [f"You said you work in {law.place}."]
    else:
        sentences = [f"It applies across {law.place}."]
    if reading.reason is not None and reading.reason in law.reasons:
        title = cat.reason(reading.reason).title
        sentences.append(f"It covers the reason in your notice ({title}).")
    platform = cat.platforms.get(reading.platform) if reading.platform else None
    if len(law.work_types) == 1:  # a law for both kinds of work needs no word on it
        jobs = law.work_types[0]
        if platform is None:
            sentences.append(f"It covers {jobs} work, if that is the work you do.")
        elif work_type == "both":
            sentences.append(f"It covers {jobs} work, which {platform.name} includes.")
        else:
            sentences.append(f"It covers {jobs} work, such as {platform.name}.")
    if platform is not None and platform.key in law.uncertain_for:
        sentences.append(f"It is not confirmed that it covers {platform.name}.")
    return " ".join(sentences)


# --------------------------------------------------------------------------- work plan


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
    start, end = _utc(now), _utc(deadline)
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
    left = _utc(deadline) - _utc(now)
    if left < timedelta(0):
        return "overdue"
    return "due_soon" if left <= DUE_SOON else "upcoming"


def countdown_text(deadline: datetime | None, *, now: datetime) -> str:
    """'2 days 4 hours left', '3 hours left', 'overdue by 1 day'; rounded down."""
    if deadline is None:
        return "no deadline"
    left = _utc(deadline) - _utc(now)
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


def _url(source: str) -> str | None:
    """Only web addresses are links; a shared/ path is our own research note."""
    return source if source.startswith(("https://", "http://")) else None


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        raise ValueError("a datetime is required")
    return require_aware(moment).astimezone(UTC)
