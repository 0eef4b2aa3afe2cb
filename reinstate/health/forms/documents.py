"""Documents that expire, and payment details that changed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from reinstate.cases.forms import LocalDateTimeInput
from reinstate.health.forms.fields import DateInput
from reinstate.rules.health.expiry import DOCUMENT_KINDS


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Document"),
        choices=[(key, gettext_lazy(title)) for key, title in DOCUMENT_KINDS.items()],
    )
    title = forms.CharField(
        label=gettext_lazy("Name"),
        required=False,
        max_length=120,
        help_text=gettext_lazy("For example: Geico policy."),
    )
    expires_on = forms.DateField(label=gettext_lazy("Expires on"), widget=DateInput())


class RenewForm(forms.Form):
    expires_on = forms.DateField(label=gettext_lazy("New expiry date"), widget=DateInput())


class PaymentChangeForm(forms.Form):
    changed_at = forms.DateTimeField(
        label=gettext_lazy("When did it change?"), widget=LocalDateTimeInput()
    )
    by_driver = forms.BooleanField(
        label=gettext_lazy("I made this change myself"),
        required=False,
        help_text=gettext_lazy("Leave unticked if you did not: the app then warns you."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=300)
