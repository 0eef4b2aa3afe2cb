"""Documents that expire, and payment details that changed."""

from __future__ import annotations

from django import forms

from reinstate.cases.forms import LocalDateTimeInput
from reinstate.health.forms.fields import DateInput
from reinstate.rules.health.expiry import DOCUMENT_KINDS


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label="Document", choices=list(DOCUMENT_KINDS.items()))
    title = forms.CharField(
        label="Name", required=False, max_length=120, help_text="For example: Geico policy."
    )
    expires_on = forms.DateField(label="Expires on", widget=DateInput())


class RenewForm(forms.Form):
    expires_on = forms.DateField(label="New expiry date", widget=DateInput())


class PaymentChangeForm(forms.Form):
    changed_at = forms.DateTimeField(label="When did it change?", widget=LocalDateTimeInput())
    by_driver = forms.BooleanField(
        label="I made this change myself",
        required=False,
        help_text="Leave unticked if you did not: the app then warns you.",
    )
    note = forms.CharField(label="Note", required=False, max_length=300)
