"""Reading the catalogue from its TOML data files, and checking them: ``load_catalogue``.

Pure, no Django. The data lives in ``reinstate/catalogue/*.toml`` so that a maintainer can
correct a window or add a law without touching code. Every entry carries ``source``,
``confidence`` and ``checked`` (the day the fact was last checked against its source); loading
refuses a file that breaks that rule, or whose keys differ from the notice reader's labels, with
a ``CatalogueError`` naming the file and the entry.

Every text a driver reads carries its Spanish beside it, in the entry's ``es`` table (written as
dotted keys, ``es.title = "..."`` under ``title = "..."``; a list's Spanish is a list as long,
in the same order). Loading refuses a driver-facing text without its Spanish, or whose Spanish
loses or adds a placeholder (``{day}``, ``%(day)s``), and one English text translated two ways:
the English is the key the apps hand to gettext, so it has one Spanish. ``translations`` on the
catalogue gives every (English, Spanish) pair; ``scripts/compile-translations`` writes them into
``reinstate/catalogue/locale/es/LC_MESSAGES/django.mo`` for Django's gettext.

The types it builds live in ``catalogue``; they are apart so that the code that reads a
catalogue does not carry the parsing and checks, and this module can import them without a
cycle.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import TypedDict, TypeVar, cast

from reinstate.rules.catalogue.types import (
    ANY_REASON,
    CONFIDENCES,
    DAY_UNITS,
    GIVES,
    KIND_DEADLINES,
    MEASURES,
    WORK_TYPES,
    Catalogue,
    Channel,
    Confidence,
    Document,
    Fact,
    Kind,
    Law,
    Metric,
    Platform,
    Policy,
    Reason,
    Window,
)
from reinstate.rules.notice.reading import KINDS, PLATFORMS, REASONS

# A source is a public web page the driver can open. The one exception is an estimate of our
# own, where nothing is published: its source is OWN_ESTIMATE and its note says why. Paths to
# our research notes are not sources: those files are not shipped, so a driver cannot open them.
SOURCE_PREFIXES = ("https://", "http://")
OWN_ESTIMATE = "our own estimate"
FILES = ("platforms.toml", "reasons.toml", "laws.toml")

# The languages a driver-facing text is written in besides English; each is the name of the
# entry's sub-table that holds it.
LANGUAGES = ("es",)
# The files whose every driver-facing text must have its translation. A file not listed is read
# without that check (its translations, where present, are still checked and used): list it once
# it is translated. reading.toml has no driver-facing text (its phrases are the notice reader's).
TRANSLATED_FILES = frozenset(
    {"reasons.toml", "platforms.toml", "laws.toml", "options.toml", "faq.toml", "policies.toml"}
)
# The files whose `note`s a driver reads (beside a law, a channel, a standing measure, a window):
# there a note is driver-facing, so translated. In reasons.toml a note is for maintainers.
NOTES_SHOWN = frozenset({"platforms.toml", "laws.toml", "options.toml"})
# What a translation must keep, as scripts/check-translations counts it.
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdfr]|%[sdfr]|\{[a-z_0-9]*\}")

C = TypeVar("C", bound=str)


class CatalogueError(ValueError):
    """A catalogue file is missing, malformed, or breaks a rule; the message names where."""


def load_catalogue(directory: str | os.PathLike[str] | None = None) -> Catalogue:
    """The packaged catalogue (read once), or the one in ``directory`` (read every time)."""
    if directory is None:
        return _packaged_catalogue()
    return _read_catalogue(Path(directory))


@functools.cache
def _packaged_catalogue() -> Catalogue:
    return _read_catalogue(resources.files("reinstate.catalogue"))


def _read_catalogue(folder: Traversable) -> Catalogue:
    platforms_doc, reasons_doc, laws_doc = docs = [_read_toml(folder, name) for name in FILES]
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
        translated=_translated(docs),
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
    return _Entry(name, "", data, _Translations(strict=name in TRANSLATED_FILES))


def _translated(docs: list[_Entry]) -> Mapping[str, Mapping[str, str]]:
    """Every (English, translation) pair of the documents, by language; one English text must
    have one translation across the files too."""
    merged = _Translations(strict=True)
    for doc in docs:
        for language, pairs in doc.translations.pairs.items():
            for english, translated in pairs.items():
                merged.add(doc, language, english, translated, doc.translations.where[english])
    return MappingProxyType(
        {language: MappingProxyType(pairs) for language, pairs in merged.pairs.items()}
    )


class _Translations:
    """The translations one file gives, checked as they are read; ``strict``: every
    driver-facing text must have one (see TRANSLATED_FILES)."""

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self.pairs: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
        self.where: dict[str, str] = {}  # English -> where it was first read, for messages

    def add(self, entry: _Entry, language: str, english: str, translated: str, where: str) -> None:
        pairs = self.pairs[language]
        if english in pairs and pairs[english] != translated:
            raise entry.fail(
                f"{where} translates {english[:60]!r} as {translated[:60]!r}, but "
                f"{self.where[english]} as {pairs[english][:60]!r}: one English text, one "
                "translation (the English is the key the app looks it up by)"
            )
        pairs[english] = translated
        self.where.setdefault(english, where)


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
    checked: date
    note: str | None


class _Entry:
    """One TOML table, with accessors that name the file and entry when a value is wrong.

    It remembers which keys were read, so that ``done()`` can refuse a misspelt key (a
    ``sorce`` or ``notes`` would otherwise be dropped without a word).
    """

    def __init__(
        self, file: str, where: str, data: object, translations: _Translations | None = None
    ) -> None:
        self.file = file
        self.where = where
        self.translations = translations or _Translations(strict=False)
        if not isinstance(data, dict):
            raise self.fail("must be a table")
        self.data: dict[str, object] = data
        self.seen: set[str] = set()
        self.kids: list[_Entry] = []
        self._languages: dict[str, _Entry | None] = {}

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

    def words(self, name: str) -> str:
        """A driver-facing text: ``text``, with its translation in each of LANGUAGES."""
        english = self.text(name)
        self._translate(name, english)
        return english

    def opt_words(self, name: str) -> str | None:
        english = self.opt_text(name)
        if english is not None:
            self._translate(name, english)
        return english

    def words_list(self, name: str) -> tuple[str, ...]:
        """A list of driver-facing texts; each translation is a list as long, in that order."""
        english = self.texts(name)
        for language in LANGUAGES:
            table = self._language(language)
            value = None if table is None else table.get(name)
            if value is None:
                if english and self.translations.strict:
                    raise self.fail(self._missing(language, name))
                continue
            assert table is not None
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise table.fail(f"`{name}` must be a list of non-empty text")
            if len(value) != len(english):
                raise table.fail(
                    f"`{name}` has {len(value)} texts for the {len(english)} of "
                    f"[{self.where}] `{name}`: one translation for each, in the same order"
                )
            for i, (text, translated) in enumerate(zip(english, value, strict=True)):
                self._keep(table, f"{name}[{i}]", language, text, translated.strip())
        return english

    def _translate(self, name: str, english: str) -> None:
        for language in LANGUAGES:
            table = self._language(language)
            if table is None or table.get(name) is None:
                if self.translations.strict:
                    raise self.fail(self._missing(language, name))
                continue
            self._keep(table, name, language, english, table.text(name))

    def _keep(self, table: _Entry, name: str, language: str, english: str, translated: str) -> None:
        wanted, found = (
            sorted(PLACEHOLDER.findall(english)),
            sorted(PLACEHOLDER.findall(translated)),
        )
        if wanted != found:
            raise table.fail(
                f"`{name}` must keep the placeholders of the English "
                f"({', '.join(wanted) or 'none'}), not {', '.join(found) or 'none'}"
            )
        where = f"[{table.where}] `{name}`"
        self.translations.add(table, language, english, translated, where)

    def _missing(self, language: str, name: str) -> str:
        return (
            f"has no {language} text for `{name}`: write it beside the English, "
            f'as {language}.{name} = "..."'
        )

    def _language(self, language: str) -> _Entry | None:
        """The entry's table of texts in ``language`` (``es.title = ...``), if it has one."""
        if language not in self._languages:
            value = self.get(language)
            self._languages[language] = (
                None if value is None else self._kid(self._path(language), value)
            )
        return self._languages[language]

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
        """source, confidence, checked and note: the fields every entry must carry."""
        source = self.text("source")
        confidence = self.choice("confidence", CONFIDENCES)
        note = self.opt_words("note") if self.file in NOTES_SHOWN else self.opt_text("note")
        if source == OWN_ESTIMATE:
            if confidence != "estimate" or note is None:
                raise self.fail(
                    f'`source` is "{OWN_ESTIMATE}", so `confidence` must be "estimate" '
                    "and a `note` must say why"
                )
        elif not source.startswith(SOURCE_PREFIXES):
            raise self.fail(f'`source` must be a web address, or "{OWN_ESTIMATE}" (got {source!r})')
        checked = self.opt_date("checked")
        if checked is None:
            raise self.fail("has no `checked` (the day it was last checked, like 2026-12-04)")
        return {"source": source, "confidence": confidence, "checked": checked, "note": note}

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.fail(f"has unknown field `{unknown[0]}`")
        for kid in self.kids:
            kid.done()

    def _path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def _kid(self, where: str, data: object) -> _Entry:
        kid = _Entry(self.file, where, data, self.translations)
        self.kids.append(kid)
        return kid


