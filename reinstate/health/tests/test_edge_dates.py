"""Dates at the edge of the calendar and files with old line ends (issue 15): a block on the
last day of year 9999 and a CSV saved with the old Mac's lone CR are answered, not crashed on."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.accounts.models import User
from reinstate.health.models import Block
from reinstate.health.tests.test_record_block import URL, form
from reinstate.rules.health.blocks_csv import ReadResult, read_blocks
from reinstate.testing.personas import client_for

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
HEADER = "block_start,block_end,arrived_at,status,packages_assigned,packages_delivered"
ROW = "2026-11-02 08:00,2026-11-02 11:00,2026-11-02 07:52,completed,30,29"


def read(text: str) -> ReadResult:
    return read_blocks(io.BytesIO(text.encode()), tz=LA, now=NOW)


def test_a_csv_with_lone_cr_line_ends_is_read_line_by_line() -> None:
    result = read(HEADER + "\r" + ROW + "\r" + ROW.replace("11-02", "11-03") + "\r")
    assert result.rows == 2
    assert not result.rejected


def test_a_block_on_the_last_day_of_9999_is_rejected_with_a_reason() -> None:
    last = "9999-12-31 23:59,9999-12-31 23:59,,completed,1,1"
    result = read(HEADER + "\n" + last + "\n" + ROW + "\n")
    assert result.rows == 2
    (rejected,) = result.rejected
    assert "not a date a block can have" in rejected.error


@pytest.mark.django_db
def test_the_form_says_the_day_cannot_be_and_saves_nothing(driver: User) -> None:
    response = client_for(driver).post(URL, form(day="9999-12-31", start="23:00", end="01:00"))
    assert "not one a block can have" in response.content.decode()
    assert not Block.objects.exists()
