"""Writing many rows at once as plain INSERTs: for imports of thousands of rows.

Building a model instance per row costs more than writing the row (measured in `make bench`),
so the importers (health's blocks, the support log's emails) hand over plain tuples, already
adapted to the backend, and the caller holds the transaction.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django.db.models import Field, Model

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


def insert_sql(model: type[Model], fields: Sequence[str]) -> str:
    connection = connections[model._default_manager.db]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column(model, name)) for name in fields)
    # Names come from the model, quoted by the backend; every value is a parameter.
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )


def insert_rows(model: type[Model], fields: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """INSERT the rows (values in the order of `fields`), a batch at a time."""
    if not rows:
        return
    sql = insert_sql(model, fields)
    with connections[model._default_manager.db].cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
