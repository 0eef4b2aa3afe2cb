"""Adding many blocks at once: an import of 100,000 rows must take seconds, not minutes.

The rows go to the database as plain tuples (lib/bulk_insert.py). Values are adapted as the ORM
would: by the backend's own adapters, except on SQLite, where the same text is written by
shortcuts (measured in `make bench`): times as seconds since 1970 that SQLite's datetime() turns
into the text Django writes, and money as "12.50".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from reinstate.accounts.models import User
from reinstate.health.models import Block, BlockImport
from reinstate.lib.bulk_insert import insert_rows
from reinstate.rules.health.standing import BlockRecord

FIELDS = ("owner", "platform", *BlockRecord._fields, "source", "imported_by", "created_at")


def money(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.2f}")


def miles(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.1f}")


Adapt = Callable[[Any], Any]


def _adapters(connection: BaseDatabaseWrapper) -> tuple[Adapt, Adapt, Adapt]:
    """(times, money, miles) as the backend stores them."""
    if connection.vendor == "sqlite" and connection.timezone_name == "UTC":
        return _sqlite_time, _text_cents, _text_tenths
    return connection.ops.adapt_datetimefield_value, money, miles


def _sqlite_time(value: datetime | None) -> str | None:
    """What Django's SQLite adapter writes: naive UTC, 'YYYY-MM-DD HH:MM:SS[.ffffff]'."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    if value.microsecond:
        return value.isoformat(" ")[:-6]  # less the "+00:00"
    return "%04d-%02d-%02d %02d:%02d:%02d" % (  # noqa: UP031 - twice as quick as isoformat
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
    )


_FROM_EPOCH = dict.fromkeys(("block_start", "block_end", "arrived_at"), "datetime(%s, 'unixepoch')")


def _any_microseconds(records: Sequence[BlockRecord]) -> bool:
    """Whether a time has a fraction of a second (which 'unixepoch' would drop); a block's start
    never has (the reader drops its seconds)."""
    return any(
        r.block_end.microsecond or (r.arrived_at is not None and r.arrived_at.microsecond)
        for r in records
    )


def _text_cents(value: float | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _text_tenths(value: float | None) -> str | None:
    return None if value is None else f"{value:.1f}"


def insert_blocks(
    *,
    owner: User,
    platform: str,
    records: Sequence[BlockRecord],
    run: BlockImport,
    now: datetime,
) -> None:
    """INSERT the records as imported blocks; the caller holds the transaction."""
    connection = connections[Block.objects.db]
    when, cents, tenths = _adapters(connection)
    created = when(now)
    source = Block.Source.IMPORT.value
    owner_id, run_id = owner.pk, run.pk  # .pk is a property: read once, not per row
    if when is _sqlite_time and not _any_microseconds(records):
        # SQLite writes the text itself from the seconds since 1970: datetime(s, 'unixepoch')
        # is Django's 'YYYY-MM-DD HH:MM:SS' to the character, five times quicker than Python.
        epoch_rows = [
            (
                owner_id,
                platform,
                r.block_start.timestamp(),
                r.block_end.timestamp(),
                None if (arrived := r.arrived_at) is None else arrived.timestamp(),
                r.status,
                r.packages_assigned,
                r.packages_delivered,
                r.packages_returned,
                r.late_deliveries,
                r.dnr_reports,
                # _text_cents and _text_tenths, without 300,000 calls
                None if (pay := r.earnings) is None else f"{pay:.2f}",
                None if (tips := r.tips) is None else f"{tips:.2f}",
                None if (miles := r.miles) is None else f"{miles:.1f}",
                source,
                run_id,
                created,
            )
            for r in records
        ]
        insert_rows(Block, FIELDS, epoch_rows, placeholders=_FROM_EPOCH)
        return
    rows = [
        (
            owner_id,
            platform,
            when(r.block_start),
            when(r.block_end),
            when(r.arrived_at),
            r.status,
            r.packages_assigned,
            r.packages_delivered,
            r.packages_returned,
            r.late_deliveries,
            r.dnr_reports,
            cents(r.earnings),
            cents(r.tips),
            tenths(r.miles),
            source,
            run_id,
            created,
        )
        for r in records
    ]
    insert_rows(Block, FIELDS, rows)