def _window(entry: _Entry) -> Window:
    days = entry.opt_int("days")
    if days is None:
        raise entry.fail("has no `days`")
    return Window(
        label=entry.words("label"),
        days=days,
        unit=entry.choice("unit", DAY_UNITS),
        kinds=entry.texts("kinds", KINDS),
        reasons=entry.texts("reasons", REASONS),
        state=_state(entry),
        city=entry.opt_text("city"),
        **entry.sourced(),
    )


def _review_time(entry: _Entry) -> Window:
    """A platform's time to decide an appeal: days, a unit and a label, sourced; no scope (a
    city or a kind of notice would change it nowhere yet)."""
    days = entry.opt_int("days")
    if days is None:
        raise entry.fail("has no `days`")
    return Window(
        label=entry.words("label"),
        days=days,
        unit=entry.choice("unit", DAY_UNITS),
        **entry.sourced(),
    )


def _state(entry: _Entry) -> str | None:
    state = entry.opt_text("state")
    if state is not None and (len(state) != 2 or state != state.upper()):
        raise entry.fail(f"`state` must be a two-letter code like WA (got {state!r})")
    return state


def _channel(entry: _Entry) -> Channel:
    return Channel(
        name=entry.words("name"),
        how=entry.words("how"),
        key=entry.opt_text("key"),
        facts=_facts(entry),
        **entry.sourced(),
    )


