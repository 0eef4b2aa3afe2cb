"""The notice reader's phrases, compiled: folding the text, turning the catalogue's phrases into
patterns, and the prefilter that keeps a fresh process cheap to start.

The phrase lists live in ``reinstate/catalogue/reading.toml``. Both halves of the reader (the
platform, kind and reason in reader.py; the deadline in deadline_grammar.py) compile their
phrases here, and read only the head of a text (SCAN_LIMIT characters).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

# Real notices are a few thousand characters (a long email, signature and footer included,
# stays well under this); reading only the head of a pasted 10 MB blob keeps every regex pass
# cheap whatever arrives.
SCAN_LIMIT = 12_000

# One character for one character, so offsets into the folded text are offsets into the original.
_FOLD = str.maketrans(
    "áéíóúüñÁÉÍÓÚÜÑàèìòùÀÈÌÒÙâêîôûÂÊÎÔÛ’‘ʼ´“”„–—\u00a0\u2009\u202f",  # noqa: RUF001
    "aeiouunAEIOUUNaeiouAEIOUaeiouAEIOU''''\"\"\"--   ",
)
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "etc", "approx", "vs"]
)  # fmt: skip


# A line broken inside a sentence (a wrapped email, text read from a screenshot) before a word
# in lower case: read as a space, so "complete the form\nbefore Sunday" stays one clause.
_SOFT_BREAK = re.compile(r"(?<=[^\s.!?:;])\n(?=[ \t]*[a-z])")
# A word cut by a line break: "men-\nsaje", or "diciem\nbre" where the halves make a month or a
# weekday (without the hyphen only those: "form\nbefore" is two words).
# (Each half is bounded and starts a word, so a long run of letters is scanned once.)
_CUT_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,30})(-?)\n[ \t]*([a-z]{1,30})(?![a-z])")


def fold(text: str) -> str:
    """Accents, curly quotes, odd spaces and line breaks inside a sentence folded away,
    keeping every offset (a word mended across a break takes the break's place after it)."""
    folded = fold_characters(text)
    if "\n" not in folded:
        return folded
    return _SOFT_BREAK.sub(" ", _CUT_WORD.sub(_mend, folded))


def fold_characters(text: str) -> str:
    """Accents, curly quotes and odd spaces folded away (what ticket numbers are read in)."""
    return text.translate(_FOLD)


def _mend(cut: re.Match[str]) -> str:
    head, hyphen, tail = cut.groups()
    if not hyphen and (head + tail).lower() not in _calendar_words():
        return cut.group()
    return head + tail + " " * (len(cut.group()) - len(head) - len(tail))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    grammar = load_reading_catalogue()["grammar"]
    names = [*grammar["months"].values(), *grammar["weekdays"].values()]
    return frozenset(name for group in names for name in group)


@lru_cache(maxsize=1)
def load_reading_catalogue() -> dict[str, Any]:
    """The reading catalogue (reinstate/catalogue/reading.toml), parsed once."""
    raw = resources.files("reinstate.catalogue").joinpath("reading.toml").read_text("utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=4096)
def phrase_source(phrase: str) -> str:
    """A catalogue phrase as regex source: folded; a space (outside [...]) is any whitespace.

    "door ?dash": a space followed by "?" is optional whitespace.
    """
    return _PHRASE_SPACES.sub(_space, fold(phrase.strip()))


# an escape or a class is kept as it is; a space outside them is any run of whitespace
_PHRASE_SPACES = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]| \?| ", re.DOTALL)


def _space(match: re.Match[str]) -> str:
    found = match.group()
    return r"\s*" if found == " ?" else r"\s+" if found == " " else found


def compile_catalogue_pattern(source: str, phrases: list[str]) -> re.Pattern[str]:
    """Compile a pattern built from catalogue phrases; a bad phrase is named, not just the regex.

    Phrases are checked one by one only when the whole fails, which keeps start-up fast.
    """
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as error:
        for phrase in phrases:
            try:
                re.compile(phrase_source(phrase))
            except re.error as bad:
                raise ValueError(
                    f"reading.toml: phrase {phrase!r} is not a valid pattern: {bad}"
                ) from None
        raise ValueError(f"reading.toml: a pattern does not compile: {error}") from None


def alternation(phrases: list[str]) -> str:
    """Whole-word alternation of catalogue phrases, longer phrases tried first."""
    # (?=\w): a phrase starts on a word, so runs of spaces or punctuation fail at once
    return r"(?<!\w)(?=\w)(?:" + phrase_choices(phrases) + r")(?!\w)"


def phrase_choices(phrases: list[str]) -> str:
    """Catalogue phrases as one regex alternation (no word boundaries), longer ones first."""
    sources = _sources(phrases)
    return "|".join(sources) if sources else r"(?!x)x"  # an empty list matches nothing


def _sources(phrases: list[str]) -> list[str]:
    """Distinct phrase sources, longer ones first (ties in a fixed order)."""
    return sorted({phrase_source(p) for p in phrases if p.strip()}, key=lambda s: (-len(s), s))


def compile_phrases(phrases: list[str]) -> re.Pattern[str]:
    return compile_catalogue_pattern(alternation(phrases), phrases)


# ---------------------------------------------------------------------------------------------
# Start-up cost. Compiling the catalogue's thousands of alternatives is most of what a fresh
# process spends on its first notice, and a notice can match only the phrases whose words it
# contains. So each alternation is compiled for just those phrases (a cheap substring test on
# the literal words every match of a phrase must contain). Dropping alternatives that cannot
# match anywhere in the text changes no match, so the result is the full pattern's. After a few
# distinct texts the full pattern is compiled once and used from then on.
# ---------------------------------------------------------------------------------------------

Clause = str | tuple[str, ...]
Requirement = tuple[Clause, ...]
"""Clauses every match of a phrase satisfies: a string that occurs, or a tuple of strings one
of which occurs."""

# The tokens of the phrase syntax, found in one pass: a run of literal characters and
# character-type escapes ("threat\w*", "under\s+review"), another escape, a class, inline flags,
# a lookaround opening, a group opening, a group end or bar, a quantifier, or any other single
# character ("." "^" "$" a stray brace).
_ANY_OF = r"\\[sSwWdD](?:[?*+]|\{\d*(?:,\d*)?\})?[?+]?"
_TOKENS = re.compile(
    rf"(?:[^\\\[\](){{}}|?*+.^$\n]+|{_ANY_OF})+|\\x[0-9a-fA-F]{{2}}|\\.|\[\^?\]?(?:\\.|[^\]\\])*\]"
    r"|\(\?[a-zA-Z-]*\)|\(\?(?:=|!|<=|<!)"
    r"|\((?:\?P<[^>]*>|\?:|\?[a-zA-Z-]*:)?|[)|]|(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?|\n|.",
    re.DOTALL,
)
_RUN_BREAKS = re.compile(_ANY_OF)
_LOOKS = frozenset(["(?=", "(?!", "(?<=", "(?<!"])
_NOT_RUNS = frozenset("[(.^$?*+{})|\n")


def required_literals(source: str) -> Requirement:
    """Literal strings (case-folded) that any match of the regex ``source`` must contain."""
    return required_literals_of([source])[0]


def required_literals_of(sources: list[str]) -> list[Requirement]:
    """``required_literals`` of many sources, tokenised in one pass.

    A small reader of the phrase syntax the catalogue uses: literal runs, groups, alternation,
    classes, escapes and quantifiers. Whatever it does not understand adds no clause, so the
    answer is always safe to filter with: a text that lacks a clause cannot match.
    """
    tokens = _TOKENS.findall("\n".join(s.replace("\n", " ") for s in sources) + "\n")
    out: list[Requirement] = []
    i = 0
    while i < len(tokens):
        end = tokens.index("\n", i)
        try:
            clauses, stop = _alternation(tokens, i, end)
            out.append(tuple(dict.fromkeys(clauses)) if stop == end else ())
        except IndexError:
            out.append(())  # an unbalanced group: say nothing
        i = end + 1
    return out


def _alternation(tokens: list[str], i: int, end: int) -> tuple[list[Clause], int]:
    clauses, i = _sequence(tokens, i, end)
    if i >= end or tokens[i] != "|":
        return clauses, i
    branches = [clauses]
    while i < end and tokens[i] == "|":
        clauses, i = _sequence(tokens, i + 1, end)
        branches.append(clauses)
    if not all(branches):
        return [], i  # one branch needs nothing, so the alternation needs nothing
    # (A or B) needs one string of A's most selective clause or one of B's
    merged: list[str] = []
    for branch in branches:
        best = max(branch, key=_selectivity)
        merged += [best] if isinstance(best, str) else best
    return [tuple(dict.fromkeys(merged))], i


def _selectivity(clause: Clause) -> int:
    return len(clause) if isinstance(clause, str) else min(map(len, clause))


def _sequence(parts: list[str], i: int, end: int) -> tuple[list[Clause], int]:
    clauses: list[Clause] = []
    while i < end:
        part = parts[i]
        if part == "|" or part == ")":
            break
        i += 1
        group: list[Clause] = []
        if part[0] == "(" and part[-1] != ")":
            group, i = _alternation(parts, i, end)
            if i >= end or parts[i] != ")":
                raise IndexError
            i += 1
            if part in _LOOKS:
                group = []
        optional = False
        if i < end and parts[i][0] in "?*+{" and (parts[i][0] != "{" or "}" in parts[i]):
            quant = parts[i]
            i += 1
            optional = quant[0] in "?*" or quant.startswith(("{0", "{,", "{}"))
        if part[0] == "(":
            if not optional:
                clauses.extend(group)
        elif part[0] not in _NOT_RUNS and not (part[0] == "\\" and part[1:2] not in "sSwWdD"):
            pieces = _RUN_BREAKS.split(part)
            if optional and pieces[-1]:
                pieces[-1] = pieces[-1][:-1]  # "dashers?" needs "dasher"
            clauses += [p.casefold() for p in pieces if p and p.isascii()]
    return clauses, i


class Literals:
    """The literal strings a text contains, each looked up once."""

    def __init__(self, text: str) -> None:
        # casefold, and the one letter (U+0131, dotless i) that a case-insensitive regex
        # equates with an ASCII one but casefold keeps
        self.text = text.casefold().replace("\u0131", "i")
        self._seen: dict[str, bool] = {}

    def has(self, literal: str) -> bool:
        found = self._seen.get(literal)
        if found is None:
            found = self._seen[literal] = literal in self.text
        return found

    def meets(self, requirement: Requirement) -> bool:
        has = self.has
        for clause in requirement:
            if isinstance(clause, str):
                if not has(clause):
                    return False
            elif not any(has(s) for s in clause):
                return False
        return True


@lru_cache(maxsize=8)
def literals_of(scan: str) -> Literals:
    return Literals(scan)


class LazyPattern:
    """A pattern built from lists of catalogue phrases, compiled with the phrases a text holds.

    ``build`` turns the lists (each trimmed to the phrases whose required literals the text
    contains) into regex source, or None when nothing can match. Matches are the same as with
    the full lists, since a phrase left out cannot match anywhere in that text.
    """

    FULL_AFTER = 8  # distinct texts read before the full pattern is compiled once

    def __init__(
        self,
        lists: dict[str, list[str]],
        build: Callable[[dict[str, list[str]]], str | None],
        flags: int = re.IGNORECASE,
    ) -> None:
        self.build = build
        self.flags = flags
        self.names = list(lists)
        self.items = [sorted(set(lists[name])) for name in self.names]
        needs = iter(required_literals_of([phrase_source(p) for ps in self.items for p in ps]))
        self.needs = [[next(needs) for _ in ps] for ps in self.items]
        self._full: re.Pattern[str] | bool | None = False
        self._subsets: dict[tuple[tuple[int, ...], ...], re.Pattern[str] | None] = {}

    def _compile(self, key: tuple[tuple[int, ...], ...] | None) -> re.Pattern[str] | None:
        lists = {
            name: items if key is None else [items[i] for i in key[n]]
            for n, (name, items) in enumerate(zip(self.names, self.items, strict=True))
        }
        source = self.build(lists)
        if source is None:
            return None
        phrases = [p for ps in self.items for p in ps]
        try:
            return re.compile(source, self.flags)
        except re.error:
            return compile_catalogue_pattern(source, phrases)  # names the broken phrase

    def full(self) -> re.Pattern[str] | None:
        """The pattern with every phrase (what a long-running process ends up using)."""
        if self._full is False:
            self._full = self._compile(None)
            self._subsets.clear()
        return self._full if isinstance(self._full, re.Pattern) else None

    def pattern(self, literals: Literals) -> re.Pattern[str] | None:
        """The pattern to match the text of ``literals`` with: same matches as the full one."""
        if self._full is not False:
            return self.full()
        key = tuple(
            tuple(i for i, need in enumerate(needs) if literals.meets(need)) for needs in self.needs
        )
        if key in self._subsets:
            return self._subsets[key]
        if len(self._subsets) >= self.FULL_AFTER or all(
            len(k) == len(items) for k, items in zip(key, self.items, strict=True)
        ):
            return self.full()
        pattern = self._subsets[key] = self._compile(key)
        return pattern

    def finditer(self, scan: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        pattern = self.pattern(literals_of(scan))
        if pattern is None:
            return []
        return list(pattern.finditer(scan, pos, len(scan) if endpos is None else endpos))

    def search(self, scan: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern = self.pattern(literals_of(scan))
        if pattern is None:
            return None
        return pattern.search(scan, pos, len(scan) if endpos is None else endpos)

    def match(self, scan: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern = self.pattern(literals_of(scan))
        if pattern is None:
            return None
        return pattern.match(scan, pos, len(scan) if endpos is None else endpos)


def lazy_alternation(tiers: list[tuple[str, list[str]]], template: str) -> LazyPattern:
    """Tiers of phrases as one alternation, each tier a named group ("" for none), lazily.

    ``template`` wraps the alternation at "{}"; a tier left with no phrases is left out.
    """

    def build(lists: dict[str, list[str]]) -> str | None:
        parts = [
            f"(?P<{name}>{phrase_choices(lists[name])})" if name else phrase_choices(lists[name])
            for name, _ in tiers
            if lists[name]
        ]
        return template.replace("{}", "|".join(parts)) if parts else None

    return LazyPattern({name: phrases for name, phrases in tiers}, build)


def lazy_phrases(phrases: list[str]) -> LazyPattern:
    """Whole-word alternation of catalogue phrases (as ``alternation``), compiled lazily."""
    return lazy_alternation([("", phrases)], r"(?<!\w)(?=\w)(?:{})(?!\w)")


_BOUNDARY = re.compile(r"[.!?](?=\s|$)|[;\n]|:(?=\s)")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,12}$")


def clause_bounds(scan: str, start: int, end: int) -> tuple[int, int]:
    """The sentence-like clause around [start, end): ends at . ! ? ; : or a line break."""
    stops = _boundaries(scan)
    i = bisect_right(stops, start - 1)
    lo = stops[i - 1] + 1 if i > 0 else 0
    j = bisect_right(stops, end - 1)
    hi = stops[j] if j < len(stops) else len(scan)
    return lo, hi


@lru_cache(maxsize=8)
def _boundaries(scan: str) -> list[int]:
    stops: list[int] = []
    for match in _BOUNDARY.finditer(scan):
        pos = match.start()
        if scan[pos] == ".":
            word = _WORD_BEFORE.search(scan, max(0, pos - 12), pos)
            # "p. m.", "a.m.", "Dec." and single initials do not end a sentence
            if word and (len(word.group()) == 1 or word.group().lower() in _ABBREVIATIONS):
                continue
        stops.append(pos)
    return stops
