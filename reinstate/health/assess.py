"""A driver's account health on one platform at one moment: standing, margins, warnings.

Reads only; the owner is the person asking (views and commands pass ``request.user`` or the
named user). The rules do the work; this gathers their inputs from the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from reinstate.accounts.models import User
from reinstate.health.models import Block, PaymentChange, Reading, Target, WatchLevel
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.anomalies import (
    BlocksDrop,
    blocks_drop,
    recent_payment_changes,
    unusual_pay,
)
from reinstate.rules.health.charts import format_reading, format_value
from reinstate.rules.health.margins import (
    EventMargin,
    Margin,
    event_margin,
    exact_level,
    exact_value,
)
from reinstate.rules.health.margins import is_crossed as block_measure_crossed
from reinstate.rules.health.plan_targets import MetricChoice, TargetUnit, metric_choices
from reinstate.rules.health.standing import (
    COUNTED,
    LAST_BLOCKS,
    METRIC_KEYS,
    METRICS,
    BlockRecord,
    Standing,
    Totals,
    block_totals,
    metric_value,
    standing,
)
from reinstate.rules.health.watch import (
    LEVEL_NAMES,
    AlertNote,
    Level,
    anomaly_alerts,
    count,
    event_limit_alert,
    margins_for,
    metric_alerts,
    reading_alert,
)

# Enough history for the 30-day window, the 90 days of "usual" pay and 12 weeks of charts.
HISTORY = timedelta(days=120)
RECORD_FIELDS = BlockRecord._fields  # the Block columns a rule needs, in the record's order


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


def block_records(
    owner: User, platform: str, *, as_of: datetime, history: timedelta = HISTORY
) -> list[BlockRecord]:
    """Blocks of the last ``history`` and, before that, enough for the 100-block window."""
    started = Block.objects.filter(owner=owner, platform=platform, block_start__lte=as_of)
    recent = started.filter(block_start__gt=as_of - history)
    older = started.filter(block_start__lte=as_of - history, status__in=COUNTED).order_by(
        "-block_start"
    )[:LAST_BLOCKS]
    rows = [*older.values_list(*RECORD_FIELDS), *recent.values_list(*RECORD_FIELDS)]
    return [to_record(row) for row in rows]


def to_record(row: tuple[object, ...]) -> BlockRecord:
    values = list(row)
    for index in (9, 10, 11):  # money and miles: floats for the rules' arithmetic
        values[index] = None if values[index] is None else float(values[index])  # type: ignore[arg-type]
    return BlockRecord(*values)  # type: ignore[arg-type]


def watch_levels(owner: User, platform: str) -> list[Level]:
    return [
        Level(metric=w.metric, value=w.level, kind="watch")
        for w in WatchLevel.objects.filter(owner=owner, platform=platform, metric__in=METRIC_KEYS)
    ]


def target_level(target: Target) -> Level:
    return Level(metric=target.metric, value=target.threshold, kind="target", ref=f":{target.pk}")


def target_ref(target_pk: int) -> str:
    """What the key of every alert about one target holds (see target_level and
    _reading_target_alerts): the case page finds a target's warnings by it."""
    return f":target:{target_pk}:"


def levels_for(owner: User, platform: str) -> list[Level]:
    targets = Target.objects.filter(owner=owner, platform=platform, metric__in=METRIC_KEYS)
    return watch_levels(owner, platform) + [target_level(t) for t in targets]


def since_start(day: date, tz: ZoneInfo) -> datetime:
    """The start of a target's first day in the driver's zone: what counts for it from then."""
    return datetime.combine(day, time.min, tzinfo=tz)


def target_margins(
    records: Sequence[BlockRecord], targets: Sequence[Target], *, as_of: datetime, tz: ZoneInfo
) -> list[tuple[Level, Margin]]:
    """Each target against the blocks since its date only: the late blocks that led to the
    deactivation must not raise a "starting again" flag the day after reinstatement."""
    by_since: dict[date, list[Target]] = {}
    for target in targets:
        by_since.setdefault(target.since, []).append(target)
    found: list[tuple[Level, Margin]] = []
    for day, group in sorted(by_since.items()):
        start = since_start(day, tz)
        after = standing([r for r in records if r.block_start >= start], as_of=as_of)
        found += margins_for(after, [target_level(t) for t in group])
    return found


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
        *_reading_target_alerts(owner, platform, targets, as_of=as_of),
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


