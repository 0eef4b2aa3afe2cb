"""Backup and restore on PostgreSQL (pg_dump from an exported snapshot, pg_restore into an empty
database). Runs only when a PostgreSQL server answers at 127.0.0.1:5432 and pg_dump is there;
it makes two databases of its own and drops them after."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from reinstate.compose.tests.test_backup_drill import WRITER
from reinstate.testing.cli import ok, process_env, run_process

SERVER = "postgres://postgres@127.0.0.1:5432"


def _server_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            pass
        with psycopg.connect(f"{SERVER}/postgres", connect_timeout=2):
            return True
    except (OSError, psycopg.Error):
        return False


pytestmark = [
    pytest.mark.database,
    pytest.mark.long,
    # It makes databases of its own on the server: once is enough, in the PostgreSQL pass.
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the PostgreSQL pass (DATABASE_URL=postgres://..., as .ci/run does)",
    ),
    pytest.mark.skipif(
        not (_server_answers() and shutil.which("pg_dump") and shutil.which("pg_restore")),
        reason="no PostgreSQL server at 127.0.0.1:5432, or no pg_dump",
    ),
]


@pytest.fixture
def databases() -> Iterator[tuple[str, str]]:
    names = [f"reinstate_backup_{uuid.uuid4().hex[:8]}_{part}" for part in ("src", "dst")]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{SERVER}/{names[0]}", f"{SERVER}/{names[1]}"
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_postgresql_backup_restores_into_an_empty_database(
    databases: tuple[str, str], tmp_path: Path
) -> None:
    source_url, target_url = databases
    source = {**process_env(tmp_path / "home"), "DATABASE_URL": source_url}
    (tmp_path / "stop").touch()  # the writer's setup only: a case, a photo, a packet
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(tmp_path / "log"), str(tmp_path / "stop")],
        env={**source, "DJANGO_SETTINGS_MODULE": "reinstate.settings"},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    made = ok(run_process(source, "backup", "-o", str(tmp_path / "b.tar")))
    assert made["database"] == "postgresql" and made["originals"] == 1

    target = {**process_env(tmp_path / "restored"), "DATABASE_URL": target_url}
    restored = ok(run_process(target, "restore", str(tmp_path / "b.tar")))
    assert restored["verify"]["ok"] and restored["audit_chain"]["ok"]
    assert ok(run_process(target, "verify"))["ok"]
    assert ok(run_process(target, "case", "list", "--user", "dana")) == ok(
        run_process(source, "case", "list", "--user", "dana")
    )
    # The restored database has data now: a second restore is refused.
    again = run_process(target, "restore", str(tmp_path / "b.tar"))
    assert again.returncode == 2 and b"not empty" in again.stderr
