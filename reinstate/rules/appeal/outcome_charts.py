"""Bar charts of an organisation's outcomes, drawn on the server as SVG (no JavaScript).

Pure, no Django, in the house style of rules/health/charts.py: an image with a <title> and a
<desc> that says every bar in words (a screen reader reads them), text escaped here, so the
result can be put into a page as it is. One bar a row, its label and value above it, so the
chart keeps its width on a 390 px phone; a label too long for the line is shortened with "…"
(the <desc> and the table beside the chart have it whole).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from reinstate.lib.i18n import _

WIDTH = 340
ROW = 34  # a label line and a bar
BAR = 14
CHAR_W = 5.6  # a wide average character at 11 px, to keep a label and its value apart
TOP = 4


@dataclass(frozen=True)
class Bar:
    label: str  # "Amazon Flex", "November 2026"
    value: float  # a count, or a rate from 0 to 1
    shown: str  # how the value is written: "12", "40 %", "no outcome yet"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    scale: float | None = None,
    empty: str = "",
) -> str:
    """Horizontal bars, longest = ``scale`` (the largest value when None); ``empty`` is said
    when there is no bar ("No cases in this range." unless given)."""
    empty = empty or _("No cases in this range.")
    words = (
        "; ".join(_("%(label)s: %(value)s") % {"label": b.label, "value": b.shown} for b in bars)
        + "."
        if bars
        else empty
    )
    height = TOP + ROW * max(1, len(bars)) + 4
    parts = [
        f'<svg class="chart bars" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(words)}</desc>'
    ]
    if not bars:
        nothing = escape(empty)
        parts.append(
            f'<text x="{WIDTH / 2}" y="{height / 2 + 4}" text-anchor="middle" '
            f'class="chart-empty">{nothing}</text></svg>'
        )
        return "".join(parts)
    top = scale if scale is not None else max(b.value for b in bars)
    for index, bar in enumerate(bars):
        y = TOP + index * ROW
        length = WIDTH * min(bar.value / top, 1.0) if top > 0 else 0.0
        room = max(8, int((WIDTH - CHAR_W * len(bar.shown) - 10) / CHAR_W))
        parts.append(
            f'<text class="bar-label" x="0" y="{y + 11}">{escape(_shorten(bar.label, room))}</text>'
            f'<text class="bar-value" x="{WIDTH}" y="{y + 11}" text-anchor="end">'
            f"{escape(bar.shown)}</text>"
            f'<rect class="bar-track" x="0" y="{y + 15}" width="{WIDTH}" height="{BAR}" rx="2"/>'
            f'<rect class="bar" x="0" y="{y + 15}" width="{max(length, 0.0):.1f}" '
            f'height="{BAR}" rx="2"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _shorten(label: str, room: int) -> str:
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"
