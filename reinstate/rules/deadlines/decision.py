"""By when a driver must act, and whose rule says so (the work plan back from it: work_plan.py).

Pure, no Django; ``now`` and ``received`` are always arguments. Deadlines are conservative:
where readings differ, the earliest reasonable one wins, and every decision carries the rule,
the words and the source it came from, so the driver can see why and check it.

Arithmetic on instants is done in UTC: Python subtracts two datetimes that share a ZoneInfo
by their wall clocks, which is wrong by an hour across a daylight-saving change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _, gettext_noop
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Catalogue, Law, Platform, Window
from reinstate.rules.deadlines.arithmetic import (
    add_business_days,
    add_calendar_days,
    as_utc,
    require_aware,
)
from reinstate.rules.notice.reading import DeadlineSource, NoticeReading

# How sure a rule is, in words a driver understands.
CONFIDENCE_WORDS = {
    "official": gettext_noop("from an official source"),
    "reported": gettext_noop("reported by others, not confirmed from an official source"),
    "estimate": gettext_noop("our own cautious estimate, not a published rule"),
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
            rule=_('The notice itself sets this deadline: "%(words)s".') % {"words": stated.text},
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
            rule=_(kind.no_deadline_rule)
            if kind.no_deadline_rule
            else _("This message asks nothing of you, so there is no deadline."),
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
        if as_utc(generic) < as_utc(deadline):
            window, deadline = cat.generic_window, generic

    # A law's time limit for the driver wins only when it ends earlier: the earliest
    # reasonable reading.
    earlier = [
        note
        for note in laws
        if note.deadline is not None and as_utc(note.deadline) < as_utc(deadline)
    ]
    if earlier:
        note = min(earlier, key=lambda n: as_utc(n.deadline))
        assert note.window is not None  # a note has a deadline only with a window
        return DeadlineDecision(
            deadline=note.deadline,
            source="law",
            rule=_(
                "The notice states no deadline, and under the %(law)s there is an earlier "
                "limit, %(window)s: %(days)s from when you got the notice (%(how_sure)s)."
            )
            % {
                "law": note.law.name,
                "window": _(note.window.label),
                "days": note.window.describe(),
                "how_sure": _(CONFIDENCE_WORDS[note.window.confidence]),
            },
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
        rule=_(
            "The notice states no deadline, so we use %(window)s: %(days)s from when you got "
            "the notice (%(how_sure)s)."
        )
        % {
            "window": _(window.label),
            "days": window.describe(),
            "how_sure": _(CONFIDENCE_WORDS[window.confidence]),
        },
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
    return min(windows, key=lambda w: as_utc(apply_window(w, received, tz)))


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
    laws = cat.laws_for(
        work_type=platform.work_type if platform else None,
        reason=reading.reason,
        state=state,
        city=city,
        platform=reading.platform,
        on=received.astimezone(tz).date(),
    )
    return law_notes_for(
        cat,
        [law.key for law in laws],
        platform=reading.platform,
        kind=reading.kind,
        reason=reading.reason,
        received=received,
        tz=tz,
    )


def law_notes_for(
    cat: Catalogue,
    keys: list[str],
    *,
    platform: str | None,
    kind: str,
    reason: str | None,
    received: datetime,
    tz: ZoneInfo,
) -> list[LawNote]:
    """The notes for laws already found to apply (a case keeps only their keys), from the
    catalogue as it is now: a corrected summary, source or time limit reaches open cases.

    A key the catalogue no longer has is skipped: the law was withdrawn or renamed.
    """
    found = cat.platforms.get(platform) if platform else None
    work_type = found.work_type if found else None
    notes = []
    for key in keys:
        law = cat.laws.get(key)
        if law is None:
            continue
        window = _law_window(law, kind, received, tz)
        notes.append(
            LawNote(
                law=law,
                why=_why(cat, law, reason=reason, platform=found, work_type=work_type),
                deadline=apply_window(window, received, tz) if window else None,
                window=window,
            )
        )
    return notes


# Which work a law covers, said three ways: for an unknown platform, for a platform with both
# kinds of work, and for a platform with only that kind.
_COVERS = {
    "delivery": (
        gettext_noop("It covers delivery work, if that is the work you do."),
        gettext_noop("It covers delivery work, which %(platform)s includes."),
        gettext_noop("It covers delivery work, such as %(platform)s."),
    ),
    "rideshare": (
        gettext_noop("It covers rideshare work, if that is the work you do."),
        gettext_noop("It covers rideshare work, which %(platform)s includes."),
        gettext_noop("It covers rideshare work, such as %(platform)s."),
    ),
}


def _why(
    cat: Catalogue,
    law: Law,
    *,
    reason: str | None,
    platform: Platform | None,
    work_type: str | None,
) -> str:
    """Why a law is listed, in short plain sentences."""
    place = {"place": _(law.place)}
    if law.city or law.state:
        sentences = [_("You said you work in %(place)s.") % place]
    else:
        sentences = [_("It applies across %(place)s.") % place]
    if reason is not None and reason in law.reasons and reason in cat.reasons:
        sentences.append(
            _("It covers the reason in your notice (%(reason)s).")
            % {"reason": _(cat.reason(reason).title)}
        )
    if len(law.work_types) == 1 and law.work_types[0] in _COVERS:  # both kinds: no word on it
        any_work, included, such_as = _COVERS[law.work_types[0]]
        if platform is None:
            sentences.append(_(any_work))
        elif work_type == "both":
            sentences.append(_(included) % {"platform": platform.name})
        else:
            sentences.append(_(such_as) % {"platform": platform.name})
    if platform is not None and platform.key in law.uncertain_for:
        sentences.append(
            _("It is not confirmed that it covers %(platform)s.") % {"platform": platform.name}
        )
    return " ".join(sentences)


def _url(source: str) -> str | None:
    """Only web addresses are links; a shared/ path is our own research note."""
    return source if source.startswith(("https://", "http://")) else None
