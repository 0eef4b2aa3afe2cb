"""Which warnings to raise, in plain words, from standing, levels and anomalies.

Pure, no Django. Each warning has a ``key`` that stays the same while its cause lasts, so the app
keeps one open alert per cause, closes it when the cause goes, and emails it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from reinstate.rules.health.anomalies import BlocksDrop, PayAnomaly
from reinstate.rules.health.charts import format_reading, format_value
from reinstate.rules.health.margins import EventMargin, Margin, margin
from reinstate.rules.health.standing import METRICS_BY_KEY, WINDOW_TITLES, Standing

LevelKind = Literal["watch", "target"]
AlertKind = Literal[
    "crossed", "will_cross", "recurrence", "pay", "blocks_drop", "payment_change", "event_limit"
]


@dataclass(frozen=True)
class Level:
    """A line a measure should stay on the right side of."""

    metric: str
    value: float
    kind: LevelKind
    ref: str = ""  # tells two targets on one measure apart


@dataclass(frozen=True)
class AlertNote:
    key: str
    kind: AlertKind
    title: str
    detail: str


LEVEL_NAMES = {"watch": "your watch level", "target": "your plan's target"}


def margins_for(standing: Standing, levels: Sequence[Level]) -> list[tuple[Level, Margin]]:
    """Every level against every window."""
    return [
        (level, margin(window, level.metric, level.value))
        for level in levels
        for window in standing.windows.values()
    ]


def metric_alerts(platform: str, found: Sequence[tuple[Level, Margin]]) -> list[AlertNote]:
    alerts = []
    for level, m in found:
        info = METRICS_BY_KEY[m.metric]
        name = LEVEL_NAMES[level.kind]
        where = WINDOW_TITLES[m.window].lower()
        now = format_value(info.unit, m.value)
        line = format_value(info.unit, level.value)
        side = "below" if info.better == "higher" else "above"
        base = f"{platform}:{m.metric}:{m.window}:{level.kind}{level.ref}"
        if m.crossed:
            back = (
                f" {count(m.clean_blocks_to_recover, info.clean_block, info.clean_blocks)} "
                "in a row would bring it back."
                if m.clean_blocks_to_recover is not None
                else ""
            )
            if level.kind == "target":
                alerts.append(
                    AlertNote(
                        key=f"{base}:crossed",
                        kind="recurrence",
                        title=f"{info.title} is {side} {name} again: {now} ({where})",
                        detail=(
                            f"Your corrective action plan says {line}. This is the problem that "
                            f"led to the deactivation starting again; act on it now.{back}"
                        ),
                    )
                )
            else:
                alerts.append(
                    AlertNote(
                        key=f"{base}:crossed",
                        kind="crossed",
                        title=f"{info.title} is {side} {name}: {now} ({where})",
                        detail=f"Your watch level is {line}.{back}",
                    )
                )
        elif m.blocks_to_cross is not None:
            steps = m.blocks_to_cross
            left = (
                f" {more(m.bad_events_left, info.bad_event, info.bad_events)} and it crosses now."
                if m.bad_events_left is not None and info.bad_event and info.bad_events
                else ""
            )
            alerts.append(
                AlertNote(
                    key=f"{base}:will_cross",
                    kind="recurrence" if level.kind == "target" else "will_cross",
                    title=(
                        f"{info.title} may go {side} {name} within "
                        f"{count(steps, 'block', 'blocks')} at your current pace ({where})"
                    ),
                    detail=f"It is {now}; {name} is {line}.{left}",
                )
            )
    return alerts


def count(number: int, one: str, many: str) -> str:
    """'1 block', '3 blocks'."""
    return f"{number} {one if number == 1 else many}"


def more(number: int, one: str, many: str) -> str:
    """'1 more late delivery', '3 more late deliveries'."""
    return f"{number} more {one if number == 1 else many}"


def anomaly_alerts(
    platform: str,
    *,
    pay: Sequence[PayAnomaly],
    drop: BlocksDrop | None,
    payment_changes: Sequence[datetime],
    tz: ZoneInfo,
) -> list[AlertNote]:
    alerts = []
    for anomaly in pay:
        day = _day(anomaly.block_start, tz)
        money = "an hour" if anomaly.measure == "pay per hour" else "for the block"
        alerts.append(
            AlertNote(
                key=f"{platform}:pay:{anomaly.block_start.isoformat()}:{anomaly.measure}",
                kind="pay",
                title=(
                    f"Unusual pay on {day}: ${anomaly.value:,.2f} {money}, "
                    f"{'far below' if anomaly.direction == 'low' else 'far above'} your usual "
                    f"${anomaly.usual:,.2f}"
                ),
                detail=(
                    "Check the block's pay in the app. If you were paid less than offered, "
                    "contact support with the block's date and time."
                    if anomaly.direction == "low"
                    else "If this is a mistake in what you recorded, correct the block."
                ),
            )
        )
    if drop is not None:
        alerts.append(
            AlertNote(
                key=f"{platform}:blocks_drop",
                kind="blocks_drop",
                title=(
                    f"Fewer blocks: {drop.last_week} in the last 7 days, against your usual "
                    f"{drop.usual_per_week:g} a week"
                ),
                detail=(
                    "If you did not choose to work less, fewer offers can be an early sign of a "
                    "standing problem. Compare with your last screenshot of the standing screen "
                    "and the records you kept (block history, pay statements, emails from the "
                    "platform), and keep them: if your account is deactivated, you may not be "
                    "able to open the app to see them again."
                ),
            )
        )
    for changed in payment_changes:
        alerts.append(
            AlertNote(
                key=f"{platform}:payment_change:{changed.isoformat()}",
                kind="payment_change",
                title=f"Your payment details changed on {_day(changed, tz)}",
                detail=(
                    "If you did not make this change, contact the platform's support now and "
                    "change your password: a changed bank account is how account takeovers start."
                ),
            )
        )
    return alerts


def event_limit_alert(
    platform: str, metric: str, title: str, limit_name: str, found: EventMargin, days: int | None
) -> AlertNote | None:
    """A published limit on events (violations, failed checks) that is near or reached."""
    span = f" in {days} days" if days else ""
    if found.reached:
        return AlertNote(
            key=f"{platform}:{metric}:limit",
            kind="event_limit",
            title=f"{title}: {found.count}{span}, at {limit_name} of {found.limit}",
            detail="The platform says this leads to deactivation. Contact support now.",
        )
    if found.left == 0:
        return AlertNote(
            key=f"{platform}:{metric}:near",
            kind="event_limit",
            title=(
                f"{title}: {found.count}{span}; the next one reaches {limit_name} of {found.limit}"
            ),
            detail="Take extra care until the oldest one stops counting.",
        )
    return None


def reading_alert(
    platform: str,
    metric: str,
    title: str,
    measured_as: str,
    value: float | None,
    level: float | None,
    *,
    platforms: bool,
) -> AlertNote | None:
    """A number recorded from the platform's app (a rating, a rate) that is below its level."""
    if value is None or level is None or value >= level:
        return None
    name = "the platform's minimum" if platforms else "your watch level"
    return AlertNote(
        key=f"{platform}:{metric}:reading:crossed",
        kind="crossed",
        title=f"{title} is below {name}: {format_reading(measured_as, value)}",
        detail=(
            f"{name.capitalize()} is {format_reading(measured_as, level)}. Check the number in "
            "the app, and record it again when it changes."
        ),
    )


def _day(at: datetime, tz: ZoneInfo) -> str:
    local = at.astimezone(tz)
    return f"{local:%a} {local:%b} {local.day}"
