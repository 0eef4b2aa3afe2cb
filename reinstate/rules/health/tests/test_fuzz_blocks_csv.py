"""Fuzzing the block spreadsheet reader (issue 15): whatever the bytes, it reads them or refuses
the file with CsvRefused; nothing else escapes. Every crash a fuzzer finds becomes a case here."""

from __future__ import annotations

import io
from contextlib import suppress
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reinstate.rules.health.blocks_csv import CsvRefused, read_blocks

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
HEADER = b"block_start,block_end,arrived_at,status,packages_assigned,packages_delivered\n"
PIECES = [
    b"2026-11-02 08:00", b"9999-12-31 23:59", b"0001-01-01 00:00", b"11/02/2026 8:00 AM",
    b"45000.5", b"completed", b"cancelled", b",", b";", b"\t", b'"', b'""', b"\r", b"\n",
    b"\r\n", b"30", b"-1", b"1e309", b"NaN", b"$1,234.50", b"\xef\xbb\xbf", b"\xff\xfe",
    b"\x00", b"\xe9", b" ", b"=cmd|' /C calc'!A0",
]  # fmt: skip


def read(data: bytes) -> None:
    with suppress(CsvRefused):  # the documented refusal, with a message for the driver
        read_blocks(io.BytesIO(data), tz=LA, now=NOW)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
@example([b"block_start,block_end\r", b"2026-11-02 08:00,2026-11-02 11:00\r"])
@example([b"9999-12-31 23:59", b",", b"9999-12-31 23:59", b",", b",", b"completed"])
def test_a_spreadsheet_of_pieces_is_read_or_refused(pieces: list[bytes]) -> None:
    read(HEADER + b"".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    read(data)
