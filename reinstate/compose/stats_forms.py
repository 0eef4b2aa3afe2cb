"""The date range of the outcomes page: days typed or picked, checked with a plain message."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.compose.org_stats import LONGEST_DAYS

DAY_FORMATS = ["%Y-%m-%d"]


def last_twelve_months(today: date) -> tuple[date, date]:
    """The default range: from the first day of the month eleven months ago to today."""
    months = today.year * 12 + today.month - 1 - 11
    return date(months // 12, months % 12 + 1, 1), today


def range_problem(since: date | None, until: date | None) -> str:
    """What is wrong with a range (the page and `org stats` say the same), or ""."""
    if since and until and since > until:
        return _("The first day is after the last day. Pick a first day on or before the last.")
    if since and until and (until - since).days > LONGEST_DAYS:
        return _("Pick a range of at most five years.")
    return ""


class RangeForm(forms.Form):
    since = forms.DateField(
        label=gettext_lazy("From"),
        input_formats=DAY_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Give the first day of the range."),
            "invalid": gettext_lazy("Give the first day as a date, like 2026-01-31."),
        },
    )
    until = forms.DateField(
        label=gettext_lazy("To"),
        input_formats=DAY_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Give the last day of the range."),
            "invalid": gettext_lazy("Give the last day as a date, like 2026-12-31."),
        },
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        problem = range_problem(cleaned.get("since"), cleaned.get("until"))
        if problem:
            raise forms.ValidationError(problem)
        return cleaned


def range_from(params: Any, *, today: date) -> tuple[RangeForm, tuple[date, date] | None]:
    """The form to show and the range to count: the last twelve months when none is asked
    for, the one asked for when it is good, else None (the form says what is wrong)."""
    since, until = last_twelve_months(today)
    if "since" not in params and "until" not in params:
        return RangeForm(initial={"since": since, "until": until}), (since, until)
    form = RangeForm(params)
    if form.is_valid():
        return form, (form.cleaned_data["since"], form.cleaned_data["until"])
    return form, None
