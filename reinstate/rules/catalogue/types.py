"""The catalogue's types: platforms, kinds of notice, reasons and laws, and their lookups.

Pure, no Django. This is what the rest of the app reads: frozen dataclasses and the
``Catalogue`` that holds them. Reading them from the TOML data files, and refusing a file that
breaks the catalogue's rules, lives apart in ``catalogue_files`` (with ``load_catalogue``):
the checks are long, and code that only uses a catalogue need not carry them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Literal, TypeVar

from reinstate.lib.i18n import gettext_noop, ngettext

Confidence = Literal["official", "reported", "estimate"]
WorkType = Literal["delivery", "rideshare", "both"]
DayUnit = Literal["calendar", "business"]
KindDeadline = Literal["platform", "prompt", "none"]
Measure = Literal["events", "percent", "stars"]

CONFIDENCES: tuple[Confidence, ...] = ("official", "reported", "estimate")
WORK_TYPES: tuple[WorkType, ...] = ("delivery", "rideshare", "both")
DAY_UNITS: tuple[DayUnit, ...] = ("calendar", "business")
KIND_DEADLINES: tuple[KindDeadline, ...] = ("platform", "prompt", "none")
# What a standing measure counts, so the app knows how to compare it with its threshold:
# "events" (violations: reaching the threshold leads to action), "percent" (a rate kept at or
# above it, written as a fraction 0..1) or "stars" (a rating kept at or above it).
MEASURES: tuple[Measure, ...] = ("events", "percent", "stars")

# What a law can give a driver, with the plain words the app shows for each (translated where
# shown, with `_()`; their Spanish is in this package's locale/, not in the TOML).
GIVES: Mapping[str, str] = {
    "advance_notice": gettext_noop("Notice before a deactivation"),
    "written_reason": gettext_noop("The reason in writing"),
    "written_policy": gettext_noop("A written deactivation policy"),
    "records": gettext_noop("The records behind the decision"),
    "human_review": gettext_noop("Review by a person"),
    "appeal_process": gettext_noop("A way to appeal"),
    "dispute_path": gettext_noop("A way to dispute mistakes"),
    "representation": gettext_noop("Help from a driver organisation"),
    "report_copy": gettext_noop("A copy of the background report"),
    "data_access": gettext_noop("Access to the data the company holds"),
}

ANY_REASON = "any"

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class Window:
    """A time limit in days, with where it comes from and where it applies."""

    label: str  # a noun phrase: "the appeal window drivers report for Amazon Flex"
    days: int
    unit: DayUnit
    source: str
    confidence: Confidence
    # The day this fact was last checked against its source; each TOML file's header says
    # whether that was the live page or our research notes. Every sourced type carries it.
    checked: date
    note: str | None = None
    # Scope; empty or None means "any". Used by platform overrides and law windows.
    kinds: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    state: str | None = None
    city: str | None = None

    def matches(
        self, *, kind: str | None, reason: str | None, state: str | None, city: str | None
    ) -> bool:
        return (
            (not self.kinds or kind in self.kinds)
            and (not self.reasons or reason in self.reasons)
            and (self.state is None or self.state == normalize_state(state))
            and (self.city is None or normalize_city(self.city) == normalize_city(city))
        )

    def describe(self) -> str:
        """'10 calendar days', '1 business day', in the active language."""
        if self.unit == "business":
            words = ngettext("%(days)d business day", "%(days)d business days", self.days)
        else:
            words = ngettext("%(days)d calendar day", "%(days)d calendar days", self.days)
        return words % {"days": self.days}


@dataclass(frozen=True, kw_only=True)
class Fact:
    """One sourced statement about a channel or a law that a page can show on its own.

    ``key`` names it for code ("faa_exemption", "private_right_of_action"); ``text`` is what
    the driver reads, in plain words, already saying UNCERTAIN where the source is weak.
    """

    key: str
    text: str
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Channel:
    """A way to reach a platform or an agency."""

    name: str
    how: str
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None
    key: str | None = None  # a name for code, e.g. "arbitration"; most channels have none
    facts: tuple[Fact, ...] = ()  # what a driver should know before taking this route

    def fact(self, key: str) -> Fact | None:
        return _fact(self.facts, key)


@dataclass(frozen=True, kw_only=True)
class Policy:
    """A named platform document a driver can cite."""

    key: str
    platform: str
    title: str
    url: str | None
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.platform}.{self.key}"


@dataclass(frozen=True, kw_only=True)
class Metric:
    """A standing measure a platform publishes; a threshold only where one is sourced."""

    key: str
    title: str
    description: str
    threshold: float | None
    window_days: int | None
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None
    measured_as: Measure | None = None  # set where a driver can track it; see MEASURES


@dataclass(frozen=True, kw_only=True)
class Platform:
    key: str
    name: str
    work_type: WorkType
    appeal_channel: Channel
    support: tuple[Channel, ...]
    escalation: tuple[Channel, ...]
    appeal_window: Window
    windows: tuple[Window, ...]  # narrower rules that replace appeal_window where they match
    # How long the platform takes to decide an appeal, as stated or reported (or our estimate,
    # said so): when to expect an answer and when to follow up. Its scope fields stay empty.
    review_time: Window
    policies: tuple[Policy, ...]
    metrics: tuple[Metric, ...]
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None

    def window_for(
        self, *, kind: str | None, reason: str | None, state: str | None, city: str | None
    ) -> Window:
        """The window that applies: a matching narrower rule, else the default.

        When several narrower rules match, the shortest wins: the earliest reasonable reading.
        """
        matching = [
            w for w in self.windows if w.matches(kind=kind, reason=reason, state=state, city=city)
        ]
        if not matching:
            return self.appeal_window
        # Five business days span at least seven calendar days; close enough to rank rules
        # that no platform mixes today.
        return min(matching, key=lambda w: w.days if w.unit == "calendar" else w.days * 7 / 5)

    def policy(self, key: str) -> Policy:
        for policy in self.policies:
            if policy.key == key:
                return policy
        raise KeyError(f"{self.key} has no policy {key!r}")


@dataclass(frozen=True, kw_only=True)
class Kind:
    key: str
    title: str
    description: str
    deadline: KindDeadline
    no_deadline_rule: str | None  # set when deadline == "none": why there is no deadline
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Document:
    key: str
    title: str
    required: bool
    why: str


@dataclass(frozen=True, kw_only=True)
class Reason:
    key: str
    title: str
    explanation: str
    appeal_must_show: tuple[str, ...]
    documents: tuple[Document, ...]
    corrective_actions: tuple[str, ...]
    root_causes: tuple[str, ...]
    policies: tuple[str, ...]  # refs "<platform>.<policy key>"
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Law:
    key: str
    name: str
    place: str  # plain words: "Seattle, Washington"
    country: str
    state: str | None
    city: str | None
    city_aliases: tuple[str, ...]
    work_types: tuple[str, ...]  # "delivery" and/or "rideshare"
    reasons: tuple[str, ...]  # reason keys, or ("any",)
    excluded_reasons: tuple[str, ...]
    platforms: tuple[str, ...]  # empty: any platform
    effective: date | None  # the day it takes effect, where that is confirmed
    passed: date | None  # the day it was passed or signed, where the effective date is not known
    uncertain_for: tuple[str, ...]  # platforms whose coverage is not confirmed
    gives: tuple[str, ...]
    summary: str
    driver_windows: tuple[Window, ...]
    contacts: tuple[Channel, ...]
    facts: tuple[Fact, ...]  # rights and remedies a driver's options rest on
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None

    def covers(
        self,
        *,
        work_type: str | None,
        reason: str | None,
        state: str | None,
        city: str | None,
        platform: str | None = None,
        on: date | None = None,
    ) -> bool:
        """Whether the law may apply. Unknown work type or platform counts as a possible match."""
        if self.state is not None and self.state != normalize_state(state):
            return False
        if self.city is not None and normalize_city(city) not in {
            normalize_city(name) for name in (self.city, *self.city_aliases)
        }:
            return False
        if work_type is not None:
            wanted = {"delivery", "rideshare"} if work_type == "both" else {work_type}
            if not wanted & set(self.work_types):
                return False
        if ANY_REASON not in self.reasons and reason not in self.reasons:
            return False
        if reason in self.excluded_reasons:
            return False
        if platform is not None and self.platforms and platform not in self.platforms:
            return False
        # Without a confirmed effective date, a law cannot apply before the day it passed.
        start = self.effective or self.passed
        return on is None or start is None or on >= start

    def fact(self, key: str) -> Fact | None:
        return _fact(self.facts, key)

    def windows_for(self, kind: str) -> tuple[Window, ...]:
        return tuple(w for w in self.driver_windows if not w.kinds or kind in w.kinds)


@dataclass(frozen=True, kw_only=True)
class Catalogue:
    platforms: Mapping[str, Platform]
    kinds: Mapping[str, Kind]
    reasons: Mapping[str, Reason]
    laws: Mapping[str, Law]
    generic_window: Window  # for an unknown platform, and the cap on prompt replies
    # Every driver-facing text of the catalogue files (the English, exactly as a type holds it and
    # the apps pass it to gettext) with its translation, by language: see ``translations``.
    translated: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def translations(self, language: str) -> Mapping[str, str]:
        """English text -> its translation in ``language`` ("es"); empty for English."""
        return self.translated.get(language, MappingProxyType({}))

    def platform(self, key: str) -> Platform:
        return _lookup(self.platforms, key, "platform")

    def kind(self, key: str) -> Kind:
        return _lookup(self.kinds, key, "kind")

    def reason(self, key: str) -> Reason:
        return _lookup(self.reasons, key, "reason")

    def law(self, key: str) -> Law:
        return _lookup(self.laws, key, "law")

    def policy(self, ref: str) -> Policy:
        """A policy by its ref, "<platform>.<policy key>"."""
        platform, _, key = ref.partition(".")
        return self.platform(platform).policy(key)

    def laws_for(
        self,
        *,
        work_type: str | None,
        reason: str | None,
        state: str | None,
        city: str | None,
        platform: str | None = None,
        on: date | None = None,
    ) -> list[Law]:
        """Laws that may apply to a driver, in catalogue order (nationwide first)."""
        return [
            law
            for law in self.laws.values()
            if law.covers(
                work_type=work_type,
                reason=reason,
                state=state,
                city=city,
                platform=platform,
                on=on,
            )
        ]


def normalize_state(state: str | None) -> str | None:
    """Two-letter state codes, compared without regard to case or spaces."""
    cleaned = (state or "").strip().upper()
    return cleaned or None


def normalize_city(city: str | None) -> str | None:
    """City names, compared without regard to case or repeated spaces."""
    cleaned = " ".join((city or "").split()).casefold()
    return cleaned or None


def _fact(facts: tuple[Fact, ...], key: str) -> Fact | None:
    return next((fact for fact in facts if fact.key == key), None)


def _lookup(table: Mapping[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        raise KeyError(f"the catalogue has no {what} {key!r}") from None
