"""Charts of a measure over time, drawn on the server as SVG: no JavaScript needed.

Pure, no Django. Each chart is an image with a <title> and a <desc> that says in words what the
line shows (a screen reader reads them), and draws each threshold or watch level as a dashed
line with its name. Text is escaped here, so the result can be put into a page as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from reinstate.lib import dates
from reinstate.lib.i18n import _
from reinstate.rules.health.standing import Unit

WIDTH, HEIGHT = 340, 170
LEGEND_H = 36  # under the chart, when a second series is drawn beside the first
LEFT, RIGHT, TOP, BOTTOM = 46, 10, 12, 26


@dataclass(frozen=True)
class Line:
    label: str  # "your watch level", "Grubhub's limit"
    value: float


def format_value(unit: Unit, value: float | None) -> str:
    """A measure as a driver reads it: 96.5 %, 3.2 per 1000, $24.10 an hour."""
    if value is None:
        return _("no data yet")
    if unit == "fraction":
        percent = round(value * 100, 1)
        return f"{percent:g} %"
    if unit == "per_1000":
        return _("%(value)s per 1000") % {"value": f"{value:.1f}"}
    return _("$%(amount)s an hour") % {"amount": f"{value:,.2f}"}


def format_reading(measured_as: str, value: float | None) -> str:
    """A number as the platform's app shows it: 93 %, 4.62 stars, 2 (events)."""
    if value is None:
        return _("not recorded yet")
    if measured_as == "percent":
        return f"{round(value * 100, 1):g} %"
    if measured_as == "stars":
        return _("%(value)s stars") % {"value": f"{value:.2f}"}
    return f"{value:g}"


def _axis_value(unit: Unit, value: float) -> str:
    if unit == "fraction":
        return f"{round(value * 100):g}%"
    if unit == "per_1000":
        return f"{value:.1f}"
    return f"${value:.0f}"


def _range(unit: Unit, values: Sequence[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if unit == "fraction":
        low = max(0.0, math.floor((low - 0.02) * 20) / 20)
        return low, 1.0
    high = high * 1.15 if high > 0 else 1.0
    return 0.0, high


def line_chart(
    *,
    chart_id: str,
    title: str,
    unit: Unit,
    points: Sequence[tuple[datetime, float | None]],
    lines: Sequence[Line],
    tz: ZoneInfo,
    beside: Beside | None = None,
) -> str:
    """An SVG line chart of ``points`` (oldest first) with ``lines`` drawn across it, and
    ``beside`` (another series at the same times, dashed, with a legend) if given."""
    known = [(at, v) for at, v in points if v is not None]
    desc = _describe(unit, known, lines, tz)
    if beside is not None:
        desc = f"{beside.label}: {desc} {beside.other_label}: " + _describe(
            unit,
            [(at, v) for (at, _v), v in zip(points, beside.values, strict=True) if v is not None],
            (),
            tz,
        )
    head = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT + (LEGEND_H if beside else 0)}" '
        f'role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>'
    )
    if not known:
        nothing = escape(_("No blocks recorded for this yet."))
        return (
            f'{head}<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" '
            f'class="chart-empty">{nothing}</text></svg>'
        )
    others = [v for v in beside.values if v is not None] if beside else []
    low, high = _range(unit, [v for _, v in known] + others + [line.value for line in lines])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = len(points)

    def x(index: int) -> float:
        return LEFT + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)

    def y(value: float) -> float:
        clamped = min(max(value, low), high)
        return TOP + plot_h * (high - clamped) / (high - low)

    parts = [head]
    parts.append(
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" '
        f'y2="{TOP + plot_h}"/>'
    )
    for value in (low, high):
        parts.append(
            f'<text class="tick" x="{LEFT - 4}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{escape(_axis_value(unit, value))}</text>"
        )
    # The first and last days under the axis; one day alone, once, under its point.
    ends = (("start", 0), ("end", count - 1)) if count > 1 else (("middle", 0),)
    for anchor, index in ends:
        parts.append(
            f'<text class="tick" x="{x(index):.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}">'
            f"{escape(_day(points[index][0], tz))}</text>"
        )
    for line in lines:
        parts.append(
            f'<line class="threshold" x1="{LEFT}" y1="{y(line.value):.1f}" x2="{LEFT + plot_w}" '
            f'y2="{y(line.value):.1f}"/><text class="threshold-label" x="{LEFT + plot_w}" '
            f'y="{y(line.value) - 3:.1f}" text-anchor="end">{escape(line.label)} '
            f"{escape(_axis_value(unit, line.value))}</text>"
        )
    if beside is not None:
        for run in _runs([(at, v) for (at, _v), v in zip(points, beside.values, strict=True)]):
            coords = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in run)
            parts.append(f'<polyline class="series series-beside" points="{coords}"/>')
        parts.append(_legend(beside))
    for run in _runs(points):
        coords = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in run)
        parts.append(f'<polyline class="series" points="{coords}"/>')
        parts.extend(
            f'<circle class="point" cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.5"/>' for i, v in run
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Beside:
    """A second series at the same times as the chart's points: the driver's own estimate
    beside the number the platform's app showed."""

    values: Sequence[float | None]
    label: str  # the chart's own series: "the app's number"
    other_label: str  # this one: "your estimate"


def _legend(beside: Beside) -> str:
    """Two short keys under the chart, clear of the lines: a solid line, then a dashed one."""
    y = HEIGHT + 8
    return (
        f'<line class="series" x1="{LEFT + 6}" y1="{y}" x2="{LEFT + 22}" y2="{y}"/>'
        f'<text class="legend" x="{LEFT + 26}" y="{y + 4}">{escape(beside.label)}</text>'
        f'<line class="series series-beside" x1="{LEFT + 6}" y1="{y + 14}" x2="{LEFT + 22}" '
        f'y2="{y + 14}"/><text class="legend" x="{LEFT + 26}" y="{y + 18}">'
        f"{escape(beside.other_label)}</text>"
    )


def _runs(points: Sequence[tuple[datetime, float | None]]) -> list[list[tuple[int, float]]]:
    """Stretches of consecutive points that have a value: a gap breaks the line."""
    runs: list[list[tuple[int, float]]] = [[]]
    for index, (_at, value) in enumerate(points):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]


def _day(at: datetime, tz: ZoneInfo) -> str:
    """'Jan 5' ('5 ene' in Spanish): the day in the driver's zone."""
    return dates.when(at.astimezone(tz), "chart_day")


def _describe(
    unit: Unit, known: Sequence[tuple[datetime, float]], lines: Sequence[Line], tz: ZoneInfo
) -> str:
    if not known:
        words = _("No blocks recorded for this yet.")
    else:
        (first_at, first), (last_at, last) = known[0], known[-1]
        values = [v for _at, v in known]
        words = _(
            "From %(first_day)s to %(last_day)s: %(first)s then %(last)s; "
            "lowest %(lowest)s, highest %(highest)s."
        ) % {
            "first_day": _day(first_at, tz),
            "last_day": _day(last_at, tz),
            "first": format_value(unit, first),
            "last": format_value(unit, last),
            "lowest": format_value(unit, min(values)),
            "highest": format_value(unit, max(values)),
        }
    for line in lines:
        words += " " + _("%(level)s: %(value)s.") % {
            "level": line.label.capitalize(),
            "value": format_value(unit, line.value),
        }
    return words