def _facts(entry: _Entry) -> tuple[Fact, ...]:
    """``[[...facts]]``: sourced statements a page can show one by one, each with a key."""
    return _unique(
        entry,
        "facts",
        tuple(
            Fact(key=e.text("key"), text=e.words("text"), **e.sourced())
            for e in entry.tables("facts")
        ),
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
        review_time=_review_time(entry.table("review_time")),
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
        title=entry.words("title"),
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
        title=entry.words("title"),
        description=entry.words("description"),
        threshold=threshold,
        window_days=entry.opt_int("window_days"),
        measured_as=measured_as,
        **entry.sourced(),
    )


def _kind(key: str, entry: _Entry) -> Kind:
    deadline = entry.choice("deadline", KIND_DEADLINES)
    no_deadline_rule = entry.opt_words("no_deadline_rule")
    if deadline == "none" and no_deadline_rule is None:
        raise entry.fail('has deadline = "none" but no `no_deadline_rule` saying why')
    return Kind(
        key=key,
        title=entry.words("title"),
        description=entry.words("description"),
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
                title=e.words("title"),
                required=e.flag("required"),
                why=e.words("why"),
            )
            for e in entry.tables("documents")
        ),
    )
    return Reason(
        key=key,
        title=entry.words("title"),
        explanation=entry.words("explanation"),
        appeal_must_show=entry.words_list("appeal_must_show"),
        documents=documents,
        corrective_actions=entry.words_list("corrective_actions"),
        root_causes=entry.words_list("root_causes"),
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
    effective, passed = entry.opt_date("effective"), entry.opt_date("passed")
    if effective is not None and passed is not None and passed > effective:
        raise entry.fail("`passed` is after `effective`: a law takes effect once passed")
    return Law(
        key=key,
        name=entry.words("name"),
        place=entry.words("place"),
        country=entry.text("country"),
        state=state,
        city=city,
        city_aliases=entry.texts("city_aliases"),
        work_types=work_types,
        reasons=reasons,
        excluded_reasons=entry.texts("excluded_reasons", REASONS),
        platforms=entry.texts("platforms", PLATFORMS),
        effective=effective,
        passed=passed,
        uncertain_for=entry.texts("uncertain_for", PLATFORMS),
        gives=entry.texts("gives", tuple(GIVES)),
        summary=entry.words("summary"),
        driver_windows=tuple(_window(e) for e in entry.tables("driver_windows")),
        contacts=tuple(_channel(e) for e in entry.tables("contacts")),
        facts=_facts(entry),
        **entry.sourced(),
    )


K = TypeVar("K", Policy, Metric, Document, Fact)


def _unique(entry: _Entry, name: str, items: tuple[K, ...]) -> tuple[K, ...]:
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            raise entry.fail(f"`{name}` has the key {item.key!r} twice")
        seen.add(item.key)
    return items
