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

from reinstate.lib import dates
from reinstate.lib.i18n import _, gettext_noop
from reinstate.rules.health.anomalies import BlocksDrop, PayAnomaly
from reinstate.rules.health.charts import format_reading, format_value
from reinstate.rules.health.margins import BAD_EVENT, EventMargin, Margin, margin
from reinstate.rules.health.standing import (
    METRICS_BY_KEY,
    WINDOW_TITLES,
    Standing,
    blocks,
    clean_blocks,
    more_bad_events,
)

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


# English, as kept; shown through _().
LEVEL_NAMES = {
    "watch": gettext_noop("your watch level"),
    "target": gettext_noop("your plan's target"),
}


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
        words = {
            "measure": _(info.title),
            "level": _(LEVEL_NAMES[level.kind]),
            "window": _(WINDOW_TITLES[m.window]).lower(),
            "value": format_value(info.unit, m.value),
            "line": format_value(info.unit, level.value),
        }
        below = info.better == "higher"
        base = f"{platform}:{m.metric}:{m.window}:{level.kind}{level.ref}"
        if m.crossed:
            back = (
                " "
                + _("%(blocks)s in a row would bring it back.")
                % {"blocks": clean_blocks(m.metric, m.clean_blocks_to_recover)}
                if m.clean_blocks_to_recover is not None
                else ""
            )
            if level.kind == "target":
                title = (
                    _("%(measure)s is below %(level)s again: %(value)s (%(window)s)")
                    if below
                    else _("%(measure)s is above %(level)s again: %(value)s (%(window)s)")
                )
                detail = _(
                    "Your corrective action plan says %(line)s. This is the problem that led to "
                    "the deactivation starting again; act on it now."
                )
                alerts.append(
                    AlertNote(
                        key=f"{base}:crossed",
                        kind="recurrence",
                        title=title % words,
                        detail=detail % words + back,
                    )
                )
            else:
                title = (
                    _("%(measure)s is below %(level)s: %(value)s (%(window)s)")
                    if below
                    else _("%(measure)s is above %(level)s: %(value)s (%(window)s)")
                )
                alerts.append(
                    AlertNote(
                        key=f"{base}:crossed",
                        kind="crossed",
                        title=title % words,
                        detail=_("Your watch level is %(line)s.") % words + back,
                    )
                )
        elif m.blocks_to_cross is not None:
            left = (
                " "
                + _("%(events)s and it crosses now.")
                % {"events": more_bad_events(m.metric, m.bad_events_left)}
                if m.bad_events_left is not None and m.metric in BAD_EVENT
                else ""
            )
            title = (
                _(
                    "%(measure)s may go below %(level)s within %(blocks)s at your current pace "
                    "(%(window)s)"
                )
                if below
                else _(
                    "%(measure)s may go above %(level)s within %(blocks)s at your current pace "
                    "(%(window)s)"
                )
            )
            alerts.append(
                AlertNote(
                    key=f"{base}:will_cross",
                    kind="recurrence" if level.kind == "target" else "will_cross",
                    title=title % {**words, "blocks": blocks(m.blocks_to_cross)},
                    detail=_("It is %(value)s; %(level)s is %(line)s.") % words + left,
                )
            )
    return alerts


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
        words = {
            "day": _day(anomaly.block_start, tz),
            "amount": f"{anomaly.value:,.2f}",
            "usual": f"{anomaly.usual:,.2f}",
        }
        hourly, low = anomaly.measure == "pay per hour", anomaly.direction == "low"
        if hourly and low:
            title = _(
                "Unusual pay on %(day)s: $%(amount)s an hour, far below your usual $%(usual)s"
            )
        elif hourly:
            title = _(
                "Unusual pay on %(day)s: $%(amount)s an hour, far above your usual $%(usual)s"
            )
        elif low:
            title = _(
                "Unusual pay on %(day)s: $%(amount)s for the block, far below your usual $%(usual)s"
            )
        else:
            title = _(
                "Unusual pay on %(day)s: $%(amount)s for the block, far above your usual $%(usual)s"
            )
        alerts.append(
            AlertNote(
                key=f"{platform}:pay:{anomaly.block_start.isoformat()}:{anomaly.measure}",
                kind="pay",
                title=title % words,
                detail=(
                    _(
                        "Check the block's pay in the app. If you were paid less than offered, "
                        "contact support with the block's date and time."
                    )
                    if low
                    else _("If this is a mistake in what you recorded, correct the block.")
                ),
            )
        )
    if drop is not None:
        alerts.append(
            AlertNote(
                key=f"{platform}:blocks_drop",
                kind="blocks_drop",
                title=_(
                    "Fewer blocks: %(count)s in the last 7 days, against your usual %(usual)s "
                    "a week"
                )
                % {"count": drop.last_week, "usual": f"{drop.usual_per_week:g}"},
                detail=_(
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
                title=_("Your payment details changed on %(day)s") % {"day": _day(changed, tz)},
                detail=_(
                    "If you did not make this change, contact the platform's support now and "
                    "change your password: a changed bank account is how account takeovers start."
                ),
            )
        )
    return alerts


def event_limit_alert(
    platform: str, metric: str, title: str, limit_name: str, found: EventMargin, days: int | None
) -> AlertNote | None:
    """A published limit on events (violations, failed checks) that is near or reached.

    ``title`` and ``limit_name`` are English; they are shown through _()."""
    words = {
        "measure": _(title),
        "count": found.count,
        "limit_name": _(limit_name),
        "limit": found.limit,
        "days": days,
    }
    if found.reached:
        return AlertNote(
            key=f"{platform}:{metric}:limit",
            kind="event_limit",
            title=(
                _("%(measure)s: %(count)s in %(days)s days, at %(limit_name)s of %(limit)s")
                if days
                else _("%(measure)s: %(count)s, at %(limit_name)s of %(limit)s")
            )
            % words,
            detail=_("The platform says this leads to deactivation. Contact support now."),
        )
    if found.left == 0:
        return AlertNote(
            key=f"{platform}:{metric}:near",
            kind="event_limit",
            title=(
                _(
                    "%(measure)s: %(count)s in %(days)s days; the next one reaches "
                    "%(limit_name)s of %(limit)s"
                )
                if days
                else _("%(measure)s: %(count)s; the next one reaches %(limit_name)s of %(limit)s")
            )
            % words,
            detail=_("Take extra care until the oldest one stops counting."),
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
    """A number recorded from the platform's app (a rating, a rate) that is below its level.

    ``title`` is English (the catalogue's); it is shown through _()."""
    if value is None or level is None or value >= level:
        return None
    words = {
        "measure": _(title),
        "value": format_reading(measured_as, value),
        "level": format_reading(measured_as, level),
    }
    if platforms:
        title_text = _("%(measure)s is below the platform's minimum: %(value)s")
        detail = _(
            "The platform's minimum is %(level)s. Check the number in the app, and record it "
            "again when it changes."
        )
    else:
        title_text = _("%(measure)s is below your watch level: %(value)s")
        detail = _(
            "Your watch level is %(level)s. Check the number in the app, and record it again "
            "when it changes."
        )
    return AlertNote(
        key=f"{platform}:{metric}:reading:crossed",
        kind="crossed",
        title=title_text % words,
        detail=detail % words,
    )


def _day(at: datetime, tz: ZoneInfo) -> str:
    """'Thu Nov 19' ('jue 19 nov' in Spanish) in the driver's zone."""
    return dates.when(at.astimezone(tz), "alert_day")
