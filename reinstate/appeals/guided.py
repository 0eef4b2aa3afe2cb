"""The appeal as a guided path: one short page for each part, in the order a driver writes it,
each saying where it is ("Step 6 of 11") and leading to the next.

A page asks for some fields of the sections (rules/appeal/shape.py), so its form is built from
the section forms' own fields, and saving it changes only those fields: the rest of each section
stays as stored. Which pages there are follows the driver's stance: a dispute has the page "why
the decision is wrong"; an acknowledgement the three pages of the corrective action plan.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, cast

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from reinstate.appeals import forms as section_forms
from reinstate.appeals.facts import appeal_sections
from reinstate.appeals.inputs import AppealInput, from_form
from reinstate.appeals.policy_clauses import (
    ClauseChoice,
    chosen_clause,
    clause_choice,
    clause_field,
    use_clause,
)
from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.rules.appeal import next_step
from reinstate.rules.appeal.shape import STANCES, AppealSections, Explanation, Plan, Record

# Each field a page may ask for, and the section form it comes from.
_FORM_OF: dict[str, type[forms.Form]] = {
    **{name: section_forms.ExplanationForm for name in section_forms.ExplanationForm.base_fields},
    **{name: section_forms.PlanForm for name in section_forms.PlanForm.base_fields},
    **{name: section_forms.RecordForm for name in section_forms.RecordForm.base_fields},
}
MONITORING = ("monitoring_metric", "monitoring_threshold", "monitoring_frequency")


@dataclass(frozen=True)
class GuidedPage:
    key: str  # its URL is appeals:step_<key>
    step: int  # its step of the journey (rules/appeal/next_step.py)
    heading: StrOrPromise
    lead: StrOrPromise


PAGES = {
    page.key: page
    for page in (
        GuidedPage(
            "happened",
            next_step.HAPPENED,
            _("What happened"),
            _("Tell it in your own words, as you would to a fair person who was not there."),
        ),
        GuidedPage(
            "facts",
            next_step.HAPPENED,
            _("The facts, and what shows them"),
            _(
                "One fact at a time, each with the photo or paper that shows it. The platform "
                "reads these first."
            ),
        ),
        GuidedPage(
            "wrong",
            next_step.CHANGING,
            _("Why the decision is wrong"),
            _(
                "Name the rule they say you broke, and ask for the records their decision rests "
                "on. You need not admit anything."
            ),
        ),
        GuidedPage(
            "accept",
            next_step.CHANGING,
            _("What went wrong"),
            _("Say plainly what you understand went wrong, and what caused it."),
        ),
        GuidedPage(
            "actions",
            next_step.CHANGING,
            _("What you will do differently"),
            _("Each action with a target you can count and the day you start."),
        ),
        GuidedPage(
            "checking",
            next_step.CHANGING,
            _("How you will keep to it"),
            _("How you will check the plan works, and the rules you commit to keep."),
        ),
        GuidedPage(
            "record",
            next_step.RECORD,
            _("Your record as a driver"),
            _("Your good record is context: how long you have driven, how much, and how well."),
        ),
        GuidedPage(
            "letter",
            next_step.LETTER,
            _("Your letter"),
            _(
                "The draft is built only from what you wrote. Edit it until it says what you "
                "mean; every version is kept."
            ),
        ),
        GuidedPage(
            "check",
            next_step.CHECK,
            _("Check your appeal"),
            _(
                "What the check found, and each part of your appeal. Change anything, then "
                "approve the letter."
            ),
        ),
        GuidedPage(
            "send",
            next_step.SEND,
            _("Send your appeal"),
            _(
                "Build the packet, then send it to the platform yourself and keep proof that "
                "you did."
            ),
        ),
    )
}
# Pages with fields of the sections (the others have rows, the letter or the packet).
WRITING_PAGES = ("happened", "wrong", "accept", "checking", "record")


def pages_for(stance: str) -> list[str]:
    """The pages, in order, for the driver's stance."""
    disputes, acknowledges = stance in ("dispute", "both"), stance in ("acknowledge", "both")
    return [
        "happened",
        "facts",
        *(["wrong"] if disputes else []),
        *(["accept", "actions", "checking"] if acknowledges else []),
        "record",
        "letter",
        "check",
        "send",
    ]


def field_names(key: str, stance: str) -> tuple[str, ...]:
    """The fields a writing page asks for. The policy involved goes where the driver explains:
    on "why it is wrong" when they dispute, else on "what went wrong"."""
    disputes = stance in ("dispute", "both")
    policy = ("policies", "policy_quote")
    return {
        "happened": ("stance", "what_happened", "context"),
        "wrong": (*policy, "records_requested"),
        "accept": ("acknowledgement", *(() if disputes else policy), "root_causes", "other_causes"),
        "checking": (*MONITORING, "commitment", "commitment_policies"),
        "record": tuple(section_forms.RecordForm.base_fields),
    }[key]