def tracked_metrics(platform: str) -> list[Metric]:
    """The platform's published measures a driver can record from its app."""
    found = load_catalogue().platforms.get(platform)
    return [m for m in found.metrics if m.measured_as] if found else []


def reading_statuses(owner: User, platform: str, *, as_of: datetime) -> list[ReadingStatus]:
    watch = dict(
        WatchLevel.objects.filter(owner=owner, platform=platform).values_list("metric", "level")
    )
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
                "the platform's limit",
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


def target_choices(platform: str) -> list[MetricChoice]:
    """The measures a target can follow on this platform, with their plain names."""
    found = load_catalogue().platforms.get(platform)
    return metric_choices(METRICS, found.metrics if found else ())


def format_target(unit: TargetUnit, value: float | None) -> str:
    if unit == "stars":
        return format_reading("stars", value)
    return format_value(unit, value)


@dataclass(frozen=True)
class TargetStatus:
    """A target beside what happened since its date: the blocks, or the app's last number."""

    target: Target
    choice: MetricChoice
    value: float | None
    basis: str  # "12 blocks", "recorded 3 Dec 2026", "nothing recorded yet"
    met: bool  # nothing to measure yet counts as met: no warning without numbers

    @property
    def title(self) -> str:
        return self.choice.title

    @property
    def threshold(self) -> str:
        return format_target(self.choice.unit, self.target.threshold)

    @property
    def actual(self) -> str:
        return format_target(self.choice.unit, self.value)


def target_status(owner: User, target: Target, *, as_of: datetime) -> TargetStatus | None:
    """None for a measure the platform no longer has (a catalogue change)."""
    choice = next((c for c in target_choices(target.platform) if c.key == target.metric), None)
    if choice is None:
        return None
    start = since_start(target.since, ZoneInfo(owner.time_zone))
    if choice.from_blocks:
        records = block_records(owner, target.platform, as_of=as_of, history=as_of - start)
        totals = sum((block_totals(r) for r in records if r.block_start >= start), Totals())
        missed = block_measure_crossed(
            target.metric, exact_value(totals, target.metric), exact_level(target.threshold)
        )
        return TargetStatus(
            target=target,
            choice=choice,
            value=metric_value(totals, target.metric),
            basis=count(int(totals.counted), "block", "blocks"),
            met=not missed,
        )
    latest = _latest_reading(owner, target, since=start, as_of=as_of)
    if latest is None:
        return TargetStatus(target, choice, None, "nothing recorded yet", met=True)
    day = latest.observed_at.astimezone(ZoneInfo(owner.time_zone))
    return TargetStatus(
        target=target,
        choice=choice,
        value=latest.value,
        basis=f"recorded {day.day} {day:%b %Y}",
        met=latest.value >= target.threshold,
    )


def _latest_reading(
    owner: User, target: Target, *, since: datetime, as_of: datetime
) -> Reading | None:
    return (
        Reading.objects.filter(
            owner=owner,
            platform=target.platform,
            metric=target.metric,
            observed_at__gte=since,
            observed_at__lte=as_of,
        )
        .order_by("-observed_at")
        .first()
    )


def _reading_target_alerts(
    owner: User, platform: str, targets: Sequence[Target], *, as_of: datetime
) -> list[AlertNote]:
    """A target on a number from the platform's app (a rating, a rate) that the last number
    recorded since reinstatement misses: the same early flag as for the blocks' measures."""
    alerts = []
    for target in targets:
        if target.metric in METRIC_KEYS:
            continue  # the blocks' measures are flagged through target_margins
        status = target_status(owner, target, as_of=as_of)
        if status is None or status.met:
            continue
        name = LEVEL_NAMES["target"]
        alerts.append(
            AlertNote(
                key=f"{platform}:{target.metric}:reading{target_ref(target.pk)}crossed",
                kind="recurrence",
                title=f"{status.title} is below {name} again: {status.actual}",
                detail=(
                    f"Your corrective action plan says {status.threshold}. This is the "
                    "problem that led to the deactivation starting again; act on it now."
                ),
            )
        )
    return alerts
