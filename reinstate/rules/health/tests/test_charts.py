"""Charts are accessible SVG with their thresholds drawn, and escape what they print."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from reinstate.rules.health.charts import (
    Beside,
    Line,
    format_reading,
    format_value,
    line_chart,
)

LA = ZoneInfo("America/Los_Angeles")
NS = "{http://www.w3.org/2000/svg}"
START = datetime(2026, 1, 5, 20, tzinfo=UTC)


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def chart(points: list[float | None], lines: list[Line], title: str = "Reliability") -> str:
    series = [(START + timedelta(weeks=i), v) for i, v in enumerate(points)]
    return line_chart(chart_id="c", title=title, unit="fraction", points=series, lines=lines, tz=LA)


def test_it_is_an_image_with_a_title_and_a_description_in_words():
    svg = chart([0.98, 0.95, 0.91], [Line("your watch level", 0.9)])
    root = parse(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c-t c-d"
    assert root.findtext(f"{NS}title") == "Reliability"
    desc = root.findtext(f"{NS}desc")
    assert desc == (
        "From Jan 5 to Jan 19: 98 % then 91 %; lowest 91 %, highest 98 %. Your watch level: 90 %."
    )


def test_it_draws_each_threshold_with_its_name():
    svg = chart([0.98, 0.95], [Line("your watch level", 0.9), Line("your plan's target", 0.95)])
    root = parse(svg)
    assert len(root.findall(f"{NS}line[@class='threshold']")) == 2
    labels = [t.text for t in root.findall(f"{NS}text[@class='threshold-label']")]
    assert labels == ["your watch level 90%", "your plan's target 95%"]


def test_a_gap_breaks_the_line_and_no_data_says_so():
    root = parse(chart([0.9, None, 0.8, 0.85], []))
    assert len(root.findall(f"{NS}polyline")) == 2
    empty = parse(chart([None, None], []))
    assert "No blocks" in "".join(empty.itertext())


def test_text_is_escaped():
    svg = chart([0.9], [Line("<script>", 0.5)], title="A & <b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    parse(svg)  # still well-formed


def test_values_read_as_a_driver_reads_them():
    assert format_value("fraction", 0.9512) == "95.1 %"
    assert format_value("per_1000", 3.25) == "3.2 per 1000"
    assert format_value("money_per_hour", 1234.5) == "$1,234.50 an hour"
    assert format_value("fraction", None) == "no data yet"
    assert format_reading("stars", 4.625) == "4.62 stars"
    assert format_reading("percent", 0.93) == "93 %"
    assert format_reading("events", 2) == "2"


def test_a_series_beside_is_drawn_dashed_with_a_legend_and_described() -> None:
    days = [datetime(2026, 11, d, 12, tzinfo=UTC) for d in (1, 8)]
    svg = line_chart(
        chart_id="c",
        title="Delivered on time in the app",
        unit="fraction",
        points=list(zip(days, [0.99, 0.97], strict=True)),
        lines=[],
        tz=ZoneInfo("UTC"),
        beside=Beside(values=[None, 0.95], label="the app", other_label="your estimate"),
    )
    assert svg.count('class="series series-beside"') == 2  # its line and its legend's
    assert "the app: From Nov 1 to Nov 8: 99 % then 97 %" in svg
    assert "your estimate: From Nov 8 to Nov 8: 95 % then 95 %" in svg


def test_one_day_alone_is_named_once() -> None:
    day = datetime(2026, 11, 1, 12, tzinfo=UTC)
    svg = line_chart(
        chart_id="c", title="t", unit="fraction", points=[(day, 0.9)], lines=[], tz=ZoneInfo("UTC")
    )
    assert svg.count(">Nov 1<") == 1
