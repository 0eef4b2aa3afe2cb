"""A driver's account health on one platform at one moment: standing, margins, warnings.

Loads what the standing rules need (the blocks, watch levels, targets, the numbers recorded from
the platform's app, payment changes) and runs them: rules/health/standing.py, margins.py,
anomalies.py and watch.py do the work. Reads only; the owner is the person asking (views and
commands pass ``request.user`` or the named user).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils.translation import gettext_noop

from reinstate.accounts.models import User
from reinstate.health.models import PaymentChange, Reading, Target, WatchLevel
from reinstate.health.platforms import tracked_metrics
from reinstate.health.queries import block_records, watch_level_values
from reinstate.health.target_status import reading_target_alerts, target_level, target_margins
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.anomalies import (
    BlocksDrop,
    blocks_drop,
    recent_payment_changes,
    unusual_pay,
)
from reinstate.rules.health.margins import EventMargin, Margin, event_margin
from reinstate.rules.health.standing import METRIC_KEYS, BlockRecord, Standing, standing
from reinstate.rules.health.watch import (
    AlertNote,
    Level,
    anomaly_alerts,
    event_limit_alert,
    margins_for,
    metric_alerts,
    reading_alert,
)


@dataclass(frozen=True)
class ReadingStatus:
    """A measure the platform's app shows (or counts), as the driver last recorded it."""

    metric: Metric
    value: float | None  # the latest reading; for events, how many count now
    observed_at: datetime | None
    level: float | None
    level_is_platforms: bool  # the platform's published threshold, not a watch level
    crossed: bool
    events: EventMargin | None = None
    next_expiry: datetime | None = None  # when the oldest counted event stops counting


@dataclass(frozen=True)
class Assessment:
    platform: str
    as_of: datetime
    records: list[BlockRecord]
    standing: Standing
    levels: list[Level]
    margins: list[tuple[Level, Margin]]
    readings: list[ReadingStatus]
    drop: BlocksDrop | None
    alerts: list[AlertNote] = field(default_factory=list)


def watch_levels(owner: User, platform: str) -> list[Level]:
    return [
        Level(metric=w.metric, value=w.level, kind="watch")
        for w in WatchLevel.objects.filter(owner=owner, platform=platform, metric__in=METRIC_KEYS)
    ]


def assess(owner: User, platform: str, *, as_of: datetime) -> Assessment:
    tz = ZoneInfo(owner.time_zone)
    records = block_records(owner, platform, as_of=as_of)
    now_standing = standing(records, as_of=as_of)
    targets = list(Target.objects.filter(owner=owner, platform=platform))
    on_blocks = [t for t in targets if t.metric in METRIC_KEYS]
    watch = watch_levels(owner, platform)
    levels = watch + [target_level(t) for t in on_blocks]
    margins = margins_for(now_standing, watch) + target_margins(
        records, on_blocks, as_of=as_of, tz=tz
    )
    readings = reading_statuses(owner, platform, as_of=as_of)
    drop = blocks_drop(records, as_of=as_of)
    changes = PaymentChange.objects.filter(
        owner=owner, platform=platform, by_driver=False
    ).values_list("changed_at", flat=True)
    alerts = [
        *metric_alerts(platform, margins),
        *anomaly_alerts(
            platform,
            pay=unusual_pay(records, as_of=as_of),
            drop=drop,
            payment_changes=recent_payment_changes(changes, as_of=as_of),
            tz=tz,
        ),
        *_reading_alerts(platform, readings),
        *reading_target_alerts(owner, platform, targets, as_of=as_of),
    ]
    return Assessment(
        platform=platform,
        as_of=as_of,
        records=records,
        standing=now_standing,
        levels=levels,
        margins=margins,
        readings=readings,
        drop=drop,
        alerts=alerts,
    )


def reading_statuses(owner: User, platform: str, *, as_of: datetime) -> list[ReadingStatus]:
    watch = watch_level_values(owner, platform)
    statuses = []
    for metric in tracked_metrics(platform):
        readings = Reading.objects.filter(
            owner=owner, platform=platform, metric=metric.key, observed_at__lte=as_of
        )
        if metric.measured_as == "events":
            statuses.append(_events_status(metric, readings, as_of=as_of))
            continue
        latest = readings.order_by("-observed_at").first()
        level = metric.threshold if metric.threshold is not None else watch.get(metric.key)
        value = latest.value if latest else None
        statuses.append(
            ReadingStatus(
                metric=metric,
                value=value,
                observed_at=latest.observed_at if latest else None,
                level=level,
                level_is_platforms=metric.threshold is not None,
                crossed=value is not None and level is not None and value < level,
            )
        )
    return statuses


def _events_status(
    metric: Metric, readings: QuerySet[Reading], *, as_of: datetime
) -> ReadingStatus:
    if metric.window_days:
        readings = readings.filter(observed_at__gt=as_of - timedelta(days=metric.window_days))
    times = sorted(readings.values_list("observed_at", flat=True))
    count = len(times)
    limit = int(metric.threshold) if metric.threshold is not None else None
    found = event_margin(count, limit) if limit is not None else None
    return ReadingStatus(
        metric=metric,
        value=count,
        observed_at=times[-1] if times else None,
        level=metric.threshold,
        level_is_platforms=metric.threshold is not None,
        crossed=bool(found and found.reached),
        events=found,
        next_expiry=(
            times[0] + timedelta(days=metric.window_days) if times and metric.window_days else None
        ),
    )


def _reading_alerts(platform: str, readings: list[ReadingStatus]) -> list[AlertNote]:
    alerts = []
    for status in readings:
        note: AlertNote | None
        if status.events is not None:
            note = event_limit_alert(
                platform,
                status.metric.key,
                status.metric.title,
                gettext_noop("the platform's limit"),  # shown through _() by the rules
                status.events,
                status.metric.window_days,
            )
        else:
            note = reading_alert(
                platform,
                status.metric.key,
                status.metric.title,
                status.metric.measured_as or "",
                status.value,
                status.level,
                platforms=status.level_is_platforms,
            )
        if note is not None:
            alerts.append(note)
    return alerts
