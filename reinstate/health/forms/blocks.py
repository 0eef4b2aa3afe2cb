"""Recording one block: the form, filled in from the last block."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from reinstate.health.forms.fields import DateInput
from reinstate.health.models import Block
from reinstate.rules.health.csv_values import ValueProblem, arrival_near, end_after, local_time
from reinstate.rules.health.standing import COMPLETED, STATUS_TITLES, BlockRecord


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _count(label: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0"}),
    )


def _money(label: StrOrPromise, places: int = 2) -> forms.DecimalField:
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

    day = forms.DateField(label=gettext_lazy("Day"), widget=DateInput())
    start = forms.TimeField(label=gettext_lazy("Start"), widget=TimeInput())
    end = forms.TimeField(
        label=gettext_lazy("End"),
        widget=TimeInput(),
        help_text=gettext_lazy("Earlier than the start: the next day."),
    )
    arrived = forms.TimeField(
        label=gettext_lazy("Checked in at"),
        required=False,  # needed for a completed block only: see __init__
        widget=TimeInput(),
        help_text=gettext_lazy(
            "When you checked in at the station. On time: at most 5 minutes after the start."
        ),
        error_messages={
            "required": gettext_lazy(
                "Enter when you checked in: without it, a completed block counts as late."
            )
        },
    )
    status = forms.ChoiceField(
        label=gettext_lazy("How it went"),
        choices=[(key, gettext_lazy(title)) for key, title in STATUS_TITLES.items()],
        initial=COMPLETED,
        widget=forms.RadioSelect,
    )
    packages_assigned = _count(gettext_lazy("Packages assigned"))
    packages_delivered = _count(gettext_lazy("Packages delivered"))
    packages_returned = _count(gettext_lazy("Packages returned"))
    late_deliveries = _count(gettext_lazy("Late deliveries"))
    dnr_reports = _count(gettext_lazy("DNR reports ('delivered, not received')"))
    earnings = _money(gettext_lazy("Pay for the block ($)"))
    tips = _money(gettext_lazy("Tips ($)"))
    miles = forms.DecimalField(
        label=gettext_lazy("Miles"),
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
            self.add_error(None, _("%(problem)s. Check the times.") % {"problem": problem})
            return data
        except OverflowError:  # the last day of year 9999: its end or its UTC is past it
            self.add_error(None, _("That day is not one a block can have. Check the day."))
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
