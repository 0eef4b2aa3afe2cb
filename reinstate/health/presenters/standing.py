"""The health page: standing in two windows, margins to each level, charts, the numbers from
the platform's app; and `reinstate health standing`'s JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.health import queries
from reinstate.health.alerts import shown_alerts
from reinstate.health.assessment import Assessment, ReadingStatus
from reinstate.health.models import Alert, Block
from reinstate.health.platforms import platform_choices, platform_name
from reinstate.health.presenters.app_standing import StandingRow, standing_row
from reinstate.health.presenters.documents import DocumentRow, document_rows
from reinstate.health.presenters.targets import plan_offers, target_rows
from reinstate.health.target_status import TargetStatus
from reinstate.lib.iso import iso
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.charts import Line, format_reading, format_value, line_chart
from reinstate.rules.health.margins import RECOVERY_CAP, Margin
from reinstate.rules.health.standing import (
    METRICS,
    METRICS_BY_KEY,
    WINDOW_TITLES,
    WINDOWS,
    MetricInfo,
    blocks,
    clean_blocks,
    metric_series,
    more_bad_events,
    next_bad_event,
)
from reinstate.rules.health.standing_screen import measures_for
from reinstate.rules.health.watch import LEVEL_NAMES, Level

CHART_WEEKS = 12
ESTIMATE_NOTE = gettext_lazy(
    "These are Reinstate's estimates from the blocks you recorded, not the platform's own "
    "numbers: Amazon publishes neither how it works out standing nor any threshold. Set your "
    "own watch levels to hear early when a number slips."
)
# "DNR" is said where it first appears on the page (a warning, else the measure's card).
DNR_NOTE = gettext_lazy(
    "DNR (“delivered, not received”): a customer reported the package did not arrive."
)
METRIC_NOTES = {"dnr_per_1000": DNR_NOTE}


def margin_text(level: Level, m: Margin) -> str:
    """One sentence a driver can act on: how far from the level, in things they can count."""
    info = METRICS_BY_KEY[m.metric]
    line = _("%(level)s (%(value)s)") % {
        "level": _(LEVEL_NAMES[level.kind]),
        "value": format_value(info.unit, level.value),
    }
    below = info.better == "higher"
    if m.value is None:
        return _("No blocks to measure against %(line)s yet.") % {"line": line}
    if m.crossed:
        if m.clean_blocks_to_recover is None:
            sentence = (
                _("Below %(line)s; more than %(cap)s blocks to bring it back.")
                if below
                else _("Above %(line)s; more than %(cap)s blocks to bring it back.")
            )
            return sentence % {"line": line, "cap": RECOVERY_CAP}
        sentence = (
            _("Below %(line)s. %(blocks)s in a row bring it back.")
            if below
            else _("Above %(line)s. %(blocks)s in a row bring it back.")
        )
        return sentence % {
            "line": line,
            "blocks": clean_blocks(m.metric, m.clean_blocks_to_recover),
        }
    words = []
    if m.bad_events_left is not None and info.bad_event and info.bad_events:
        if m.bad_events_left == 0:
            sentence = (
                _("%(next_event)s takes it below %(line)s.")
                if below
                else _("%(next_event)s takes it above %(line)s.")
            )
            words.append(
                capfirst(sentence % {"next_event": next_bad_event(m.metric), "line": line})
            )
        else:
            sentence = (
                _("%(events)s before it goes below %(line)s.")
                if below
                else _("%(events)s before it goes above %(line)s.")
            )
            words.append(
                sentence % {"events": more_bad_events(m.metric, m.bad_events_left), "line": line}
            )
    else:
        words.append(_("On the right side of %(line)s.") % {"line": line})
    if m.blocks_to_cross is not None:
        sentence = (
            _("At your current pace it goes below within %(blocks)s.")
            if below
            else _("At your current pace it goes above within %(blocks)s.")
        )
        words.append(sentence % {"blocks": blocks(m.blocks_to_cross)})
    return " ".join(words)


@dataclass(frozen=True)
class MetricRow:
    info: MetricInfo
    values: list[tuple[str, str]]  # (window title, formatted value)
    margins: list[tuple[str, str, bool]]  # (window title, sentence, crossed)
    chart: SafeString
    note: str = ""  # what its words mean, in plain words ("DNR: …")


def metric_rows(assessment: Assessment, tz: ZoneInfo) -> list[MetricRow]:
    windows = assessment.standing.windows
    ends = [assessment.as_of - timedelta(weeks=w) for w in range(CHART_WEEKS - 1, -1, -1)]
    rows = []
    for info in METRICS:
        levels = [level for level in assessment.levels if level.metric == info.key]
        found = [(lv, m) for lv, m in assessment.margins if lv.metric == info.key]
        chart = line_chart(
            chart_id=f"chart-{info.key}",
            title=_("%(measure)s, last 30 days, week by week") % {"measure": _(info.title)},
            unit=info.unit,
            points=metric_series(assessment.records, info.key, ends=ends),
            lines=[Line(_(LEVEL_NAMES[lv.kind]), lv.value) for lv in levels],
            tz=tz,
        )
        rows.append(
            MetricRow(
                info=info,
                values=[
                    (_(WINDOW_TITLES[w]), format_value(info.unit, windows[w].metrics[info.key]))
                    for w in WINDOWS
                ],
                margins=[
                    (_(WINDOW_TITLES[m.window]), margin_text(lv, m), m.crossed) for lv, m in found
                ],
                chart=mark_safe(chart),  # noqa: S308 - built by rules.charts, which escapes text
                note=str(METRIC_NOTES.get(info.key, "")),
            )
        )
    return rows


@dataclass(frozen=True)
class ReadingRow:
    """A measure from the platform's app, formatted: the driver's number, the level, the margin."""

    metric: Metric
    value: str
    level: str  # empty when there is no level to compare with
    level_is_platforms: bool
    crossed: bool
    margin: str
    observed_at: datetime | None
    next_expiry: datetime | None
    is_events: bool


def reading_row(status: ReadingStatus) -> ReadingRow:
    metric = status.metric
    kind = metric.measured_as or ""
    if status.events is not None:
        left = status.events
        margin = (
            _("At the limit of %(limit)s.") % {"limit": left.limit}
            if left.reached
            else _("%(count)s more before the limit of %(limit)s.")
            % {"count": left.left, "limit": left.limit}
        )
    elif status.level is not None and status.value is not None:
        margin = _("Below the level.") if status.crossed else _("At or above the level.")
    else:
        margin = ""
    return ReadingRow(
        metric=metric,
        value=format_reading(kind, status.value),
        level=format_reading(kind, status.level) if status.level is not None else "",
        level_is_platforms=status.level_is_platforms,
        crossed=status.crossed,
        margin=margin,
        observed_at=status.observed_at,
        next_expiry=status.next_expiry,
        is_events=kind == "events",
    )


@dataclass(frozen=True)
class HealthPage:
    platform: str
    platform_name: str
    platforms: list[tuple[str, str]]  # the same list the forms offer
    estimate_note: str
    counted: dict[str, int]  # window title -> counted blocks
    has_blocks: bool
    metrics: list[MetricRow]
    readings: list[ReadingRow]
    alerts: list[Alert]
    dnr_note: str
    dnr_alert: int | None  # the first warning that says "DNR": it carries the note
    targets: list[TargetStatus]
    plan_offers: list[Case]
    documents: list[DocumentRow]
    blocks: list[Block]
    has_standing_screen: bool = False  # the app shows a tier: it can be recorded by date
    app_standing: StandingRow | None = None  # the last one recorded


def health_page(user: User, assessment: Assessment, *, now: datetime) -> HealthPage:
    tz = ZoneInfo(user.time_zone)
    platform = assessment.platform
    windows = assessment.standing.windows
    today = now.astimezone(tz).date()
    alerts = shown_alerts(queries.open_alerts(user, platform), assessment)
    dnr_alert = next((a.pk for a in alerts if "DNR" in f"{a.title} {a.detail}"), None)
    return HealthPage(
        platform=platform,
        platform_name=platform_name(platform),
        platforms=platform_choices(),
        estimate_note=str(ESTIMATE_NOTE),
        counted={_(WINDOW_TITLES[w]): windows[w].counted for w in WINDOWS},
        has_blocks=bool(assessment.records),
        metrics=metric_rows(assessment, tz),
        readings=[reading_row(s) for s in assessment.readings],
        alerts=alerts,
        dnr_note=str(DNR_NOTE),
        dnr_alert=dnr_alert,
        targets=target_rows(user, platform, now),
        plan_offers=plan_offers(user, platform),
        documents=document_rows(queries.documents(user), today),
        blocks=queries.recent_blocks(user, platform, limit=5),
        has_standing_screen=bool(measures_for(platform)),
        app_standing=_last_app_standing(user, platform),
    )


def _last_app_standing(user: User, platform: str) -> StandingRow | None:
    found = queries.standing_readings(user, platform)
    return standing_row(found[-1]) if found else None


def levels_json(assessment: Assessment) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for level in assessment.levels:
        found.setdefault(level.metric, []).append({"value": level.value, "kind": level.kind})
    for status in assessment.readings:
        if status.level is not None:
            found.setdefault(status.metric.key, []).append(
                {
                    "value": status.level,
                    "kind": "platform" if status.level_is_platforms else "watch",
                    "source": status.metric.source,
                    "confidence": status.metric.confidence,
                    "checked": status.metric.checked.isoformat(),
                }
            )
    return found


def margins_json(assessment: Assessment) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for level, m in assessment.margins:
        found.setdefault(m.metric, []).append(
            {
                "window": m.window,
                "kind": level.kind,
                "level": m.level,
                "value": m.value,
                "crossed": m.crossed,
                "bad_events_left": m.bad_events_left,
                "clean_blocks_to_recover": m.clean_blocks_to_recover,
                "blocks_to_cross": m.blocks_to_cross,
            }
        )
    for status in assessment.readings:
        if status.events is not None:
            found.setdefault(status.metric.key, []).append(
                {
                    "window": f"{status.metric.window_days}d"
                    if status.metric.window_days
                    else None,
                    "kind": "platform",
                    "level": status.events.limit,
                    "value": status.events.count,
                    "crossed": status.events.reached,
                    "events_left": status.events.left,
                }
            )
    return found


def standing_json(assessment: Assessment) -> dict[str, Any]:
    """The contract of `reinstate health standing`: fractions 0..1, None where nothing counts."""
    return {
        "as_of": iso(assessment.as_of),
        "platform": assessment.platform,
        "windows": {
            key: {"blocks": window.counted, "metrics": dict(window.metrics)}
            for key, window in assessment.standing.windows.items()
        },
        "thresholds": levels_json(assessment),
        "margins": margins_json(assessment),
        "alerts": [
            {"key": a.key, "kind": a.kind, "title": a.title, "detail": a.detail}
            for a in assessment.alerts
        ],
    }
