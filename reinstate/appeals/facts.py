"""Gathers what the pure appeal rules need from the database, in their own types
(rules/appeal/shape.py). The one place that reads an `Appeal` row into those types: the
readiness check, the letter's draft, the packet and the presenters all start here."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model
from django.utils import translation

from reinstate.accounts.models import PlatformAccount
from reinstate.appeals import models
from reinstate.appeals.queries import appeal_of, letters_of
from reinstate.cases.models import Case, ChecklistItem
from reinstate.rules.appeal.letter import draft_letter
from reinstate.rules.appeal.readiness import Readiness, check_readiness
from reinstate.rules.appeal.shape import (
    AppealFacts,
    AppealSections,
    Explanation,
    Plan,
    PlanAction,
    Record,
    Section,
    Statement,
)
from reinstate.rules.catalogue.files import load_catalogue

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def column_names(section: type[Section]) -> tuple[str, ...]:
    """The section's fields kept in the `Appeal` row's columns of the same names. The others
    (statements, actions) are rows of their own, named by the relation of the same name."""
    return tuple(f.name for f in fields(section) if models.Appeal._meta.get_field(f.name).concrete)


def statement_of(row: models.Statement) -> Statement:
    labels = tuple(sorted(item.exhibit for item in row.exhibits.all()))
    return _read_row(Statement, row, exhibits=labels)


def plan_action_of(row: models.PlanAction) -> PlanAction:
    return _read_row(PlanAction, row)


def appeal_sections(appeal: models.Appeal) -> AppealSections:
    """The appeal as written. `appeal` comes from queries.appeal_of, with its rows fetched."""
    statements = tuple(statement_of(row) for row in appeal.statements.all())
    actions = tuple(plan_action_of(row) for row in appeal.actions.all())
    return AppealSections(
        explanation=_read_row(Explanation, appeal, statements=statements),
        plan=_read_row(Plan, appeal, actions=actions),
        record=_read_row(Record, appeal),
    )


def _read_row(kind: type[T], row: Model, **given: Any) -> T:
    """`kind` from the row's fields of the same names (JSON lists as tuples), and `given`:
    the fields stored another way (rows of their own, an exhibit's label)."""
    values = dict(given)
    for f in fields(kind):
        if f.name not in given:
            value = getattr(row, f.name)
            values[f.name] = tuple(value) if isinstance(value, list) else value
    return kind(**values)


def missing_documents(case: Case) -> tuple[str, ...]:
    covered = set(
        case.evidence.filter(satisfies__isnull=False).values_list("satisfies__pk", flat=True)
    )
    return missing_from(case.checklist.all(), covered)


def missing_from(checklist: Iterable[ChecklistItem], covered: set[int]) -> tuple[str, ...]:
    """The required documents not ticked and not covered by evidence (`covered`: item ids)."""
    return tuple(
        item.title
        for item in checklist
        if item.required and not item.done and item.pk not in covered
    )


def platform_account(case: Case) -> str:
    """How the case's platform knows the driver (from their profile), "" when not given."""
    if not case.platform:
        return ""
    found = PlatformAccount.objects.filter(user_id=case.owner_id, platform=case.platform).first()
    return found.identifier.strip() if found else ""


def notice_references(case: Case) -> tuple[str, ...]:
    """The ticket and case numbers the notice carries, as the reader kept them."""
    refs = case.reading.get("references", {}) if isinstance(case.reading, dict) else {}
    found: list[str] = []
    for key in ("case_id", "ticket_numbers"):
        value = refs.get(key) if isinstance(refs, dict) else None
        values = value if isinstance(value, list) else [value]
        found += [str(v).strip() for v in values if v and str(v).strip()]
    return tuple(dict.fromkeys(found))


def appeal_facts(case: Case, appeal: models.Appeal | None = None) -> AppealFacts:
    """`appeal`: the case's, from queries.appeal_of, when the caller has it already."""
    if appeal is None:
        appeal = appeal_of(case)
    return facts_from(
        case,
        appeal,
        letters=letters_of(case),
        platform_account=platform_account(case),
        missing=missing_documents(case),
        exhibit_count=case.evidence.count(),
        support_contacts=case.contacts.count(),  # counted, not loaded: there may be 100,000
    )


def facts_from(
    case: Case,
    appeal: models.Appeal,
    *,
    letters: list[models.LetterVersion],
    platform_account: str,
    missing: tuple[str, ...],
    exhibit_count: int,
    support_contacts: int,
) -> AppealFacts:
    """The facts from rows already read: appeal_facts reads them for one case, the docket
    (compose/docket_progress.py) for a page of cases at once. `letters` newest first."""
    sections = appeal_sections(appeal)
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    reason = catalogue.reasons.get(case.reason or "")
    titles = {}
    for ref in (*sections.explanation.policies, *sections.plan.commitment_policies):
        # A policy since removed from the catalogue has no title: the letter keeps the ref.
        with suppress(KeyError):
            titles[ref] = catalogue.policy(ref).title
    approved = next((v for v in letters if v.status == v.Status.APPROVED), None)
    return AppealFacts(
        appeal=sections,
        driver_name=case.owner.display_name(),
        legal_name=case.owner.legal_name.strip(),
        platform_account=platform_account,
        notice_references=notice_references(case),
        platform_name=platform.name if platform else "",
        reason=case.reason,
        reason_title=reason.title if reason else "",
        explained_reason=appeal.reason or None,
        notice_date=case.received_at.astimezone(case.tz).date(),
        deadline=case.deadline,
        missing_documents=missing,
        exhibit_count=exhibit_count,
        policy_titles=titles,
        newest_letter=letters[0].text if letters else "",
        newest_version=letters[0].number if letters else None,
        approved_letter=approved.text if approved else "",
        approved_version=approved.number if approved else None,
        support_contacts=support_contacts,
    )


def readiness_of(case: Case, *, now: datetime) -> Readiness:
    return check_readiness(appeal_facts(case), now=now)


def letter_language(case: Case) -> str:
    """The language the letter goes to the platform in ("en" unless the driver chose another):
    the letter's draft, the packet and the texts to copy are written in it."""
    return appeal_of(case).letter_language or "en"


def reading_language() -> str:
    """The language the driver reads the pages in ("en", "es"): the active one."""
    return (translation.get_language() or "en").split("-")[0]


def first_draft(case: Case, *, language: str | None = None) -> str:
    """The letter drafted from everything entered, for the driver to edit and approve: in the
    letter's language, or in `language` (the driver's own, to read what they send)."""
    with translation.override(language or letter_language(case)):
        return draft_letter(appeal_facts(case))
