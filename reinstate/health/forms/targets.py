"""Targets after reinstatement: one typed by hand, or the lines of a reinstated case's plan."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.health.forms.fields import DateInput, level_value
from reinstate.rules.health.plan_targets import (
    MetricChoice,
    PlanRow,
    ThresholdError,
    parse_threshold,
)
from reinstate.rules.health.standing import METRICS, METRICS_BY_KEY


class TargetForm(forms.Form):
    metric = forms.ChoiceField(
        label=gettext_lazy("Measure"), choices=[(m.key, gettext_lazy(m.title)) for m in METRICS]
    )
    threshold = forms.DecimalField(
        label=gettext_lazy("Target"),
        min_value=Decimal(0),
        decimal_places=2,
        help_text=gettext_lazy(
            "As in your plan: 95 for 95 %, 3 for 3 DNR per 1000, 20 for $20 an hour."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1"}),
    )
    since = forms.DateField(
        label=gettext_lazy("Since"),
        widget=DateInput(),
        help_text=gettext_lazy("Usually the day you were reinstated."),
    )
    note = forms.CharField(label=gettext_lazy("What the plan says"), required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        info = METRICS_BY_KEY.get(data.get("metric") or "")
        typed = data.get("threshold")
        if info is not None and typed is not None:
            if info.unit == "fraction" and typed > 100:
                self.add_error("threshold", _("A percentage is at most 100."))
            else:
                data["level"] = level_value(info, typed)
        return data


@dataclass(frozen=True)
class PlanLine:
    """One line of the plan on the form: its words, its tick box, its measure, level and note."""

    row: PlanRow
    keep: BoundField
    fields: list[BoundField]


class PlanTargetsForm(forms.Form):
    """Keep watching your plan: a line per part of the plan, filled with what the app read in
    it; the driver ticks the ones to keep and fixes the measure or level where needed."""

    since = forms.DateField(
        label=gettext_lazy("Count from"),
        widget=DateInput(),
        help_text=gettext_lazy(
            "The day you were reinstated: only what happens from then on counts."
        ),
        error_messages={
            "required": gettext_lazy("Enter the day to count from: the day you were reinstated."),
            "invalid": gettext_lazy("Enter the date as day, month and year."),
        },
    )

    def __init__(
        self,
        *args: Any,
        rows: Sequence[PlanRow],
        choices: Sequence[MetricChoice],
        today: date,
        watched: Collection[tuple[str, float]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        self.choices = {c.key: c for c in choices}
        self.today = today
        options = [("", _("Choose the measure"))] + [(c.key, c.label) for c in choices]
        for i, row in enumerate(self.rows):
            self.fields[f"keep_{i}"] = forms.BooleanField(
                required=False,
                label=_("Keep watching this"),
                initial=row.ready and self._level(row) not in watched,
            )
            self.fields[f"metric_{i}"] = forms.ChoiceField(
                required=False,
                label=_("Measure"),
                choices=options,
                initial=row.metric or "",
                error_messages={"invalid_choice": _("Choose one of the measures in the list.")},
            )
            self.fields[f"threshold_{i}"] = forms.CharField(
                required=False,
                label=_("Level to keep"),
                max_length=40,
                initial=row.threshold,
                help_text=_("As you would say it: 95 %, 3 per 1000, $20 an hour, 4.8 stars."),
            )
            self.fields[f"note_{i}"] = forms.CharField(
                required=False, label=_("What the plan says"), max_length=300, initial=row.text
            )
        self.targets: list[tuple[str, float, str]] = []  # (measure, level, note), once valid

    def _level(self, row: PlanRow) -> tuple[str, float] | None:
        """The (measure, level) a ready line would keep: one already watched starts unticked."""
        choice = self.choices.get(row.metric or "")
        if choice is None:
            return None
        try:
            return choice.key, parse_threshold(row.threshold, choice.unit)
        except ThresholdError:
            return None

    def lines(self) -> list[PlanLine]:
        """The fields of each line, with the plan's words, for the template."""
        return [
            PlanLine(
                row=row,
                keep=self[f"keep_{i}"],
                fields=[self[f"{name}_{i}"] for name in ("metric", "threshold", "note")],
            )
            for i, row in enumerate(self.rows)
        ]

    def clean_since(self) -> date:
        since: date = self.cleaned_data["since"]
        if since > self.today:
            raise forms.ValidationError(
                _(
                    "That date is in the future. Count from the day you were reinstated "
                    "(today or earlier)."
                )
            )
        return since

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kept = [i for i in range(len(self.rows)) if data.get(f"keep_{i}")]
        if not kept:
            self.add_error(None, _("Tick at least one line of your plan to keep watching."))
        for i in kept:
            key = data.get(f"metric_{i}")
            if f"metric_{i}" in self.errors:
                continue
            if not key:
                self.add_error(
                    f"metric_{i}", _("Choose the measure this line of your plan is about.")
                )
                continue
            choice = self.choices[key]
            try:
                level = parse_threshold(data.get(f"threshold_{i}") or "", choice.unit)
            except ThresholdError as error:
                self.add_error(f"threshold_{i}", str(error))
                continue
            self.targets.append((key, level, (data.get(f"note_{i}") or "").strip()))
        return data
