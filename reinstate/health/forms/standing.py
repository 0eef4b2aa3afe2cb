"""What the driver watches: their own levels, and the numbers the platform's app shows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.cases.forms import LocalDateTimeInput
from reinstate.health.forms.fields import level_value
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.standing import METRICS, METRICS_BY_KEY, MetricInfo


def level_field(info: MetricInfo, initial: float | None) -> forms.DecimalField:
    """A level typed as the driver reads the number: 90 (%), 3.5 (per 1000), 22 ($ an hour)."""
    percent = info.unit == "fraction"
    return forms.DecimalField(
        label=(
            _("%(measure)s (%%)") % {"measure": _(info.title)}
            if percent
            else _("%(measure)s ($ an hour)") % {"measure": _(info.title)}
            if info.key == "pay_per_hour"
            else _(info.title)
        ),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100) if percent else None,
        decimal_places=2,
        initial=None if initial is None else round(initial * 100 if percent else initial, 2),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1", "min": "0"}),
    )


def _reading_label(metric: Metric) -> str:
    """'Acceptance rate (%)', 'Customer rating (stars)': a catalogue title, translated."""
    if metric.measured_as == "percent":
        return _("%(measure)s (%%)") % {"measure": _(metric.title)}
    return _("%(measure)s (stars)") % {"measure": _(metric.title)}


class WatchLevelsForm(forms.Form):
    """A watch level for each measure; empty means no warning for it."""

    def __init__(
        self,
        *args: Any,
        current: dict[str, float],
        readings: Sequence[Metric] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for info in METRICS:
            self.fields[info.key] = level_field(info, current.get(info.key))
        for metric in readings:
            if metric.measured_as == "events" or metric.threshold is not None:
                continue  # the platform's own limit applies
            percent = metric.measured_as == "percent"
            value = current.get(metric.key)
            self.fields[metric.key] = forms.DecimalField(
                label=_reading_label(metric),
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(100) if percent else Decimal(5),
                decimal_places=2,
                initial=None if value is None else round(value * 100 if percent else value, 2),
                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
            )
        self.readings = {m.key: m for m in readings}

    def levels(self) -> dict[str, float | None]:
        found: dict[str, float | None] = {}
        for key, typed in self.cleaned_data.items():
            if typed is None:
                found[key] = None
            elif key in self.readings:
                percent = self.readings[key].measured_as == "percent"
                found[key] = float(typed) / 100 if percent else float(typed)
            else:
                found[key] = level_value(METRICS_BY_KEY[key], typed)
        return found


class ReadingForm(forms.Form):
    """A number from the platform's app, or one event it counted (a violation)."""

    observed_at = forms.DateTimeField(label=gettext_lazy("When"), widget=LocalDateTimeInput())
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, metric: Metric, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metric = metric
        if metric.measured_as != "events":
            percent = metric.measured_as == "percent"
            self.fields["value"] = forms.DecimalField(
                label=_reading_label(metric),
                min_value=Decimal(0),
                max_value=Decimal(100) if percent else Decimal(5),
                decimal_places=2,
                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
            )
            self.order_fields(["value", "observed_at", "note"])

    def value(self) -> float:
        typed = self.cleaned_data.get("value")
        if typed is None:
            return 1.0  # one event
        return float(typed) / 100 if self.metric.measured_as == "percent" else float(typed)
