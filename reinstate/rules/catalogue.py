"""The catalogue: platforms, kinds of notice, reasons and laws, read from TOML data files.

Pure, no Django. The data lives in ``reinstate/catalogue/*.toml`` so that a maintainer can
correct a window or add a law without touching code. Every entry carries ``source`` and
``confidence``; loading refuses a file that breaks that rule, or whose keys differ from the
notice reader's labels, with a ``CatalogueError`` naming the file and the entry.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypedDict, TypeVar, cast

from reinstate.rules.reading import KINDS, PLATFORMS, REASONS

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

# What a law can give a driver, with the plain words the app shows for each.
GIVES: Mapping[str, str] = {
    "advance_notice": "Notice before a deactivation",
    "written_reason": "The reason in writing",
    "written_policy": "A written deactivation policy",
    "records": "The records behind the decision",
    "human_review": "Review by a person",
    "appeal_process": "A way to appeal",
    "dispute_path": "A way to dispute mistakes",
    "representation": "Help from a driver organisation",
    "report_copy": "A copy of the background report",
    "data_access": "Access to the data the company holds",
}

# A source is a URL, or a path under the project's shared/ folder (our research notes, the
# seed guide, the example notices) for facts that come from there.
SOURCE_PREFIXES = ("https://", "http://", "research/", "seed/", "examples/")
FILES = ("platforms.toml", "reasons.toml", "laws.toml")
ANY_REASON = "any"

T = TypeVar("T")
C = TypeVar("C", bound=str)


class CatalogueError(ValueError):
    """A catalogue file is missing, malformed, or breaks a rule; the message names where."""


@dataclass(frozen=True, kw_only=True)
class Window:
    """A time limit in days, with where it comes from and where it applies."""

    label: str  # a noun phrase: "the appeal window drivers report for Amazon Flex"
    days: int
    unit: DayUnit
    source: str
    confidence: Confidence
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
        """'10 calendar days', '1 business day'."""
        return f"{self.days} {self.unit} day{'' if self.days == 1 else 's'}"


@dataclass(frozen=True, kw_only=True)
class Channel:
    """A way to reach a platform or an agency."""

    name: str
    how: str
    source: str
    confidence: Confidence
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Policy:
    """A named platform document a driver can cite."""

    key: str
    platform: str
    title: str
    url: str | None
    source: str
    confidence: Confidence
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
    policies: tuple[Policy, ...]
    metrics: tuple[Metric, ...]
    source: str
    confidence: Confidence
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
    effective: date | None
    uncertain_for: tuple[str, ...]  # platforms whose coverage is not confirmed
    gives: tuple[str, ...]
    summary: str
    driver_windows: tuple[Window, ...]
    contacts: tuple[Channel, ...]
    source: str
    confidence: Confidence
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
        return on is None or self.effective is None or on >= self.effective

    def windows_for(self, kind: str) -> tuple[Window, ...]:
        return tuple(w for w in self.driver_windows if not w.kinds or kind in w.kinds)


@dataclass(frozen=True, kw_only=True)
class Catalogue:
    platforms: Mapping[str, Platform]
    kinds: Mapping[str, Kind]
    reasons: Mapping[str, Reason]
    laws: Mapping[str, Law]
    generic_window: Window  # for an unknown platform, and the cap on prompt replies

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


def _lookup(table: Mapping[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        raise KeyError(f"the catalogue has no {what} {key!r}") from None


# --------------------------------------------------------------------------- loading


def load_catalogue(directory: str | os.PathLike[str] | None = None) -> Catalogue:
    """The packaged catalogue (read once), or the one in ``directory`` (read every time)."""
    if directory is None:
        return _packaged_catalogue()
    return _read_catalogue(Path(directory))


@functools.cache
def _packaged_catalogue() -> Catalogue:
    return _read_catalogue(resources.files("reinstate.catalogue"))


def _read_catalogue(folder: Traversable) -> Catalogue:
    platforms_doc, reasons_doc, laws_doc = (_read_toml(folder, name) for name in FILES)
    generic = _window(platforms_doc.table("generic_window"))
    platforms = {
        key: _platform(key, entry) for key, entry in platforms_doc.table("platforms").children()
    }
    kinds = {key: _kind(key, entry) for key, entry in reasons_doc.table("kinds").children()}
    reasons = {key: _reason(key, entry) for key, entry in reasons_doc.table("reasons").children()}
    laws = {key: _law(key, entry) for key, entry in laws_doc.table("laws").children()}
    for doc in (platforms_doc, reasons_doc, laws_doc):
        doc.done()
    _same_keys("platforms.toml", "platforms", platforms, PLATFORMS)
    _same_keys("reasons.toml", "kinds", kinds, KINDS)
    _same_keys("reasons.toml", "reasons", reasons, REASONS)
    # Read-only views: the packaged catalogue is shared by every caller in the process.
    catalogue = Catalogue(
        platforms=MappingProxyType(platforms),
        kinds=MappingProxyType(kinds),
        reasons=MappingProxyType(reasons),
        laws=MappingProxyType(laws),
        generic_window=generic,
    )
    for reason in reasons.values():
        for ref in reason.policies:
            try:
                catalogue.policy(ref)
            except KeyError:
                raise CatalogueError(
                    f"reasons.toml: [reasons.{reason.key}] policy {ref!r} is not in platforms.toml"
                ) from None
    return catalogue


def _read_toml(folder: Traversable, name: str) -> _Entry:
    try:
        text = folder.joinpath(name).read_text(encoding="utf-8")
    except OSError as error:
        raise CatalogueError(f"{name}: cannot be read ({error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{name}: is not valid TOML ({error})") from None
    return _Entry(name, "", data)


def _same_keys(file: str, table: str, found: Mapping[str, object], wanted: tuple[str, ...]) -> None:
    missing = [key for key in wanted if key not in found]
    extra = [key for key in found if key not in wanted]
    if missing:
        raise CatalogueError(f"{file}: [{table}] is missing {', '.join(missing)}")
    if extra:
        raise CatalogueError(
            f"{file}: [{table}.{extra[0]}] is not a label the notice reader knows "
            f"({', '.join(wanted)})"
        )


class _Sourced(TypedDict):
    source: str
    confidence: Confidence
    note: str | None


class _Entry:
    """One TOML table, with accessors that name the file and entry when a value is wrong.

    It remembers which keys were read, so that ``done()`` can refuse a misspelt key (a
    ``sorce`` or ``notes`` would otherwise be dropped without a word).
    """

    def __init__(self, file: str, where: str, data: object) -> None:
        self.file = file
        self.where = where
        if not isinstance(data, dict):
            raise self.fail("must be a table")
        self.data: dict[str, object] = data
        self.seen: set[str] = set()
        self.kids: list[_Entry] = []

    def fail(self, message: str) -> CatalogueError:
        where = f" [{self.where}]" if self.where else ""
        return CatalogueError(f"{self.file}:{where} {message}")

    def get(self, name: str) -> object:
        self.seen.add(name)
        return self.data.get(name)

    def text(self, name: str) -> str:
        value = self.opt_text(name)
        if value is None:
            raise self.fail(f"has no `{name}`")
        return value

    def opt_text(self, name: str) -> str | None:
        value = self.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"`{name}` must be non-empty text")
        return value.strip()

    def choice(self, name: str, choices: tuple[C, ...]) -> C:
        value = self.text(name)
        for choice in choices:
            if value == choice:
                return choice
        raise self.fail(f"`{name}` must be one of {', '.join(choices)} (got {value!r})")

    def opt_int(self, name: str) -> int | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.fail(f"`{name}` must be a whole number above 0")
        return value

    def opt_number(self, name: str) -> float | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise self.fail(f"`{name}` must be a number above 0")
        return value

    def flag(self, name: str) -> bool:
        value = self.get(name)
        if not isinstance(value, bool):
            raise self.fail(f"`{name}` must be true or false")
        return value

    def texts(self, name: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = self.get(name)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"`{name}` must be a list of text")
        items = tuple(cast(list[str], value))
        for item in items:
            if allowed is not None and item not in allowed:
                raise self.fail(f"`{name}` has {item!r}, not one of {', '.join(allowed)}")
        return items

    def opt_date(self, name: str) -> date | None:
        value = self.get(name)
        if value is not None and type(value) is not date:
            raise self.fail(f"`{name}` must be a date like 2025-01-01")
        return value

    def table(self, name: str) -> _Entry:
        value = self.get(name)
        if value is None:
            raise self.fail(f"has no [{self._path(name)}] table")
        return self._kid(self._path(name), value)

    def tables(self, name: str) -> list[_Entry]:
        value = self.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"`{name}` must be a list of tables ([[{self._path(name)}]])")
        return [self._kid(f"{self._path(name)}][{i}", item) for i, item in enumerate(value)]

    def children(self) -> Iterator[tuple[str, _Entry]]:
        for key in self.data:
            self.seen.add(key)
            yield key, self._kid(self._path(key), self.data[key])

    def sourced(self) -> _Sourced:
        """source, confidence and note: the fields every entry must carry."""
        source = self.text("source")
        if not source.startswith(SOURCE_PREFIXES):
            raise self.fail(f"`source` must be a URL or a shared/ path (got {source!r})")
        confidence = self.choice("confidence", CONFIDENCES)
        return {"source": source, "confidence": confidence, "note": self.opt_text("note")}

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.fail(f"has unknown field `{unknown[0]}`")
        for kid in self.kids:
            kid.done()

    def _path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def _kid(self, where: str, data: object) -> _Entry:
        kid = _Entry(self.file, where, data)
        self.kids.append(kid)
        return kid


def _window(entry: _Entry) -> Window:
    days = entry.opt_int("days")
    if days is None:
        raise entry.fail("has no `days`")
    return Window(
        label=entry.text("label"),
        days=days,
        unit=entry.choice("unit", DAY_UNITS),
        kinds=entry.texts("kinds", KINDS),
        reasons=entry.texts("reasons", REASONS),
        state=_state(entry),
        city=entry.opt_text("city"),
        **entry.sourced(),
    )


def _state(entry: _Entry) -> str | None:
    state = entry.opt_text("state")
    if state is not None and (len(state) != 2 or state != state.upper()):
        raise entry.fail(f"`state` must be a two-letter code like WA (got {state!r})")
    return state


def _channel(entry: _Entry) -> Channel:
    return Channel(
        name=entry.text("name"),
        how=entry.text("how"),
        **entry.sourced(),
    )


def _platform(key: str, entry: _Entry) -> Platform:
    return Platform(
        key=key,
        name=entry.text("name"),
        work_type=entry.choice("work_type", WORK_TYPES),
        appeal_channel=_channel(entry.table("appeal_channel")),
        support=tuple(_channel(e) for e in entry.tables("support")),
        escalation=tuple(_channel(e) for e in entry.tables("escalation")),
        appeal_window=_window(entry.table("appeal_window")),
        windows=tuple(_window(e) for e in entry.tables("windows")),
        policies=_unique(
            entry, "policies", tuple(_policy(key, e) for e in entry.tables("policies"))
        ),
        metrics=_unique(entry, "metrics", tuple(_metric(e) for e in entry.tables("metrics"))),
        **entry.sourced(),
    )


def _policy(platform: str, entry: _Entry) -> Policy:
    url = entry.opt_text("url")
    if url is not None and not url.startswith(("https://", "http://")):
        raise entry.fail(f"`url` must start with https:// (got {url!r})")
    return Policy(
        key=entry.text("key"),
        platform=platform,
        title=entry.text("title"),
        url=url,
        **entry.sourced(),
    )


def _metric(entry: _Entry) -> Metric:
    threshold = entry.opt_number("threshold")
    measured_as = (
        None if entry.get("measured_as") is None else entry.choice("measured_as", MEASURES)
    )
    if threshold is not None and measured_as is None:
        raise entry.fail("has a `threshold` but no `measured_as` saying what it counts")
    return Metric(
        key=entry.text("key"),
        title=entry.text("title"),
        description=entry.text("description"),
        threshold=threshold,
        window_days=entry.opt_int("window_days"),
        measured_as=measured_as,
        **entry.sourced(),
    )


def _kind(key: str, entry: _Entry) -> Kind:
    deadline = entry.choice("deadline", KIND_DEADLINES)
    no_deadline_rule = entry.opt_text("no_deadline_rule")
    if deadline == "none" and no_deadline_rule is None:
        raise entry.fail('has deadline = "none" but no `no_deadline_rule` saying why')
    return Kind(
        key=key,
        title=entry.text("title"),
        description=entry.text("description"),
        deadline=deadline,
        no_deadline_rule=no_deadline_rule,
        **entry.sourced(),
    )


def _reason(key: str, entry: _Entry) -> Reason:
    documents = _unique(
        entry,
        "documents",
        tuple(
            Document(
                key=e.text("key"),
                title=e.text("title"),
                required=e.flag("required"),
                why=e.text("why"),
            )
            for e in entry.tables("documents")
        ),
    )
    return Reason(
        key=key,
        title=entry.text("title"),
        explanation=entry.text("explanation"),
        appeal_must_show=entry.texts("appeal_must_show"),
        documents=documents,
        corrective_actions=entry.texts("corrective_actions"),
        root_causes=entry.texts("root_causes"),
        policies=entry.texts("policies"),
        **entry.sourced(),
    )


def _law(key: str, entry: _Entry) -> Law:
    city = entry.opt_text("city")
    state = _state(entry)
    if city is not None and state is None:
        raise entry.fail("has a `city` but no `state`")
    work_types = entry.texts("work_types", ("delivery", "rideshare"))
    if not work_types:
        raise entry.fail("has no `work_types`")
    reasons = entry.texts("reasons", (*REASONS, ANY_REASON))
    if not reasons:
        raise entry.fail('has no `reasons` (use ["any"] for every reason)')
    return Law(
        key=key,
        name=entry.text("name"),
        place=entry.text("place"),
        country=entry.text("country"),
        state=state,
        city=city,
        city_aliases=entry.texts("city_aliases"),
        work_types=work_types,
        reasons=reasons,
        excluded_reasons=entry.texts("excluded_reasons", REASONS),
        platforms=entry.texts("platforms", PLATFORMS),
        effective=entry.opt_date("effective"),
        uncertain_for=entry.texts("uncertain_for", PLATFORMS),
        gives=entry.texts("gives", tuple(GIVES)),
        summary=entry.text("summary"),
        driver_windows=tuple(_window(e) for e in entry.tables("driver_windows")),
        contacts=tuple(_channel(e) for e in entry.tables("contacts")),
        **entry.sourced(),
    )


K = TypeVar("K", Policy, Metric, Document)


def _unique(entry: _Entry, name: str, items: tuple[K, ...]) -> tuple[K, ...]:
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            raise entry.fail(f"`{name}` has the key {item.key!r} twice")
        seen.add(item.key)
    return items
