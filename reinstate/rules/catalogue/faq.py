"""The questions and answers of the /help/ page, ``faq.toml``, read into types.

Pure, no Django. It reads with the main loader's ``_Entry`` (a misspelt field, a text without its
Spanish or an answer without a source is refused by name); its Spanish joins the catalogue's
translations, so the page shows each text with ``{% translate %}``.
"""

from __future__ import annotations

import functools
import os
import re
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
    _translated,
)

FILE = "faq.toml"
# An anchor is part of a link other pages (and people) keep: lower-case words and dashes.
ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, kw_only=True)
class Question:
    anchor: str
    question: str
    answer: tuple[str, ...]  # paragraphs
    sources: tuple[str, ...]
    checked: date


@dataclass(frozen=True, kw_only=True)
class Faq:
    questions: tuple[Question, ...]
    translated: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def translations(self, language: str) -> Mapping[str, str]:
        return self.translated.get(language, MappingProxyType({}))

    def question(self, anchor: str) -> Question:
        for question in self.questions:
            if question.anchor == anchor:
                return question
        raise KeyError(f"the FAQ has no question {anchor!r}")


def load_faq(directory: str | os.PathLike[str] | None = None) -> Faq:
    """The packaged questions (read once), or those in ``directory``."""
    if directory is None:
        return _packaged()
    return _read(Path(directory))


@functools.cache
def _packaged() -> Faq:
    return _read(resources.files("reinstate.catalogue"))


def _read(folder: Traversable) -> Faq:
    doc = _read_toml(folder, FILE)
    questions = tuple(_question(entry) for entry in doc.tables("questions"))
    doc.done()
    seen: set[str] = set()
    for question in questions:
        if question.anchor in seen:
            raise doc.fail(f"the anchor {question.anchor!r} is used twice")
        seen.add(question.anchor)
    return Faq(questions=questions, translated=_translated([doc]))


def _question(entry: _Entry) -> Question:
    anchor = entry.text("anchor")
    if not ANCHOR.match(anchor):
        raise entry.fail(f"`anchor` must be lower-case words joined by dashes (got {anchor!r})")
    answer = entry.words_list("answer")
    if not answer:
        raise entry.fail("has no `answer`")
    sources = entry.texts("sources")
    if not sources or not all(s.startswith(SOURCE_PREFIXES) for s in sources):
        raise entry.fail("`sources` must list the web pages the answer rests on")
    checked = entry.opt_date("checked")
    if checked is None:
        raise entry.fail("has no `checked` (the day it was last checked, like 2026-12-04)")
    return Question(
        anchor=anchor,
        question=entry.words("question"),
        answer=answer,
        sources=sources,
        checked=checked,
    )
