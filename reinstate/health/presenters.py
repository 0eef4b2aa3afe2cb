"""Ready-to-render values for the health pages and the command line: no rules in templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.safestring import SafeString, mark_safe

from reinstate.accounts.models import User
from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.health import queries
from reinstate.health.assess import (
    Assessment,
    ReadingStatus,
    TargetStatus,
    assess,
    target_choices,
    target_ref,
    target_status,
)
from reinstate.health.forms import PlanTargetsForm, platform_choices
from reinstate.health.models import Alert, Document
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.health import expiry
from reinstate.rules.health.blocks_csv import ReadResult
from reinstate.rules.health.charts import Line, format_reading, format_value, line_chart
from reinstate.rules.health.margins import RECOVERY_CAP, Margin
from reinstate.rules.health.plan_targets import PlanRow, plan_rows
from reinstate.rules.health.standing import (
    METRICS,
    METRICS_BY_KEY,
    STATUS_TITLES,
    WINDOW_30D,
    WINDOW_TITLES,
    WINDOWS,
    MetricInfo,
    metric_series,
)
from reinstate.rules.health.watch import LEVEL_NAMES, Level, count, more
from reinstate.rules.notice.as_json import iso

CHART_WEEKS = 12
ESTIMATE_NOTE = (
    "These are Reinstate's estimates from the blocks you recorded, not the platform's own "
    "numbers: Amazon publishes neither how it works out standing nor any threshold. Set your "
    "own watch levels to hear early when a number slips."
)


def platform_name(platform: str) -> str:
    found = load_catalogue().platforms.get(platform)
    return found.name if found else platform


def margin_text(level: Level, m: Margin) -> str:
    """One sentence a driver can act on: how far from the level, in things they can count."""
    info = METRICS_BY_KEY[m.metric]
    line = f"{LEVEL_NAMES[level.kind]} ({format_value(info.unit, level.value)})"
    side = "below" if info.better == "higher" else "above"
    if m.value is None:
        return f"No blocks to measure against {line} yet."
    if m.crossed:
        if m.clean_blocks_to_recover is None:
            return f"{side.capitalize()} {line}; more than {RECOVERY_CAP} blocks to bring it back."
        blocks = count(m.clean_blocks_to_recover, info.clean_block, info.clean_blocks)
        return f"{side.capitalize()} {line}. {blocks} in a row bring it back."
    words = []
    if m.bad_events_left is not None and info.bad_event and info.bad_events:
        if m.bad_events_left == 0:
            words.append(f"The next {info.bad_event} takes it {side} {line}.")
        else:
            left = more(m.bad_events_left, info.bad_event, info.bad_events)
            words.append(f"{left} before it goes {side} {line}.")
    else:
        words.append(f"On the right side of {line}.")
    if m.blocks_to_cross is not None:
        words.append(
            f"At your current pace it goes {side} within "
            f"{count(m.blocks_to_cross, 'block', 'blocks')}."
        )
    return " ".join(words)


@dataclass(frozen=True)
class MetricRow:
    info: MetricInfo
    values: list[tuple[str, str]]  # (window title, formatted value)
    margins: list[tuple[str, str, bool]]  # (window title, sentence, crossed)
    chart: SafeString


def metric_rows(assessment: Assessment, tz: ZoneInfo) -> list[MetricRow]:
    windows = assessment.standing.windows
    ends = [assessment.as_of - timedelta(weeks=w) for w in range(CHART_WEEKS - 1, -1, -1)]
    rows = []
    for info in METRICS:
        levels = [level for level in assessment.levels if level.metric == info.key]
        found = [(lv, m) for lv, m in assessment.margins if lv.metric == info.key]
        chart = line_chart(
            chart_id=f"chart-{info.key}",
            title=f"{info.title}, last 30 days, week by week",
            unit=info.unit,
            points=metric_series(assessment.records, info.key, ends=ends),
            lines=[Line(LEVEL_NAMES[lv.kind], lv.value) for lv in levels],
            tz=tz,
        )
        rows.append(
            MetricRow(
                info=info,
                values=[
                    (WINDOW_TITLES[w], format_value(info.unit, windows[w].metrics[info.key]))
                    for w in WINDOWS
                ],
                margins=[
                    (WINDOW_TITLES[m.window], margin_text(lv, m), m.crossed) for lv, m in found
                ],
                chart=mark_safe(chart),  # noqa: S308 - built by rules.charts, which escapes text
            )
        )
    return rows


def reading_row(status: ReadingStatus) -> dict[str, Any]:
    metric = status.metric
    kind = metric.measured_as or ""
    if status.events is not None:
        left = status.events
        margin = (
            f"At the limit of {left.limit}."
            if left.reached
            else f"{left.left} more before the limit of {left.limit}."
        )
    elif status.level is not None and status.value is not None:
        margin = "Below the level." if status.crossed else "At or above the level."
    else:
        margin = ""
    return {
        "metric": metric,
        "value": format_reading(kind, status.value),
        "level": format_reading(kind, status.level) if status.level is not None else "",
        "level_is_platforms": status.level_is_platforms,
        "crossed": status.crossed,
        "margin": margin,
        "observed_at": status.observed_at,
        "next_expiry": status.next_expiry,
        "is_events": kind == "events",
    }


def target_rows(
    user: User, platform: str, now: datetime, *, case: Case | None = None
) -> list[TargetStatus]:
    """Each target of the corrective action plan beside the numbers since it was set."""
    found = (target_status(user, t, as_of=now) for t in queries.targets(user, platform, case=case))
    return [status for status in found if status is not None]


def plan_rows_for(case: Case) -> list[PlanRow]:
    """The case's plan, line by line, with the measure and level the app read in each."""
    appeal = appeal_of(case)
    if appeal.pk is None or not case.platform:
        return []
    return plan_rows(
        monitoring_metric=appeal.monitoring_metric,
        monitoring_threshold=appeal.monitoring_threshold,
        monitoring_frequency=appeal.monitoring_frequency,
        actions=[(a.action, a.target) for a in appeal.actions.all()],
        choices=target_choices(case.platform),
    )


