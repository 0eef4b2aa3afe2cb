"""The catalogue of what a driver can do after a "no": ``options.toml`` read into types.

Pure, no Django. It lives in its own file, beside the main catalogue rather than in it, so that the
main catalogue's loader and its checks stay as they are; the rule that uses both
(rules/appeal/options.py) takes the two catalogues side by side. It reads with the main loader's
``_Entry``, so a misspelt field or an entry without a source is refused the same way.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from reinstate.rules.catalogue.files import _Entry, _read_toml, _state, _translated
from reinstate.rules.catalogue.types import Confidence, Fact, normalize_city, normalize_state
from reinstate.rules.notice.reading import PLATFORMS

FILE = "options.toml"
EscalationKind = Literal["second_review", "arbitration"]
ESCALATION_KINDS: tuple[EscalationKind, ...] = ("second_review", "arbitration")
# Where a driver is, beyond the US states: the UK, and the European Union as one (GDPR is the same
# in every member state).
COUNTRIES = ("US", "GB", "EU")


@dataclass(frozen=True, kw_only=True)
class Place:
    """Where something applies; empty means anywhere."""

    state: str | None = None
    city: str | None = None
    city_aliases: tuple[str, ...] = ()

    def contains(self, *, state: str | None, city: str | None) -> bool:
        if self.state is not None and self.state != normalize_state(state):
            return False
        names = {normalize_city(n) for n in (self.city, *self.city_aliases) if n}
        return not names or normalize_city(city) in names


@dataclass(frozen=True, kw_only=True)
class Clock:
    """How long the other side has to answer a request, counted from the day it is received."""

    key: str
    title: str
    who: str
    how: str
    rule: str  # the clock in words, with the law it comes from
    days: int | None = None
    months: int | None = None
    extra_days: int | None = None  # how much longer it can run, and why, is in `rule`
    extra_months: int | None = None
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Arbitration:
    platform: str
    provider: str
    clause: Fact
    opt_out: Fact | None
    filing: Fact
    fee: Fact
    notice_days: int | None  # the reported wait between the notice of dispute and filing


@dataclass(frozen=True, kw_only=True)
class Escalation:
    """What one of platforms.toml's escalations is, and where it is open."""

    platform: str
    name: str  # the escalation's name in platforms.toml
    kind: EscalationKind
    place: Place
    source: str
    confidence: Confidence
    checked: date


@dataclass(frozen=True, kw_only=True)
class Regulator:
    law: str  # a law key in laws.toml
    who: str
    how: str
    clock: str  # the time limit for a complaint in words, or that none was found
    days: int | None
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Help:
    name: str
    how: str
    countries: tuple[str, ...]
    place: Place
    work_types: tuple[str, ...]
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None

    def serves(
        self, *, country: str | None, state: str | None, city: str | None, work_type: str | None
    ) -> bool:
        if (country or "US") not in self.countries:
            return False
        if work_type is not None:
            wanted = {"delivery", "rideshare"} if work_type == "both" else {work_type}
            if not wanted & set(self.work_types):
                return False
        return self.place.contains(state=state, city=city)


@dataclass(frozen=True, kw_only=True)
class OptionsCatalogue:
    clocks: Mapping[str, Clock]
    arbitration: Mapping[str, Arbitration]
    escalations: tuple[Escalation, ...]
    regulators: Mapping[str, Regulator]
    help: tuple[Help, ...]
    # Every driver-facing text with its translation, by language, as in the main catalogue.
    translated: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def translations(self, language: str) -> Mapping[str, str]:
        """English text -> its translation in ``language`` ("es"); empty for English."""
        return self.translated.get(language, MappingProxyType({}))

    def escalation(self, platform: str, name: str) -> Escalation | None:
        return next(
            (e for e in self.escalations if e.platform == platform and e.name == name), None
        )


def load_options(directory: str | os.PathLike[str] | None = None) -> OptionsCatalogue:
    """The packaged options catalogue (read once), or the one in ``directory``."""
    if directory is None:
        return _packaged()
    return _read(Path(directory))


@functools.cache
def _packaged() -> OptionsCatalogue:
    return _read(resources.files("reinstate.catalogue"))


def _read(folder: Traversable) -> OptionsCatalogue:
    doc = _read_toml(folder, FILE)
    clocks = {key: _clock(key, e) for key, e in doc.table("clocks").children()}
    arbitration = {key: _arbitration(key, e) for key, e in doc.table("arbitration").children()}
    escalations = tuple(_escalation(e) for e in doc.tables("escalations"))
    regulators = {key: _regulator(key, e) for key, e in doc.table("regulators").children()}
    helpers = tuple(_help(e) for e in doc.tables("legal_help"))
    doc.done()
    for key in arbitration:
        if key not in PLATFORMS:
            raise doc.fail(f"[arbitration.{key}] is not a platform ({', '.join(PLATFORMS)})")
    return OptionsCatalogue(
        clocks=MappingProxyType(clocks),
        arbitration=MappingProxyType(arbitration),
        escalations=escalations,
        regulators=MappingProxyType(regulators),
        help=helpers,
        translated=_translated([doc]),
    )


def _place(entry: _Entry) -> Place:
    return Place(
        state=_state(entry), city=entry.opt_text("city"), city_aliases=entry.texts("city_aliases")
    )


def _fact(key: str, entry: _Entry) -> Fact:
    return Fact(key=key, text=entry.words("text"), **entry.sourced())


def _clock(key: str, entry: _Entry) -> Clock:
    days, months = entry.opt_int("days"), entry.opt_int("months")
    if (days is None) == (months is None):
        raise entry.fail("needs `days` or `months`, not both")
    return Clock(
        key=key,
        title=entry.words("title"),
        who=entry.words("who"),
        how=entry.words("how"),
        rule=entry.words("rule"),
        days=days,
        months=months,
        extra_days=entry.opt_int("extra_days"),
        extra_months=entry.opt_int("extra_months"),
        **entry.sourced(),
    )


def _arbitration(platform: str, entry: _Entry) -> Arbitration:
    opt_out = entry.get("opt_out")
    return Arbitration(
        platform=platform,
        provider=entry.words("provider"),
        clause=_fact("clause", entry.table("clause")),
        opt_out=None if opt_out is None else _fact("opt_out", entry.table("opt_out")),
        filing=_fact("filing", entry.table("filing")),
        fee=_fact("provider_fee", entry.table("fee")),
        notice_days=entry.opt_int("notice_days"),
    )


def _escalation(entry: _Entry) -> Escalation:
    sourced = entry.sourced()
    return Escalation(
        platform=entry.choice("platform", PLATFORMS),
        name=entry.text("name"),
        kind=entry.choice("kind", ESCALATION_KINDS),
        place=_place(entry),
        source=sourced["source"],
        confidence=sourced["confidence"],
        checked=sourced["checked"],
    )


def _regulator(law: str, entry: _Entry) -> Regulator:
    return Regulator(
        law=law,
        who=entry.words("who"),
        how=entry.words("how"),
        clock=entry.words("clock"),
        days=entry.opt_int("days"),
        **entry.sourced(),
    )


def _help(entry: _Entry) -> Help:
    countries = entry.texts("countries", COUNTRIES) or ("US",)
    work_types = entry.texts("work_types", ("delivery", "rideshare"))
    if not work_types:
        raise entry.fail("has no `work_types`")
    return Help(
        name=entry.words("name"),
        how=entry.words("how"),
        countries=countries,
        place=_place(entry),
        work_types=work_types,
        **entry.sourced(),
    )
