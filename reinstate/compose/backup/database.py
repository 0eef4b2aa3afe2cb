"""The database part of a backup: a consistent snapshot of a live database, the rows the file
copy must follow (which originals and packets it names), and the restore.

SQLite: the online backup API copies the whole database in one step, inside one read
transaction: a consistent snapshot while the server keeps writing (WAL lets it). PostgreSQL:
pg_dump, run against a snapshot exported from a REPEATABLE READ transaction in which the same
rows are read, so the dump and the list of originals agree exactly.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from reinstate.appeals.models import Packet
from reinstate.compose.backup.archive import BackupError
from reinstate.evidence.models import Blob

SQLITE_FILE = "reinstate.sqlite3"
POSTGRES_FILE = "reinstate.pgdump"
BLOBS_SQL = f"SELECT sha256 FROM {Blob._meta.db_table} ORDER BY sha256"  # noqa: S608
PACKETS_SQL = f"SELECT path FROM {Packet._meta.db_table} WHERE path <> '' ORDER BY path"  # noqa: S608


@dataclass(frozen=True)
class Snapshot:
    engine: str  # "sqlite" or "postgresql"
    file: Path
    originals: list[str]  # SHA-256 of every Blob row in the snapshot
    packets: list[str]  # packet paths (relative to REINSTATE_HOME) the snapshot names


def engine() -> str:
    if connection.vendor in ("sqlite", "postgresql"):
        return connection.vendor
    raise BackupError(
        _("Backups know SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": connection.vendor}
    )


def take_snapshot(folder: Path) -> Snapshot:
    if engine() == "sqlite":
        return _sqlite_snapshot(folder / SQLITE_FILE)
    return _postgres_snapshot(folder / POSTGRES_FILE)


def _sqlite_snapshot(target: Path) -> Snapshot:
    if connection.in_atomic_block:
        # The backup API would wait forever on this connection's own write lock.
        raise RuntimeError("a backup reads committed data: take it outside a transaction")
    connection.ensure_connection()
    live = connection.connection
    with closing(sqlite3.connect(target)) as copy:
        live.backup(copy)  # all pages in one step: one consistent read
        originals = [row[0] for row in copy.execute(BLOBS_SQL)]
        packets = [row[0] for row in copy.execute(PACKETS_SQL)]
    return Snapshot("sqlite", target, originals, packets)


def _postgres_snapshot(target: Path) -> Snapshot:
    pg_dump = _tool("pg_dump")
    connection.ensure_connection()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone()
        cursor.execute(BLOBS_SQL)
        originals = [row[0] for row in cursor.fetchall()]
        cursor.execute(PACKETS_SQL)
        packets = [row[0] for row in cursor.fetchall()]
        # The exported snapshot lives as long as this transaction: dump inside it.
        args = ["--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot_id}"]
        _run([pg_dump, *args, f"--file={target}"], "pg_dump")
    return Snapshot("postgresql", target, originals, packets)


def check_engine(engine_name: object) -> str:
    """The backup's engine, when it is the one this Reinstate uses."""
    if engine_name not in ("sqlite", "postgresql"):
        raise BackupError(
            _("The backup's database is of an unknown kind: %(kind)r.") % {"kind": engine_name}
        )
    if engine_name != engine():
        hint = (
            _("This backup holds a %(kind)s database and this Reinstate uses %(ours)s: unset "
              "DATABASE_URL to restore it.")
            if engine_name == "sqlite"
            else _("This backup holds a %(kind)s database and this Reinstate uses %(ours)s: set "
                   "DATABASE_URL to restore it.")
        )  # fmt: skip
        raise BackupError(hint % {"kind": engine_name, "ours": engine()})
    return str(engine_name)


def restore(engine_name: str, file: Path) -> None:
    """Put the snapshot in place of the (checked empty) database."""
    if engine_name == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(file)) as source:
            source.backup(connection.connection)
        return
    pg_restore = _tool("pg_restore")
    _drop_tables()
    args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
    _run([pg_restore, *args, f"--dbname={_settings()['NAME']}", str(file)], "pg_restore")


def _drop_tables() -> None:
    """The empty database was migrated when the command started: its tables go, so the dump
    (perhaps of an older schema, migrated forward afterwards) recreates exactly its own."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        for (table,) in cursor.fetchall():
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connection.close()


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            _(
                "%(program)s is not on PATH: install the PostgreSQL client tools "
                "(Debian: postgresql-client) to back up or restore a PostgreSQL database."
            )
            % {"program": name}
        )
    return found


def _settings() -> dict[str, Any]:
    return dict(connection.settings_dict)


def _run(command: list[str], name: str) -> None:
    """Run pg_dump or pg_restore with the connection settings in its environment (never on
    its command line, where other users of the machine could read the password)."""
    config = _settings()
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if config.get(key):
            env[var] = str(config[key])
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = str(config["PASSWORD"])
    env["PGDATABASE"] = str(config["NAME"])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"{name} failed: {last}")