def plan_form(case: Case, *, today: date, data: Any = None) -> PlanTargetsForm:
    """The "Keep watching your plan" form, filled from the plan; counting from reinstatement."""
    return PlanTargetsForm(
        data,
        rows=plan_rows_for(case),
        choices=target_choices(case.platform or ""),
        today=today,
        watched=set(case.health_targets.values_list("metric", "threshold")),
        initial={"since": case.reinstated_on},
    )


def plan_watch(user: User, case: Case, *, now: datetime) -> dict[str, Any] | None:
    """After reinstatement, on the case page: the plan's targets since then, and an early flag
    when one is being missed. Only for the driver: the numbers are theirs alone."""
    if case.owner_id != user.pk:
        return None
    rows = target_rows(user, case.platform or "", now, case=case)
    reinstated = case.outcome == Case.Outcome.REINSTATED
    if not reinstated and not rows:
        return None
    refs = [target_ref(row.target.pk) for row in rows]
    alerts = [
        alert
        for alert in queries.open_alerts(user, case.platform)
        if any(ref in alert.key for ref in refs)
    ]
    form = None
    if reinstated and not rows and case.platform:
        form = plan_form(case, today=now.astimezone(ZoneInfo(user.time_zone)).date())
        if not form.rows:
            form = None
    return {
        "rows": rows,
        "missed": [row for row in rows if not row.met],
        "alerts": alerts,
        "form": form,
        "platform": case.platform,
    }


def plan_offers(user: User, platform: str) -> list[Case]:
    """Reinstated cases on this platform whose plan nobody watches yet: the health page offers
    to keep watching them."""
    return [
        case
        for case in queries.reinstated_cases(user, platform)
        if not case.health_targets.exists() and plan_rows_for(case)
    ]


def document_rows(documents: list[Document], today: date) -> list[dict[str, Any]]:
    return [
        {
            "document": d,
            "status": expiry.status(d.expires_on, today),
            "when": expiry.describe(d.expires_on, today),
        }
        for d in documents
    ]


def health_page(user: User, assessment: Assessment, *, now: datetime) -> dict[str, Any]:
    tz = ZoneInfo(user.time_zone)
    platform = assessment.platform
    windows = assessment.standing.windows
    today = now.astimezone(tz).date()
    return {
        "platform": platform,
        "platform_name": platform_name(platform),
        "platforms": platform_choices(),  # the same list the forms offer
        "estimate_note": ESTIMATE_NOTE,
        "counted": {WINDOW_TITLES[w]: windows[w].counted for w in WINDOWS},
        "has_blocks": bool(assessment.records),
        "metrics": metric_rows(assessment, tz),
        "readings": [reading_row(s) for s in assessment.readings],
        "alerts": queries.open_alerts(user, platform),
        "targets": target_rows(user, platform, now),
        "plan_offers": plan_offers(user, platform),
        "documents": document_rows(queries.documents(user), today),
        "blocks": queries.recent_blocks(user, platform, limit=5),
    }


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


def import_json(run: Any) -> dict[str, Any]:
    """The contract of `reinstate health import`."""
    return {
        "rows": run.rows,
        "added": run.added,
        "duplicates": run.duplicates,
        "rejected": list(run.rejected),
    }


def summary_lines(assessment: Assessment) -> list[str]:
    """The 30-day numbers in a line each, for the weekly check-in."""
    window = assessment.standing.windows[WINDOW_30D]
    return [
        f"{info.title}: {format_value(info.unit, window.metrics[info.key])}" for info in METRICS
    ]


def checkin(user: User, *, now: datetime) -> dict[str, Any]:
    """The weekly check-in: standing, margins and anything new, for each platform driven."""
    tz = ZoneInfo(user.time_zone)
    week_ago = now - timedelta(days=7)
    sections = []
    for platform in queries.active_platforms(user):
        assessment = assess(user, platform, as_of=now)
        sections.append(
            {
                "platform_name": platform_name(platform),
                "blocks_this_week": sum(
                    1 for r in assessment.records if week_ago < r.block_start <= now
                ),
                "lines": summary_lines(assessment),
                "margins": [
                    margin_text(level, m)
                    for level, m in assessment.margins
                    if m.window == WINDOW_30D
                ],
                "readings": [
                    f"{row['metric'].title}: {row['value']}"
                    for row in map(reading_row, assessment.readings)
                ],
            }
        )
    today = now.astimezone(tz).date()
    return {
        "user": user,
        "week_of": today,
        "sections": sections,
        "new_alerts": list(
            Alert.objects.filter(owner=user, opened_at__gt=week_ago).order_by("-opened_at")
        ),
        "documents": [
            row for row in document_rows(queries.documents(user), today) if row["status"] != "ok"
        ],
    }


def preview_rows(preview: ReadResult, tz: ZoneInfo, *, limit: int) -> list[dict[str, Any]]:
    """The first blocks of a file as the app read them, for the driver to check."""
    rows = []
    for row in preview.records[:limit]:
        r = row.record
        rows.append(
            {
                "line": row.line,
                "start": r.block_start.astimezone(tz),
                "end": r.block_end.astimezone(tz),
                "arrived": r.arrived_at.astimezone(tz) if r.arrived_at else None,
                "status": STATUS_TITLES.get(r.status, r.status),
                "packages": r.packages_delivered,
                "assigned": r.packages_assigned,
                "pay": r.pay,
            }
        )
    return rows
