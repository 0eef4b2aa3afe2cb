"""Widgets and conversions more than one feature's forms use."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from reinstate.rules.health.standing import MetricInfo


class DateInput(forms.DateInput):
    input_type = "date"


def level_value(info: MetricInfo, typed: Decimal) -> float:
    """A level as the rules keep it: a percentage typed as 92.5 is the fraction 0.925."""
    return float(typed) / 100 if info.unit == "fraction" else float(typed)
