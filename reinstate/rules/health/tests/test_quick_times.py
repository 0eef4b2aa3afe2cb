"""The quick reading of 'YYYY-MM-DD HH:MM' gives what the careful reader gives, or leaves the
value to it; and a whole file reads the same either way."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import reinstate.rules.health.blocks_csv as blocks_csv
from reinstate.rules.health.blocks_csv import _plain_time, read_blocks
from reinstate.rules.health.csv_values import ValueProblem, parse_datetime

ZONES = [
    ZoneInfo(name)
    for name in ("America/Los_Angeles", "America/New_York", "UTC", "Australia/Lord_Howe")
]


def careful(text: str, tz: ZoneInfo) -> datetime | str:
    try:
        return parse_datetime(text, tz, "block_start")
    except ValueProblem as problem:
        return str(problem)


times = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
        lambda moment: f"{moment:%Y-%m-%d %H:%M}".rjust(16, "0")
    ),
    st.text(alphabet="0123456789-: T+Z.W", min_size=14, max_size=18),
)


@given(times, st.sampled_from(ZONES))
@settings(max_examples=2000, deadline=None)
@example("2026-03-08 02:30", ZONES[0])  # the hour the clocks skip
@example("2026-11-01 01:30", ZONES[0])  # the hour that happens twice
@example("0001-01-01 00:00", ZONES[1])
@example("9999-12-31 23:59", ZONES[1])
@example("2026-W10-1 08:00", ZONES[0])
@example("2026-01-05 08:00", ZONES[3])
def test_it_reads_a_plain_time_as_the_careful_reader_does(text: str, tz: ZoneInfo) -> None:
    days: dict[str, timedelta | None] = {}
    for _ in range(2):  # the second time, the day's offset is known
        quick = _plain_time(text, tz, days)
        if quick is not None:
            assert quick == careful(text, tz)
            assert quick.tzinfo is UTC


@pytest.mark.parametrize("tz", ZONES[:2])
def test_it_reads_a_file_the_same_without_the_quick_path(tz: ZoneInfo, monkeypatch) -> None:
    start = datetime(2026, 3, 1, 0, 15)
    lines = ["block_start,block_end,arrived_at,status,packages_assigned,earnings"]
    for hour in range(24 * 20):  # across the spring clock change
        begin = start + timedelta(hours=hour)
        lines.append(
            f"{begin:%Y-%m-%d %H:%M},{begin + timedelta(minutes=50):%Y-%m-%d %H:%M},"
            f"{begin - timedelta(minutes=hour % 30):%Y-%m-%d %H:%M},completed,30,72.5"
        )
    lines.append("2026-03-30 08:00,2026-03-30 07:00,,completed,30,70")  # ends before it starts
    lines.append("2026-03-30 09:00,2026-03-31 10:00,,completed,30,70")  # longer than a day
    lines.append("2026-03-30 10:00,2026-03-30 11:00,2026-03-31 10:00,completed,30,70")
    data = "\n".join(lines).encode()
    now = datetime(2026, 12, 5, tzinfo=UTC)
    quick = read_blocks(io.BytesIO(data), tz=tz, now=now)
    monkeypatch.setattr(blocks_csv, "_plain_time", lambda text, tz, days: None)
    slow = read_blocks(io.BytesIO(data), tz=tz, now=now)
    assert quick.records == slow.records
    assert quick.rejected == slow.rejected and len(slow.rejected) > 3  # and the skipped hour
    assert (quick.rows, quick.duplicates) == (slow.rows, slow.duplicates)
