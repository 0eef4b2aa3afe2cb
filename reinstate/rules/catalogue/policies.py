"""The policy library, ``policies.toml``, read into types: each platform's documents and the
clauses that matter for each reason, quoted (or summarised, and said so) with where and when
they were seen.

Pure, no Django. Like ``options``, it lives beside the main catalogue and reads with its
``_Entry``, so a misspelt field, an entry without a source or a text without its Spanish is
refused the same way. A quote is the document's own words and is never translated; a summary is
ours, and is.
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

from reinstate.rules.catalogue.files import (
    SOURCE_PREFIXES,
    _Entry,
    _read_toml,
    _Sourced,
    _translated,
)
from reinstate.rules.catalogue.types import ANY_REASON, Confidence
from reinstate.rules.notice.reading import PLATFORMS, REASONS

FILE = "policies.toml"


@dataclass(frozen=True, kw_only=True)
class Clause:
    """One clause of a document: its own words (``quote``) or our summary of them."""

    key: str
    platform: str
    document: str  # the document's key
    reasons: tuple[str, ...]  # reason keys, or ("any",)
    quote: str | None
    summary: str | None
    version: str  # which text of the document: "the 2016 terms, as quoted in ..."
    source: str
    confidence: Confidence
    checked: date  # the day it was seen at `source`
    note: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.platform}.{self.document}.{self.key}"

    @property
    def is_quote(self) -> bool:
        return self.quote is not None

    def applies_to(self, reason: str | None) -> bool:
        return ANY_REASON in self.reasons or reason in self.reasons


@dataclass(frozen=True, kw_only=True)
class PolicyDocument:
    key: str
    platform: str
    title: str
    publisher: str
    url: str | None  # the page `reinstate policy fetch` reads; None when none is public
    clauses: tuple[Clause, ...]
    source: str
    confidence: Confidence
    checked: date
    note: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.platform}.{self.key}"


@dataclass(frozen=True, kw_only=True)
class PolicyLibrary:
    documents: Mapping[str, PolicyDocument]  # by ref "<platform>.<document>"
    translated: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def translations(self, language: str) -> Mapping[str, str]:
        """English text -> its translation in ``language`` ("es"); empty for English."""
        return self.translated.get(language, MappingProxyType({}))

    def for_platform(self, platform: str | None) -> list[PolicyDocument]:
        return [d for d in self.documents.values() if d.platform == platform]

    def clauses_for(self, platform: str | None, reason: str | None) -> list[Clause]:
        """The platform's clauses for the reason: the reason's own first, then those for any."""
        clauses = [c for d in self.for_platform(platform) for c in d.clauses]
        own = [c for c in clauses if reason is not None and reason in c.reasons]
        return own + [c for c in clauses if c not in own and ANY_REASON in c.reasons]

    def clause(self, ref: str) -> Clause:
        platform, document, key = [*ref.split("."), "", ""][:3]
        found = self.documents.get(f"{platform}.{document}")
        for clause in found.clauses if found else ():
            if clause.key == key:
                return clause
        raise KeyError(f"the policy library has no clause {ref!r}")

    def document(self, ref: str) -> PolicyDocument:
        try:
            return self.documents[ref]
        except KeyError:
            raise KeyError(f"the policy library has no document {ref!r}") from None

    def fetchable(self, platform: str | None = None) -> list[PolicyDocument]:
        """The documents with a public page to read, of one platform or all."""
        return [
            d
            for d in self.documents.values()
            if d.url is not None and (platform is None or d.platform == platform)
        ]


def load_policies(directory: str | os.PathLike[str] | None = None) -> PolicyLibrary:
    """The packaged policy library (read once), or the one in ``directory``."""
    if directory is None:
        return _packaged()
    return _read(Path(directory))


@functools.cache
def _packaged() -> PolicyLibrary:
    return _read(resources.files("reinstate.catalogue"))


def _read(folder: Traversable) -> PolicyLibrary:
    doc = _read_toml(folder, FILE)
    documents: dict[str, PolicyDocument] = {}
    for platform, entry in doc.children():
        if platform not in PLATFORMS:
            raise entry.fail(f"is not a platform ({', '.join(PLATFORMS)})")
        for key, document in entry.children():
            found = _document(platform, key, document)
            documents[found.ref] = found
    doc.done()
    return PolicyLibrary(documents=MappingProxyType(documents), translated=_translated([doc]))


def _sourced(entry: _Entry) -> _Sourced:
    """The fields every entry carries; here a note is shown beside its entry, so translated."""
    sourced = entry.sourced()
    sourced["note"] = entry.opt_words("note")
    return sourced


def _document(platform: str, key: str, entry: _Entry) -> PolicyDocument:
    url = entry.opt_text("url")
    if url is not None and not url.startswith(SOURCE_PREFIXES):
        raise entry.fail(f"`url` must start with https:// (got {url!r})")
    clauses = tuple(_clause(platform, key, e) for e in entry.tables("clauses"))
    seen: set[str] = set()
    for clause in clauses:
        if clause.key in seen:
            raise entry.fail(f"`clauses` has the key {clause.key!r} twice")
        seen.add(clause.key)
    return PolicyDocument(
        key=key,
        platform=platform,
        title=entry.words("title"),
        publisher=entry.text("publisher"),
        url=url,
        clauses=clauses,
        **_sourced(entry),
    )


def _clause(platform: str, document: str, entry: _Entry) -> Clause:
    quote, summary = entry.opt_text("quote"), entry.opt_words("summary")
    if (quote is None) == (summary is None):
        raise entry.fail(
            "needs `quote` (the document's own words) or `summary` (ours, said so), not both"
        )
    reasons = entry.texts("reasons", (*REASONS, ANY_REASON))
    if not reasons:
        raise entry.fail('has no `reasons` (use ["any"] for every reason)')
    return Clause(
        key=entry.text("key"),
        platform=platform,
        document=document,
        reasons=reasons,
        quote=" ".join(quote.split()) if quote else None,
        summary=summary,
        version=entry.words("version"),
        **_sourced(entry),
    )
