"""What a driver may set on an appeal, checked before anything is written.

The command line's TOML file and the web forms build the same sections, the rules' own types
(rules/appeal/shape.py), read field by field by name: a new text field in a section needs
nothing here. Every refusal is an AppealInputError with a message a person can act on.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from django.utils.translation import gettext as _

from reinstate.rules.appeal.shape import (
    STANCES,
    Explanation,
    Plan,
    PlanAction,
    Record,
    Statement,
)
from reinstate.rules.catalogue.files import load_catalogue

S = TypeVar("S", Explanation, Plan, Record)
Item = TypeVar("Item", Statement, PlanAction)
Shape = TypeVar("Shape", Explanation, Plan, Record, Statement, PlanAction)
Rows = Mapping[str, Callable[[list[dict[str, Any]]], tuple[Any, ...]]]

# Fields that hold catalogue refs: each ref must be in the catalogue.
POLICY_FIELDS = ("policies", "commitment_policies")
# Fields that hold one of a few words, and those words.
CHOICE_FIELDS = {"stance": STANCES}
# The file writes the plan's monitoring_* fields in a table of their own, [plan.monitoring].
MONITORING = "monitoring_"


class AppealInputError(ValueError):
    """Bad appeal input; the message says what to change."""


@dataclass(frozen=True)
class AppealInput:
    """The sections a driver sets: each section given replaces what was there, None leaves
    it. The sections are the rules' own types: by the time they are built, every field has been
    checked (exhibit labels excepted: do_set_appeal checks them against the case)."""

    explanation: Explanation | None = None
    plan: Plan | None = None
    record: Record | None = None


def read_appeal_file(path: Path) -> AppealInput:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise AppealInputError(_("No file %(path)s.") % {"path": path}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AppealInputError(
            _("Cannot read %(path)s: %(error)s.") % {"path": path, "error": error}
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise AppealInputError(
            _("%(path)s is not valid TOML: %(error)s.") % {"path": path, "error": error}
        ) from None
    return parse_appeal(data)


def parse_appeal(data: dict[str, Any]) -> AppealInput:
    _only(data, {"explanation", "plan", "record"}, _("the file"))
    return AppealInput(
        explanation=_explanation(_table(data, "explanation")) if "explanation" in data else None,
        plan=_plan(_table(data, "plan")) if "plan" in data else None,
        record=_read(Record, _table(data, "record"), "[record]") if "record" in data else None,
    )


def from_form(kind: type[Shape], cleaned_data: Mapping[str, Any], **given: Any) -> Shape:
    """A section, a statement or an action from a web form: the fields the form has (text
    trimmed, lists as tuples, catalogue refs checked as in the file), and `given`, those the
    form builds its own way. A section's statements and actions keep their empty defaults:
    the web adds and removes them one at a time (appeals.actions)."""
    values = dict(given)
    for f in fields(kind):
        if f.name in cleaned_data and f.name not in given:
            values[f.name] = _trimmed(cleaned_data[f.name])
    for name in POLICY_FIELDS:
        if name in values:
            check_policies(values[name], name)
    for name, words in CHOICE_FIELDS.items():
        if name in values and values[name] not in words:
            raise AppealInputError(
                _("%(key)s must be %(words)s or %(last)s.")
                % {"key": name, "words": ", ".join(words[:-1]), "last": words[-1]}
            )
    return kind(**values)


def _trimmed(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return tuple(v.strip() for v in value)
    return value  # a date


def check_policies(refs: tuple[str, ...], where: str) -> tuple[str, ...]:
    catalogue = load_catalogue()
    for ref in refs:
        try:
            catalogue.policy(ref)
        except KeyError:
            raise AppealInputError(
                _(
                    "%(where)s: no policy %(ref)s in the catalogue (write it as platform.key, "
                    "e.g. amazon_flex.terms_of_service, or quote it in policy_quote)."
                )
                % {"where": where, "ref": repr(ref)}
            ) from None
    return refs


def _explanation(data: dict[str, Any]) -> Explanation:
    return _read(Explanation, data, "[explanation]", rows={"statements": _statements})


def _plan(data: dict[str, Any]) -> Plan:
    return _read(Plan, data, "[plan]", rows={"actions": _actions})


def _read(section: type[S], data: dict[str, Any], where: str, *, rows: Rows | None = None) -> S:
    """A section from its table in the file, field by field by name: `rows` reads the lists of
    tables (statements, actions), _value every other field."""
    rows = rows or {}
    own = [f for f in fields(section) if not f.name.startswith(MONITORING)]
    monitoring = [f for f in fields(section) if f.name.startswith(MONITORING)]
    _only(data, {f.name for f in own} | ({"monitoring"} if monitoring else set()), where)
    values: dict[str, Any] = {}
    for f in own:
        if f.name in rows:
            values[f.name] = rows[f.name](_rows(data, f.name, where))
        else:
            values[f.name] = _value(data, f.name, f, where)
    if monitoring:
        table = _table(data, "monitoring") if "monitoring" in data else {}
        where = f"{where[:-1]}.monitoring]"
        _only(table, {f.name.removeprefix(MONITORING) for f in monitoring}, where)
        for f in monitoring:
            values[f.name] = _value(table, f.name.removeprefix(MONITORING), f, where)
    return section(**values)


def _value(data: dict[str, Any], key: str, f: Field[Any], where: str) -> Any:
    """A field's value, read by its kind (told by its default): text (required, or ""), a list
    of text (()), a date (None); a choice (CHOICE_FIELDS) is one of its words, by default its
    field's default."""
    if f.name in CHOICE_FIELDS:
        return _choice(data, key, f, where)
    if f.default is MISSING or f.default == "":
        return _text(data, key, where)
    if f.default == ():
        refs = _strings(data, key, where)
        return check_policies(refs, where) if f.name in POLICY_FIELDS else refs
    if f.default is None:
        return _date(data.get(key), key, where)
    raise TypeError(f"No reader for the field {f.name}: say here how the file writes it.")


