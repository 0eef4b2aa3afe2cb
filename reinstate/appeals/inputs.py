"""What a driver may set on an appeal, checked before anything is written.

One shape for the command line's TOML file and the web forms: each section is optional, and a
section that is given replaces what was there. Every refusal is an AppealInputError with a
message a person can act on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reinstate.rules.appeal.readiness import PlanAction, Statement
from reinstate.rules.catalogue.files import load_catalogue


class AppealInputError(ValueError):
    """Bad appeal input; the message says what to change."""


@dataclass(frozen=True)
class Explanation:
    policies: tuple[str, ...] = ()
    policy_quote: str = ""
    what_happened: str = ""
    acknowledgement: str = ""
    context: str = ""
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Plan:
    root_causes: tuple[str, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    monitoring_metric: str = ""
    monitoring_threshold: str = ""
    monitoring_frequency: str = ""
    commitment: str = ""
    commitment_policies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    driving_since: str = ""
    work_completed: str = ""
    metrics: str = ""
    positive_feedback: str = ""


@dataclass(frozen=True)
class AppealInput:
    explanation: Explanation | None = None
    plan: Plan | None = None
    record: Record | None = None


def read_appeal_file(path: Path) -> AppealInput:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise AppealInputError(f"No file {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise AppealInputError(f"Cannot read {path}: {error}.") from None
    except tomllib.TOMLDecodeError as error:
        raise AppealInputError(f"{path} is not valid TOML: {error}.") from None
    return parse_appeal(data)


def parse_appeal(data: dict[str, Any]) -> AppealInput:
    _only(data, {"explanation", "plan", "record"}, "the file")
    return AppealInput(
        explanation=_explanation(_table(data, "explanation")) if "explanation" in data else None,
        plan=_plan(_table(data, "plan")) if "plan" in data else None,
        record=_record(_table(data, "record")) if "record" in data else None,
    )


def check_policies(refs: tuple[str, ...], where: str) -> tuple[str, ...]:
    catalogue = load_catalogue()
    for ref in refs:
        try:
            catalogue.policy(ref)
        except KeyError:
            raise AppealInputError(
                f"{where}: no policy {ref!r} in the catalogue (write it as platform.key, "
                "e.g. amazon_flex.terms_of_service, or quote it in policy_quote)."
            ) from None
    return refs


def _explanation(data: dict[str, Any]) -> Explanation:
    where = "[explanation]"
    _only(
        data,
        {"policies", "policy_quote", "what_happened", "acknowledgement", "context", "statements"},
        where,
    )
    statements = []
    for index, row in enumerate(_rows(data, "statements", where), start=1):
        _only(row, {"text", "exhibits"}, f"statement {index}")
        text = _text(row, "text", f"statement {index}")
        if not text:
            raise AppealInputError(f"statement {index} has no text.")
        labels = tuple(label.upper() for label in _strings(row, "exhibits", f"statement {index}"))
        statements.append(Statement(text, labels))
    return Explanation(
        policies=check_policies(_strings(data, "policies", where), where),
        policy_quote=_text(data, "policy_quote", where),
        what_happened=_text(data, "what_happened", where),
        acknowledgement=_text(data, "acknowledgement", where),
        context=_text(data, "context", where),
        statements=tuple(statements),
    )


def _plan(data: dict[str, Any]) -> Plan:
    where = "[plan]"
    _only(
        data, {"root_causes", "actions", "monitoring", "commitment", "commitment_policies"}, where
    )
    actions = []
    for index, row in enumerate(_rows(data, "actions", where), start=1):
        at = f"action {index}"
        _only(row, {"action", "target", "starts_on"}, at)
        action = _text(row, "action", at)
        if not action:
            raise AppealInputError(f"{at} says nothing to do.")
        actions.append(
            PlanAction(action, _text(row, "target", at), _date(row.get("starts_on"), at))
        )
    monitoring = _table(data, "monitoring") if "monitoring" in data else {}
    _only(monitoring, {"metric", "threshold", "frequency"}, "[plan.monitoring]")
    return Plan(
        root_causes=_strings(data, "root_causes", where),
        actions=tuple(actions),
        monitoring_metric=_text(monitoring, "metric", "[plan.monitoring]"),
        monitoring_threshold=_text(monitoring, "threshold", "[plan.monitoring]"),
        monitoring_frequency=_text(monitoring, "frequency", "[plan.monitoring]"),
        commitment=_text(data, "commitment", where),
        commitment_policies=check_policies(_strings(data, "commitment_policies", where), where),
    )


def _record(data: dict[str, Any]) -> Record:
    where = "[record]"
    _only(data, {"driving_since", "work_completed", "metrics", "positive_feedback"}, where)
    return Record(
        driving_since=_text(data, "driving_since", where),
        work_completed=_text(data, "work_completed", where),
        metrics=_text(data, "metrics", where),
        positive_feedback=_text(data, "positive_feedback", where),
    )


def _only(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise AppealInputError(
            f"{where}: unknown {', '.join(unknown)} (expected {', '.join(sorted(allowed))})."
        )


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        raise AppealInputError(f"{key} must be a table ([{key}]).")
    return value


def _rows(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise AppealInputError(f"{where}: {key} must be a list of tables ([[…{key}]]).")
    return value


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise AppealInputError(f"{where}: {key} must be text.")
    return value.strip()


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AppealInputError(f"{where}: {key} must be a list of text.")
    return tuple(v.strip() for v in value if v.strip())


def _date(value: object, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AppealInputError(f"{where}: starts_on must be a date like 2026-12-01.")
