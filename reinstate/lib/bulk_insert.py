"""Writing many rows at once as plain INSERTs: for imports of thousands of rows.

Building a model instance per row costs more than writing the row (measured in `make bench`),
so the importers (health's blocks, the support log's emails) hand over plain tuples, already
adapted to the backend, and the caller holds the transaction.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django.db.models import Field, Model
from django.db.models.constants import OnConflict

BATCH = 2000


@contextmanager
def paused_gc() -> Iterator[None]:
    """An import makes hundreds of thousands of objects that all live to its end; the garbage
    collector would walk them over and over for nothing (a quarter of the time, measured)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field) and field.column is not None
    return field.column


def insert_sql(
    model: type[Model],
    fields: Sequence[str],
    *,
    ignore_conflicts: bool = False,
    placeholders: Mapping[str, str] | None = None,
) -> str:
    """The INSERT of one row; with ``ignore_conflicts``, a row that breaks a unique constraint
    is left out (the backend's own words: INSERT OR IGNORE, ON CONFLICT DO NOTHING).
    ``placeholders`` gives a field an SQL expression of its one parameter instead of "%s"."""
    connection = connections[model._default_manager.db]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column(model, name)) for name in fields)
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    suffix = connection.ops.on_conflict_suffix_sql(fields, on_conflict, [], [])
    # Names come from the model, quoted by the backend; every value is a parameter.
    return (
        f"{connection.ops.insert_statement(on_conflict=on_conflict)} "
        f"{quote(model._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join((placeholders or {}).get(name, '%s') for name in fields)}) {suffix}"
    ).rstrip()


def insert_rows(
    model: type[Model],
    fields: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    ignore_conflicts: bool = False,
    placeholders: Mapping[str, str] | None = None,
) -> None:
    """INSERT the rows (values in the order of `fields`), a batch at a time."""
    if not rows:
        return
    sql = insert_sql(model, fields, ignore_conflicts=ignore_conflicts, placeholders=placeholders)
    with connections[model._default_manager.db].cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
