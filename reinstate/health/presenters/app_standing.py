"""The standing the platform's app showed, by date: the rows, and a chart of each percentage
beside the driver's own estimate from their blocks on the same days; and the command line's
JSON of a reading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.health import queries
from reinstate.health.models import StandingReading
from reinstate.health.platforms import platform_name
from reinstate.lib.iso import iso
from reinstate.rules.health.charts import Beside, format_value, line_chart
from reinstate.rules.health.standing import DAYS_WINDOW, METRICS_BY_KEY, metric_series
from reinstate.rules.health.standing_screen import TIER_TITLES, ScreenMeasure, measures_for


@dataclass(frozen=True)
class StandingRow:
    reading: StandingReading
    tier: str  # "Fantastic", translated; "" when not given
    parts: list[tuple[str, str]]  # (measure, tier)
    percents: list[tuple[str, str]]  # (measure, "98.5 %")
    source: str


@dataclass(frozen=True)
class StandingChart:
    key: str
    title: str
    svg: SafeString
    has_estimate: bool


@dataclass(frozen=True)
class StandingHistoryPage:
    platform: str
    platform_name: str
    rows: list[StandingRow]  # newest first
    latest: StandingRow | None
    charts: list[StandingChart]


def tier_title(tier: str) -> str:
    return _(TIER_TITLES[tier]) if tier in TIER_TITLES else ""


def standing_row(reading: StandingReading) -> StandingRow:
    measures = measures_for(reading.platform)
    return StandingRow(
        reading=reading,
        tier=tier_title(reading.tier),
        parts=[
            (_(m.title), tier_title(reading.parts[m.key]))
            for m in measures
            if m.key in reading.parts
        ],
        percents=[
            (_(m.title), format_value("fraction", reading.percents[m.key]))
            for m in measures
            if m.key in reading.percents
        ],
        source=reading.get_source_display(),
    )


def day_end(day: date, tz: ZoneInfo) -> datetime:
    """The last moment of a day in the driver's zone: the app's number is the day's."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz) - timedelta(microseconds=1)


def standing_history(user: User, platform: str, *, now: datetime) -> StandingHistoryPage:
    tz = ZoneInfo(user.time_zone)
    readings = queries.standing_readings(user, platform)
    rows = [standing_row(r) for r in readings]
    charts = []
    if readings:
        ends = [min(day_end(r.observed_on, tz), now) for r in readings]
        # Blocks far enough back for the 30-day window of the first day charted.
        records = queries.block_records(
            user, platform, as_of=now, history=now - ends[0] + DAYS_WINDOW + timedelta(days=1)
        )
        for measure in measures_for(platform):
            if measure.shown != "percent" or not any(measure.key in r.percents for r in readings):
                continue
            charts.append(_chart(measure, readings, records, ends, tz))
    return StandingHistoryPage(
        platform=platform,
        platform_name=platform_name(platform),
        rows=list(reversed(rows)),
        latest=rows[-1] if rows else None,
        charts=charts,
    )


def _chart(
    measure: ScreenMeasure,
    readings: list[StandingReading],
    records: list[Any],
    ends: list[datetime],
    tz: ZoneInfo,
) -> StandingChart:
    points = [(end, r.percents.get(measure.key)) for end, r in zip(ends, readings, strict=True)]
    beside = None
    if measure.estimate is not None:
        estimates = metric_series(records, measure.estimate, ends=ends)
        if any(value is not None for _end, value in estimates):
            beside = Beside(
                values=[value for _end, value in estimates],
                label=_("the app"),
                other_label=_("your estimate (%(measure)s)")
                % {"measure": _(METRICS_BY_KEY[measure.estimate].title).lower()},
            )
    svg = line_chart(
        chart_id=f"app-{measure.key}",
        title=_("%(measure)s in the app, by date") % {"measure": _(measure.title)},
        unit="fraction",
        points=points,
        lines=[],
        tz=tz,
        beside=beside,
    )
    return StandingChart(
        key=measure.key,
        title=_(measure.title),
        svg=mark_safe(svg),  # noqa: S308 - built by rules.charts, which escapes text
        has_estimate=beside is not None,
    )


def app_standing_json(reading: StandingReading) -> dict[str, Any]:
    """A recorded standing as `reinstate health reading` prints it: fractions 0..1."""
    return {
        "id": reading.pk,
        "platform": reading.platform,
        "observed_on": reading.observed_on.isoformat(),
        "tier": reading.tier or None,
        "parts": dict(reading.parts),
        "percents": dict(reading.percents),
        "source": reading.source,
        "screenshot_sha256": reading.screenshot_sha256 or None,
        "recorded_at": iso(reading.recorded_at),
    }
