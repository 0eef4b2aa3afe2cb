"""The record form (one tap after a block) and the choice of records to add to a case."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from reinstate.evidence.forms import ACCEPT, MultipleFileField
from reinstate.records.actions import MAX_NOTE, MAX_WHO
from reinstate.records.models import ROUTE_PROBLEMS, SUPPORT_KINDS, Kind

TIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def kind_choices() -> list[tuple[Any, Any]]:
    """A note first, then the route's problems and support, grouped as the phone shows them."""
    return [
        (Kind.NOTE.value, Kind.NOTE.label),
        (
            gettext_lazy("Something went wrong on the route"),
            [(kind.value, kind.label) for kind in ROUTE_PROBLEMS],
        ),
        (
            gettext_lazy("I talked to support"),
            [(kind.value, kind.label) for kind in SUPPORT_KINDS],
        ),
    ]


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What is this about?"), choices=kind_choices)
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE,
        label=gettext_lazy("What happened"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "In your own words, while you remember. For a call or chat: what was said."
        ),
    )
    who = forms.CharField(
        required=False,
        max_length=MAX_WHO,
        label=gettext_lazy("Who you talked to"),
        help_text=gettext_lazy("For a call or chat with support: the agent's name, if given."),
    )
    photos = MultipleFileField(
        required=False,
        label=gettext_lazy("Photos or files"),
        help_text=gettext_lazy("Delivery photos, screenshots, a recording. Kept exactly as sent."),
    )
    at = forms.DateTimeField(
        label=gettext_lazy("When"),
        widget=TIME_INPUT,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        help_text=gettext_lazy("Now, unless you are writing it down later."),
        error_messages={
            "invalid": gettext_lazy("Enter the date and time it happened, like 2026-11-03 14:30."),
            "required": gettext_lazy("Say when it happened."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs["accept"] = ACCEPT


class OfferForm(forms.Form):
    """Which of the offered records to add (the page lists them; the boxes carry their ids)."""

    records = forms.TypedMultipleChoiceField(
        coerce=int,
        label=gettext_lazy("Records to add"),
        error_messages={"required": gettext_lazy("Tick at least one record to add.")},
    )

    def __init__(self, *args: Any, offered: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["records"].choices = [(pk, str(pk)) for pk in offered]  # type: ignore[attr-defined]
