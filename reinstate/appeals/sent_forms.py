"""The send page's two short forms: "I have sent it" and "Record the decision"."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from reinstate.appeals.models import Decision, Sending
from reinstate.evidence.forms import MultipleFileField

TIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DAY_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MarkSentForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Sending.Kind.choices,
        initial=Sending.Kind.APPEAL,
        required=False,  # the appeal, unless the protective one is chosen
        label=_("What you sent"),
        widget=forms.RadioSelect,
    )
    sent_at = forms.DateTimeField(label=_("When you sent it"), widget=TIME_INPUT)
    channel = forms.ChoiceField(
        choices=Sending.Channel.choices, label=_("How you sent it"), widget=forms.RadioSelect
    )
    reference = forms.CharField(
        required=False, max_length=200, label=_("Reference or ticket number")
    )
    proof = MultipleFileField(
        required=False,
        label=_("Proof you sent it"),
        help_text=_("A screenshot or the sent email; kept in your evidence."),
    )

    def __init__(self, *args: Any, channel: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proof"].widget.attrs["accept"] = "image/*,application/pdf,.eml,.txt"
        if channel:
            self.fields["channel"].initial = channel


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Decision.Outcome.choices, label=_("What they decided"), widget=forms.RadioSelect
    )
    decided_on = forms.DateField(label=_("On which day"), widget=DAY_INPUT)
    message = forms.CharField(
        required=False,
        max_length=50_000,
        label=_("Their message (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Paste what they wrote: it is kept with the case."),
    )


class RequestSentForm(forms.Form):
    sent_on = forms.DateField(label=_("The day you sent it"), widget=DAY_INPUT)
    reference = forms.CharField(
        required=False, max_length=200, label=_("Reference, if they gave one (optional)")
    )
