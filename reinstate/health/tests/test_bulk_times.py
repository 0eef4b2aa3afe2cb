"""Imported blocks store their times exactly as the ORM stores a block recorded by hand, on
SQLite's quick path (seconds since 1970 turned into text by SQLite) and off it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from reinstate.accounts.models import User
from reinstate.health.bulk import insert_blocks
from reinstate.health.models import Block, BlockImport
from reinstate.testing.blocks import flex_block

START = datetime(2026, 3, 8, 9, 15, tzinfo=UTC)
RECORDS = [
    flex_block(START),
    flex_block(START + timedelta(days=1), status="no_show"),  # no arrival
    flex_block(START + timedelta(days=2), late_by=7, earnings=55.5, tips=None),
    flex_block(
        datetime(1999, 12, 31, 23, 59, tzinfo=UTC),
        block_end=datetime(2000, 1, 1, 2, 0, 30, tzinfo=UTC),
    ),
]
WITH_FRACTION = flex_block(
    START + timedelta(days=3), block_end=START + timedelta(days=3, hours=3, microseconds=250_000)
)


def stored(owner: User) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CAST(block_start AS TEXT), CAST(block_end AS TEXT), CAST(arrived_at AS TEXT) "
            "FROM health_block WHERE owner_id = %s ORDER BY block_start",
            [owner.pk],
        )
        return list(cursor.fetchall())


@pytest.mark.parametrize("records", [RECORDS, [*RECORDS, WITH_FRACTION]], ids=["plain", "fraction"])
def test_it_stores_imported_times_as_the_orm_does(
    driver: User, other_driver: User, records
) -> None:
    now = datetime(2026, 12, 5, 0, 30, 0, 123_456, tzinfo=UTC)
    run = BlockImport.objects.create(owner=driver, platform="amazon_flex", filename="x.csv")
    insert_blocks(owner=driver, platform="amazon_flex", records=records, run=run, now=now)
    for record in records:
        Block.objects.create(owner=other_driver, platform="amazon_flex", **record._asdict())
    assert stored(driver) == stored(other_driver)
    assert len(stored(driver)) == len(records)
