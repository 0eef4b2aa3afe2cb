"""Forms for account health. Times are typed in the driver's own zone."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django import forms

from reinstate.cases.forms import LocalDateTimeInput
from reinstate.health.models import Block
from reinstate.lib.tz import zone_choices
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.blocks_csv import COLUMNS, ColumnMap
from reinstate.rules.health.csv_values import ValueProblem, arrival_near, end_after, local_time
from reinstate.rules.health.expiry import DOCUMENT_KINDS
from reinstate.rules.health.plan_targets import (
    MetricChoice,
    PlanRow,
    ThresholdError,
    parse_threshold,
)
from reinstate.rules.health.standing import (
    COMPLETED,
    METRICS,
    METRICS_BY_KEY,
    STATUS_TITLES,
    BlockRecord,
    MetricInfo,
)

MAX_CSV_BYTES = 30 * 1000 * 1000  # 100,000 blocks take about 10 MB


def platform_choices() -> list[tuple[str, str]]:
    return [(key, p.name) for key, p in load_catalogue().platforms.items()]


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _count(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0"}),
    )


def _money(label: str, places: int = 2) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=places,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0"}),
    )


class BlockForm(forms.Form):
    """One block, in under 30 seconds: everything but the day is filled from the last block."""

    day = forms.DateField(label="Day", widget=DateInput())
    start = forms.TimeField(label="Start", widget=TimeInput())
    end = forms.TimeField(
        label="End", widget=TimeInput(), help_text="Earlier than the start: the next day."
    )
    arrived = forms.TimeField(
        label="Checked in at",
        required=False,  # needed for a completed block only: see __init__
        widget=TimeInput(),
        help_text="When you checked in at the station. On time: at most 5 minutes after the start.",
        error_messages={
            "required": "Enter when you checked in: without it, a completed block counts as late."
        },
    )
    status = forms.ChoiceField(
        label="How it went",
        choices=list(STATUS_TITLES.items()),
        initial=COMPLETED,
        widget=forms.RadioSelect,
    )
    packages_assigned = _count("Packages assigned")
    packages_delivered = _count("Packages delivered")
    packages_returned = _count("Packages returned")
    late_deliveries = _count("Late deliveries")
    dnr_reports = _count("DNR reports ('delivered, not received')")
    earnings = _money("Pay for the block ($)")
    tips = _money("Tips ($)")
    miles = forms.DecimalField(
        label="Miles",
        required=False,
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1", "min": "0"}),
    )

    record: BlockRecord

    def __init__(self, *args: Any, tz: ZoneInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tz = tz
        # Reliability counts a completed block as on time only with its check-in time.
        self.fields["arrived"].required = self.data.get("status", COMPLETED) == COMPLETED

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start_clock, end_clock = data.get("day"), data.get("start"), data.get("end")
        if day is None or start_clock is None or end_clock is None:
            return data
        arrived_clock = data.get("arrived")
        try:
            start = local_time(datetime.combine(day, start_clock), self.tz)
            end = end_after(start, end_clock, self.tz)
            arrived = arrival_near(start, arrived_clock, self.tz) if arrived_clock else None
        except ValueProblem as problem:
            self.add_error(None, f"{problem}. Check the times.")
            return data
        self.record = BlockRecord(
            block_start=start,
            block_end=end,
            arrived_at=arrived,
            status=data["status"],
            packages_assigned=data.get("packages_assigned"),
            packages_delivered=data.get("packages_delivered"),
            packages_returned=data.get("packages_returned"),
            late_deliveries=data.get("late_deliveries"),
            dnr_reports=data.get("dnr_reports"),
            earnings=_float(data.get("earnings")),
            tips=_float(data.get("tips")),
            miles=_float(data.get("miles")),
        )
        return data


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def block_initial(last: Block | None, *, tz: ZoneInfo, today: date) -> dict[str, Any]:
    """Today, with the last block's times and counts: most blocks repeat the one before.

    Returns, late deliveries and DNR reports start at 0, the usual case, shown to be changed.
    """
    initial: dict[str, Any] = {
        "day": today,
        "status": COMPLETED,
        "packages_returned": 0,
        "late_deliveries": 0,
        "dnr_reports": 0,
    }
    if last is None:
        return initial
    start = last.block_start.astimezone(tz)
    initial |= {
        "start": start.time().replace(second=0),
        "end": last.block_end.astimezone(tz).time().replace(second=0),
        "packages_assigned": last.packages_assigned,
        "packages_delivered": last.packages_delivered,
        "earnings": last.earnings,
        "tips": None,
        "miles": last.miles,
    }
    if last.arrived_at is not None:
        # The same lead as last time: arrived 10 minutes early then, 10 minutes early now.
        lead = last.block_start - last.arrived_at
        initial["arrived"] = (start - lead).time().replace(second=0)
    return initial


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of blocks (CSV)",
        help_text="One row per block. Save from Excel or Google Sheets as CSV.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )
    platform = forms.ChoiceField(label="Platform", choices=platform_choices)
    time_zone = forms.ChoiceField(
        label="Time zone of the times in the file",
        choices=zone_choices,
        help_text="Times with their own offset (like -08:00) keep it.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_CSV_BYTES // 1_000_000} MB. Split it into "
                "smaller files (a year of blocks is well under 1 MB)."
            )
        return upload


NOT_IN_FILE = ""


class MappingForm(forms.Form):
    """Which column of the file holds each field; pre-set from the names the app recognised."""

    def __init__(self, *args: Any, column_map: ColumnMap, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NOT_IN_FILE, "Not in the file")] + [
            (str(i), name or f"Column {i + 1}") for i, name in enumerate(column_map.header)
        ]
        for name in COLUMNS:
            position = column_map.columns.get(name)
            self.fields[name] = forms.ChoiceField(
                label=name,
                required=False,
                choices=choices,
                initial=NOT_IN_FILE if position is None else str(position),
            )

    def mapping(self) -> dict[str, int | None]:
        return {
            name: None if self.cleaned_data[name] == NOT_IN_FILE else int(self.cleaned_data[name])
            for name in COLUMNS
        }


LEVEL_UNITS = {"fraction": " (%)", "money_per_hour": " ($ an hour)"}


def level_field(info: MetricInfo, initial: float | None) -> forms.DecimalField:
    """A level typed as the driver reads the number: 90 (%), 3.5 (per 1000), 22 ($ an hour)."""
    percent = info.unit == "fraction"
    return forms.DecimalField(
        label=info.title
        + (" (%)" if percent else " ($ an hour)" if info.key == "pay_per_hour" else ""),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100) if percent else None,
        decimal_places=2,
        initial=None if initial is None else round(initial * 100 if percent else initial, 2),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1", "min": "0"}),
    )


def level_value(info: MetricInfo, typed: Decimal) -> float:
    return float(typed) / 100 if info.unit == "fraction" else float(typed)


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
                label=metric.title + (" (%)" if percent else " (stars)"),
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


class TargetForm(forms.Form):
    metric = forms.ChoiceField(label="Measure", choices=[(m.key, m.title) for m in METRICS])
    threshold = forms.DecimalField(
        label="Target",
        min_value=Decimal(0),
        decimal_places=2,
        help_text="As in your plan: 95 for 95 %, 3 for 3 DNR per 1000, 20 for $20 an hour.",
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1"}),
    )
    since = forms.DateField(
        label="Since", widget=DateInput(), help_text="Usually the day you were reinstated."
    )
    note = forms.CharField(label="What the plan says", required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        info = METRICS_BY_KEY.get(data.get("metric") or "")
        typed = data.get("threshold")
        if info is not None and typed is not None:
            if info.unit == "fraction" and typed > 100:
                self.add_error("threshold", "A percentage is at most 100.")
            else:
                data["level"] = level_value(info, typed)
        return data


class PlanTargetsForm(forms.Form):
    """Keep watching your plan: a line per part of the plan, filled with what the app read in
    it; the driver ticks the ones to keep and fixes the measure or level where needed."""

    since = forms.DateField(
        label="Count from",
        widget=DateInput(),
        help_text="The day you were reinstated: only what happens from then on counts.",
        error_messages={
            "required": "Enter the day to count from: the day you were reinstated.",
            "invalid": "Enter the date as day, month and year.",
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
        options = [("", "Choose the measure")] + [(c.key, c.label) for c in choices]
        for i, row in enumerate(self.rows):
            self.fields[f"keep_{i}"] = forms.BooleanField(
                required=False,
                label="Keep watching this",
                initial=row.ready and self._level(row) not in watched,
            )
            self.fields[f"metric_{i}"] = forms.ChoiceField(
                required=False,
                label="Measure",
                choices=options,
                initial=row.metric or "",
                error_messages={"invalid_choice": "Choose one of the measures in the list."},
            )
            self.fields[f"threshold_{i}"] = forms.CharField(
                required=False,
                label="Level to keep",
                max_length=40,
                initial=row.threshold,
                help_text="As you would say it: 95 %, 3 per 1000, $20 an hour, 4.8 stars.",
            )
            self.fields[f"note_{i}"] = forms.CharField(
                required=False, label="What the plan says", max_length=300, initial=row.text
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

    def lines(self) -> list[dict[str, Any]]:
        """The fields of each line, with the plan's words, for the template."""
        return [
            {
                "row": row,
                "keep": self[f"keep_{i}"],
                "fields": [self[f"{name}_{i}"] for name in ("metric", "threshold", "note")],
            }
            for i, row in enumerate(self.rows)
        ]

    def clean_since(self) -> date:
        since: date = self.cleaned_data["since"]
        if since > self.today:
            raise forms.ValidationError(
                "That date is in the future. Count from the day you were reinstated "
                "(today or earlier)."
            )
        return since

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kept = [i for i in range(len(self.rows)) if data.get(f"keep_{i}")]
        if not kept:
            self.add_error(None, "Tick at least one line of your plan to keep watching.")
        for i in kept:
            key = data.get(f"metric_{i}")
            if f"metric_{i}" in self.errors:
                continue
            if not key:
                self.add_error(f"metric_{i}", "Choose the measure this line of your plan is about.")
                continue
            choice = self.choices[key]
            try:
                level = parse_threshold(data.get(f"threshold_{i}") or "", choice.unit)
            except ThresholdError as error:
                self.add_error(f"threshold_{i}", str(error))
                continue
            self.targets.append((key, level, (data.get(f"note_{i}") or "").strip()))
        return data


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label="Document", choices=list(DOCUMENT_KINDS.items()))
    title = forms.CharField(
        label="Name", required=False, max_length=120, help_text="For example: Geico policy."
    )
    expires_on = forms.DateField(label="Expires on", widget=DateInput())


class RenewForm(forms.Form):
    expires_on = forms.DateField(label="New expiry date", widget=DateInput())


class ReadingForm(forms.Form):
    """A number from the platform's app, or one event it counted (a violation)."""

    observed_at = forms.DateTimeField(label="When", widget=LocalDateTimeInput())
    note = forms.CharField(label="Note", required=False, max_length=300)

    def __init__(self, *args: Any, metric: Metric, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metric = metric
        if metric.measured_as != "events":
            percent = metric.measured_as == "percent"
            self.fields["value"] = forms.DecimalField(
                label=metric.title + (" (%)" if percent else " (stars)"),
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


class PaymentChangeForm(forms.Form):
    changed_at = forms.DateTimeField(label="When did it change?", widget=LocalDateTimeInput())
    by_driver = forms.BooleanField(
        label="I made this change myself",
        required=False,
        help_text="Leave unticked if you did not: the app then warns you.",
    )
    note = forms.CharField(label="Note", required=False, max_length=300)