def url_of(case: Case, key: str) -> str:
    name = "appeals:check" if key == "check" else f"appeals:step_{key}"
    return reverse(name, kwargs={"case_id": case.pk})


def neighbours(case: Case, key: str, stance: str) -> tuple[str, str]:
    """The URLs of the page before and the page after: before the first, the evidence; after
    the last, the case's overview."""
    order = pages_for(stance)
    if key not in order:  # a page the stance no longer has: back to its step's first page
        order = [*order[: order.index("record")], key, *order[order.index("record") :]]
    at = order.index(key)
    before = (
        url_of(case, order[at - 1])
        if at
        else reverse("evidence:locker", kwargs={"case_id": case.pk})
    )
    after = (
        url_of(case, order[at + 1])
        if at + 1 < len(order)
        else reverse("cases:detail", kwargs={"case_id": case.pk})
    )
    return before, after


class PartForm(forms.Form):
    """Some fields of the sections, as one page asks for them, each as its section's form
    has it (label, help, checks)."""

    def __init__(
        self,
        *args: Any,
        names: tuple[str, ...],
        policies: list[tuple[str, str]],
        causes: tuple[str, ...],
        clauses: ClauseChoice | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.clauses = clauses
        for name in names:
            self.fields[name] = copy.deepcopy(_FORM_OF[name].base_fields[name])
            if name == "policies" and clauses and clauses.options:
                # Just before the quote it fills: the policy library's clauses for the case.
                self.fields["clause"] = clause_field(clauses.options)
        for name, choices in (
            ("policies", policies),
            ("commitment_policies", policies),
            ("root_causes", [(c, _(c)) for c in causes]),  # the catalogue's words, translated
        ):
            if name in self.fields:
                cast(forms.ChoiceField, self.fields[name]).choices = choices
        if not causes:
            self.fields.pop("root_causes", None)

    def clean_policies(self) -> list[str]:
        return section_forms.known_policies(self.cleaned_data["policies"])

    def clean_commitment_policies(self) -> list[str]:
        return section_forms.known_policies(self.cleaned_data["commitment_policies"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.clauses is not None and "clause" in cleaned:
            use_clause(self, cleaned, self.clauses)
        return cleaned


def part_form(
    case: Case, key: str, sections: AppealSections, data: Mapping[str, Any] | None = None
) -> PartForm:
    """The page's form: bound to `data` when given, else showing the sections as stored."""
    from reinstate.appeals.presenters import policy_choices, suggestions

    stance = _stance(sections, data)
    causes = suggestions(case).root_causes
    stored = (
        section_forms.initial(sections.explanation)
        | section_forms.plan_initial(sections.plan, causes)
        | section_forms.initial(sections.record)
    )
    names = field_names(key, stance)
    clauses = clause_choice(case)
    stored["clause"] = chosen_clause(case, sections.explanation.policy_quote)
    return PartForm(
        data,
        names=names,
        policies=policy_choices(case, sections),
        causes=causes,
        clauses=clauses,
        initial={name: stored[name] for name in (*names, "clause") if name in stored},
    )


def _stance(sections: AppealSections, data: Mapping[str, Any] | None) -> str:
    """The stance the page is for: as posted on the page that asks it, else as stored."""
    posted = data.get("stance") if data is not None else None
    return posted if posted in STANCES else sections.explanation.stance


def stored_sections(case: Case) -> AppealSections:
    return appeal_sections(appeal_of(case))


def part_input(case: Case, form: PartForm) -> AppealInput:
    """The sections the page changes, each its stored self with the page's fields put in."""
    stored = stored_sections(case)
    cleaned = dict(form.cleaned_data)
    if "other_causes" in cleaned:
        chosen = tuple(cleaned.pop("root_causes", ()))
        other = section_forms.lines(cleaned.pop("other_causes"))
        cleaned["root_causes"] = chosen + tuple(c for c in other if c not in chosen)
    return AppealInput(
        explanation=_merged(Explanation, stored.explanation, cleaned),
        plan=_merged(Plan, stored.plan, cleaned),
        record=_merged(Record, stored.record, cleaned),
    )


def _merged(kind: type[Any], stored: Any, cleaned: dict[str, Any]) -> Any:
    own = [f.name for f in fields(kind) if f.name in cleaned]
    if not own:
        return None  # the page has none of this section's fields: leave it as it is
    fresh = from_form(kind, {name: cleaned[name] for name in own})  # trimmed and checked
    return replace(stored, **{name: getattr(fresh, name) for name in own})
