"""The appeal's forms. Each turns into the same sections as the command line's TOML file
(appeals.inputs), so both go through one set of checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any, cast

from django import forms

from reinstate.appeals.inputs import AppealInputError, check_policies
from reinstate.appeals.packet_build import FORMATS
from reinstate.evidence.models import EvidenceItem
from reinstate.rules.appeal.shape import Plan, Section

TEXT = {"rows": 4}


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    """Choices known only per case (its platform's policies, its exhibits)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _short(label: str, help_text: str, *, max_length: int) -> forms.CharField:
    """An optional one-line answer."""
    return forms.CharField(required=False, max_length=max_length, label=label, help_text=help_text)


def initial(section: Section) -> dict[str, Any]:
    """A form's values, as stored: its fields have the names of the section's."""
    return {f.name: getattr(section, f.name) for f in fields(section)}


def plan_initial(plan: Plan, causes: Sequence[str]) -> dict[str, Any]:
    """The plan as stored: the causes suggested ticked, the driver's own in the box."""
    return initial(plan) | {
        "root_causes": [c for c in plan.root_causes if c in causes],
        "other_causes": "\n".join(c for c in plan.root_causes if c not in causes),
    }


def lines(value: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in value.splitlines() if line.strip())


STANCE_CHOICES = [
    ("dispute", "The decision is wrong"),
    ("acknowledge", "I understand what went wrong"),
    ("both", "Both: part of it is wrong, and I understand the rest"),
]


class ExplanationForm(forms.Form):
    stance = forms.ChoiceField(
        choices=STANCE_CHOICES,
        label="What do you want to say?",
        widget=forms.RadioSelect,
        help_text=(
            "When the decision is wrong, the appeal shows the facts and the evidence and asks "
            "for the records; it never needs you to admit anything or promise changes."
        ),
    )
    policies = forms.MultipleChoiceField(
        required=False,
        label="Which policy is involved?",
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose from the platform's published policies.",
    )
    policy_quote = forms.CharField(
        required=False,
        label="…or quote the policy",
        help_text="Copy the rule's own words from your notice or the terms.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    what_happened = forms.CharField(
        required=False,
        label="What happened, in your own words",
        help_text="The date, the time, the place and what you did, step by step.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    acknowledgement = forms.CharField(
        required=False,
        label="What you accept",
        help_text=(
            "When you understand what went wrong: where you fell short, or what you "
            "understand the concern to be. Leave it empty if you accept nothing."
        ),
        widget=forms.Textarea(attrs=TEXT),
    )
    context = forms.CharField(
        required=False,
        label="The context",
        help_text="For example a locked gate, an app outage, a flat tyre reported to support.",
        widget=forms.Textarea(attrs=TEXT),
    )

    records_requested = forms.CharField(
        required=False,
        label="Records you ask the platform for",
        help_text=(
            "When the decision is wrong: the records it rests on, for example the customer's "
            "report, the GPS trace of the block, the delivery photos."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, policies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "policies", policies)

    def clean_policies(self) -> list[str]:
        return known_policies(self.cleaned_data["policies"])


class StatementForm(forms.Form):
    text = forms.CharField(
        label="A fact you rely on",
        help_text="One fact, for example “The gate was locked at 10:02”.",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    exhibits = forms.MultipleChoiceField(
        required=False,
        label="Exhibits that show it",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, items: list[EvidenceItem], **kwargs: Any) -> None:
        # Its own ids: the letter's form on the same page has a `text` field too.
        kwargs.setdefault("auto_id", "fact_%s")
        super().__init__(*args, **kwargs)
        labels = [(i.exhibit, f"{i.exhibit}: {i.description or i.filename}") for i in items]
        _choices(self, "exhibits", labels)


class PlanForm(forms.Form):
    root_causes = forms.MultipleChoiceField(
        required=False,
        label="What caused it?",
        widget=forms.CheckboxSelectMultiple,
    )
    other_causes = forms.CharField(
        required=False,
        label="Other causes, one a line",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    monitoring_metric = _short(
        "Which measure will you watch?", "For example: on-time arrival.", max_length=200
    )
    monitoring_threshold = _short(
        "At what level will you keep it?", "For example: 100% of blocks.", max_length=200
    )
    monitoring_frequency = _short(
        "How often will you check it?", "For example: every Sunday evening.", max_length=200
    )
    commitment = forms.CharField(
        required=False,
        label="Your commitment",
        widget=forms.Textarea(attrs=TEXT),
    )
    commitment_policies = forms.MultipleChoiceField(
        required=False,
        label="Policies you commit to keep",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, causes: Sequence[str], policies: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "root_causes", [(c, c) for c in causes])
        _choices(self, "commitment_policies", policies)

    def clean_commitment_policies(self) -> list[str]:
        return known_policies(self.cleaned_data["commitment_policies"])

    def causes(self) -> tuple[str, ...]:
        chosen = tuple(self.cleaned_data["root_causes"])
        return chosen + tuple(
            c for c in lines(self.cleaned_data["other_causes"]) if c not in chosen
        )


class ActionForm(forms.Form):
    action = forms.CharField(
        label="What you will do",
        max_length=500,
        help_text="For example: check in 15 minutes before every block.",
        widget=forms.TextInput(attrs={"list": "action-suggestions"}),
    )
    target = forms.CharField(
        label="Target you can measure",
        max_length=300,
        help_text="With a number: no late arrival in the next 20 blocks.",
    )
    starts_on = forms.DateField(label="Start date", widget=forms.DateInput(attrs={"type": "date"}))


class RecordForm(forms.Form):
    driving_since = _short("On the platform since", "For example: March 2023.", max_length=100)
    work_completed = _short("Work completed", "For example: 1,240 blocks.", max_length=200)
    metrics = forms.CharField(
        required=False, label="Your metrics", widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: standing Fantastic for 18 months; 99% on-time.",
    )  # fmt: skip
    positive_feedback = forms.CharField(
        required=False, label="Positive feedback", widget=forms.Textarea(attrs={"rows": 2})
    )


class LetterForm(forms.Form):
    text = forms.CharField(label="Your letter", widget=forms.Textarea(attrs={"rows": 20}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "letter_%s")
        super().__init__(*args, **kwargs)


class PacketForm(forms.Form):
    format = forms.ChoiceField(choices=[(f, f) for f in FORMATS])
    draft = forms.BooleanField(required=False)


def problems(form: forms.Form) -> tuple[str, ...]:
    """What to fix in a form, each with the label of its field, to show away from the field."""
    return tuple(
        f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    )


def known_policies(refs: list[str]) -> list[str]:
    """A policy the driver chose before it left the catalogue is still offered (so their choice
    shows), but cannot be kept: say so in words, rather than failing the save."""
    try:
        check_policies(tuple(refs), "policies")
    except AppealInputError:
        raise forms.ValidationError(
            "A policy you ticked is no longer in our list: untick it, or quote it in your own "
            "words in the box below."
        ) from None
    return refs