def _choice(data: dict[str, Any], key: str, f: Field[Any], where: str) -> str:
    words = CHOICE_FIELDS[f.name]
    value = _text(data, key, where) or f.default
    if value not in words:
        raise AppealInputError(
            _("%(where)s: %(key)s must be %(words)s or %(last)s.")
            % {"where": where, "key": key, "words": ", ".join(words[:-1]), "last": words[-1]}
        )
    return str(value)


def _item(kind: type[Item], row: dict[str, Any], where: str) -> Item:
    """A statement or an action, from its table in the list."""
    _only(row, {f.name for f in fields(kind)}, where)
    return kind(**{f.name: _value(row, f.name, f, where) for f in fields(kind)})


def _statements(rows: list[dict[str, Any]]) -> tuple[Statement, ...]:
    statements = []
    for index, row in enumerate(rows, start=1):
        statement = _item(Statement, row, _("statement %(number)s") % {"number": index})
        if not statement.text:
            raise AppealInputError(_("statement %(number)s has no text.") % {"number": index})
        labels = tuple(label.upper() for label in statement.exhibits)
        statements.append(replace(statement, exhibits=labels))
    return tuple(statements)


def _actions(rows: list[dict[str, Any]]) -> tuple[PlanAction, ...]:
    actions = []
    for index, row in enumerate(rows, start=1):
        action = _item(PlanAction, row, _("action %(number)s") % {"number": index})
        if not action.action:
            raise AppealInputError(_("action %(number)s says nothing to do.") % {"number": index})
        actions.append(action)
    return tuple(actions)


def _only(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise AppealInputError(
            _("%(where)s: unknown %(keys)s (expected %(allowed)s).")
            % {"where": where, "keys": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))}
        )


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        raise AppealInputError(_("%(key)s must be a table ([%(key)s]).") % {"key": key})
    return value


def _rows(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise AppealInputError(
            _("%(where)s: %(key)s must be a list of tables ([[…%(key)s]]).")
            % {"where": where, "key": key}
        )
    return value


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise AppealInputError(_("%(where)s: %(key)s must be text.") % {"where": where, "key": key})
    return value.strip()


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AppealInputError(
            _("%(where)s: %(key)s must be a list of text.") % {"where": where, "key": key}
        )
    return tuple(v.strip() for v in value if v.strip())


def _date(value: object, key: str, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AppealInputError(
        _("%(where)s: %(key)s must be a date like 2026-12-01.") % {"where": where, "key": key}
    )
