"""How each target of a corrective action plan is going, counted from its own date only.

A target on a block measure (reliability, DNR...) becomes a level the standing rules measure
against the blocks since its date; a target on a number from the platform's app (a rating) is
compared with the last number recorded since then. Reads only, for the target's owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.health.models import Reading, Target
from reinstate.health.platforms import target_choices
from reinstate.health.queries import block_records
from reinstate.lib.dates import when
from reinstate.rules.health.charts import format_reading, format_value
from reinstate.rules.health.margins import Margin, exact_level, exact_value
from reinstate.rules.health.margins import is_crossed as block_measure_crossed
from reinstate.rules.health.plan_targets import MetricChoice, TargetUnit
from reinstate.rules.health.standing import (
    METRIC_KEYS,
    BlockRecord,
    Totals,
    block_totals,
    blocks,
    metric_value,
    standing,
)
from reinstate.rules.health.watch import LEVEL_NAMES, AlertNote, Level, margins_for


def target_level(target: Target) -> Level:
    return Level(metric=target.metric, value=target.threshold, kind="target", ref=f":{target.pk}")


def target_ref(target_pk: int) -> str:
    """What the key of every alert about one target holds (see target_level and
    reading_target_alerts): the case page finds a target's warnings by it."""
    return f":target:{target_pk}:"


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
        return _(self.choice.title)

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
            basis=blocks(int(totals.counted)),
            met=not missed,
        )
    latest = _latest_reading(owner, target, since=start, as_of=as_of)
    if latest is None:
        return TargetStatus(target, choice, None, _("nothing recorded yet"), met=True)
    day = latest.observed_at.astimezone(ZoneInfo(owner.time_zone))
    return TargetStatus(
        target=target,
        choice=choice,
        value=latest.value,
        basis=_("recorded %(day)s") % {"day": when(day, "date")},
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


def reading_target_alerts(
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
        words = {
            "measure": status.title,
            "level": _(LEVEL_NAMES["target"]),
            "value": status.actual,
            "line": status.threshold,
        }
        alerts.append(
            AlertNote(
                key=f"{platform}:{target.metric}:reading{target_ref(target.pk)}crossed",
                kind="recurrence",
                title=_("%(measure)s is below %(level)s again: %(value)s") % words,
                detail=_(
                    "Your corrective action plan says %(line)s. This is the problem that led to "
                    "the deactivation starting again; act on it now."
                )
                % words,
            )
        )
    return alerts
