"""The appeal's forms. Each turns into the same sections as the command line's TOML file
(appeals.inputs), so both go through one set of checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from reinstate.appeals.inputs import AppealInputError, check_policies
from reinstate.appeals.packet_build import FORMATS
from reinstate.evidence.models import EvidenceItem
from reinstate.rules.appeal.shape import Plan, Section

TEXT = {"rows": 4}


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    """Choices known only per case (its platform's policies, its exhibits)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _short(label: StrOrPromise, help_text: StrOrPromise, *, max_length: int) -> forms.CharField:
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
    ("dispute", _("The decision is wrong")),
    ("acknowledge", _("I understand what went wrong")),
    ("both", _("Both: part of it is wrong, and I understand the rest")),
]


class ExplanationForm(forms.Form):
    stance = forms.ChoiceField(
        choices=STANCE_CHOICES,
        label=_("What do you want to say?"),
        widget=forms.RadioSelect,
        help_text=_(
            "When the decision is wrong, the appeal shows the facts and the evidence and asks "
            "for the records; it never needs you to admit anything or promise changes."
        ),
    )
    policies = forms.MultipleChoiceField(
        required=False,
        label=_("Which policy is involved?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose from the platform's published policies."),
    )
    policy_quote = forms.CharField(
        required=False,
        label=_("…or quote the policy"),
        help_text=_("Copy the rule's own words from your notice or the terms."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    what_happened = forms.CharField(
        required=False,
        label=_("What happened, in your own words"),
        help_text=_("The date, the time, the place and what you did, step by step."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    acknowledgement = forms.CharField(
        required=False,
        label=_("What you accept"),
        help_text=_(
            "When you understand what went wrong: where you fell short, or what you "
            "understand the concern to be. Leave it empty if you accept nothing."
        ),
        widget=forms.Textarea(attrs=TEXT),
    )
    context = forms.CharField(
        required=False,
        label=_("The context"),
        help_text=_("For example a locked gate, an app outage, a flat tyre reported to support."),
        widget=forms.Textarea(attrs=TEXT),
    )

    records_requested = forms.CharField(
        required=False,
        label=_("Records you ask the platform for"),
        help_text=_(
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
        label=_("A fact you rely on"),
        help_text=_("One fact, for example “The gate was locked at 10:02”."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    exhibits = forms.MultipleChoiceField(
        required=False,
        label=_("Exhibits that show it"),
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
        label=_("What caused it?"),
        widget=forms.CheckboxSelectMultiple,
    )
    other_causes = forms.CharField(
        required=False,
        label=_("Other causes, one a line"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    monitoring_metric = _short(
        _("Which measure will you watch?"), _("For example: on-time arrival."), max_length=200
    )
    monitoring_threshold = _short(
        _("At what level will you keep it?"), _("For example: 100% of blocks."), max_length=200
    )
    monitoring_frequency = _short(
        _("How often will you check it?"), _("For example: every Sunday evening."), max_length=200
    )
    commitment = forms.CharField(
        required=False,
        label=_("Your commitment"),
        widget=forms.Textarea(attrs=TEXT),
    )
    commitment_policies = forms.MultipleChoiceField(
        required=False,
        label=_("Policies you commit to keep"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, causes: Sequence[str], policies: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # The catalogue's causes, shown translated, kept as stored.
        _choices(self, "root_causes", [(c, gettext(c)) for c in causes])
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
        label=_("What you will do"),
        max_length=500,
        help_text=_("For example: check in 15 minutes before every block."),
        widget=forms.TextInput(attrs={"list": "action-suggestions"}),
    )
    target = forms.CharField(
        label=_("Target you can measure"),
        max_length=300,
        help_text=_("With a number: no late arrival in the next 20 blocks."),
    )
    starts_on = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )


class RecordForm(forms.Form):
    driving_since = _short(
        _("On the platform since"), _("For example: March 2023."), max_length=100
    )
    work_completed = _short(_("Work completed"), _("For example: 1,240 blocks."), max_length=200)
    metrics = forms.CharField(
        required=False, label=_("Your metrics"), widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: standing Fantastic for 18 months; 99% on-time."),
    )  # fmt: skip
    positive_feedback = forms.CharField(
        required=False, label=_("Positive feedback"), widget=forms.Textarea(attrs={"rows": 2})
    )


class LetterForm(forms.Form):
    text = forms.CharField(label=_("Your letter"), widget=forms.Textarea(attrs={"rows": 20}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "letter_%s")
        super().__init__(*args, **kwargs)


class LetterLanguageForm(forms.Form):
    """The letter's language, apart from the pages': it goes to the platform."""

    letter_language = forms.ChoiceField(
        choices=[
            ("en", _("English (recommended: the platform reads it)")),
            ("es", "Español"),  # i18n: the language's own name, the same in every language
        ],
        label=_("Language of the letter"),
        widget=forms.RadioSelect,
        help_text=_(
            "The letter and the packet are written in it. Whatever you choose, you can read "
            "the letter in your own language here."
        ),
    )


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
            gettext(
                "A policy you ticked is no longer in our list: untick it, or quote it in your "
                "own words in the box below."
            )
        ) from None
    return refs
