"""Audit chain throughput: events appended per second by 8 writers at once, beside one writer.

Every write action appends one event holding the chain's single head row (audit/actions.py),
so the chain is the one place all writers queue: this is the ceiling on writes per second
across every web process and worker. On PostgreSQL when DATABASE_URL is set (a database of
its own is made on that server and dropped after), else on SQLite in an empty REINSTATE_HOME.

    python -m bench.audit          (make bench runs it through `figures()`)

Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WRITERS = 8
EVENTS = 800  # in all, for each figure
ROOT = Path(__file__).resolve().parents[1]


def figures() -> list[dict[str, Any]]:
    """Run this module in its own process, keeping DATABASE_URL (bench/__main__.py)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        done = subprocess.run(
            [sys.executable, "-m", "bench.audit"],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
    return [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]


@contextmanager
def own_database() -> Iterator[None]:
    """On PostgreSQL, a fresh database beside the one DATABASE_URL names, dropped after."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield
        return
    import psycopg

    url, _, query = url.partition("?")
    base, _, _ = url.rpartition("/")
    query = f"?{query}" if query else ""
    name = f"reinstate_bench_audit_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres{query}", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = f"{base}/{name}{query}"
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{base}/postgres{query}", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def writes_per_second(writers: int, events: int = EVENTS) -> float:
    from django.db import connection, transaction

    from reinstate.audit.actions import record_event
    from reinstate.audit.kinds import EventKind

    each = events // writers
    start = threading.Barrier(writers + 1)
    failures: list[BaseException] = []

    def write(number: int) -> None:
        try:
            start.wait()
            for n in range(each):
                with transaction.atomic():
                    record_event(
                        kind=EventKind.USER_PROFILE_CHANGED, actor=None, data={"w": number, "n": n}
                    )
        except BaseException as error:  # reported below, from its own thread
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(number,)) for number in range(writers)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if failures:
        raise failures[0]
    return each * writers / elapsed


def main() -> None:
    with own_database():
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from reinstate.audit.queries import verify_chain

        call_command("migrate", verbosity=0)
        writes_per_second(1, events=50)  # warm: the connection, the head row
        single = writes_per_second(1)
        eight = writes_per_second(WRITERS)
        chain_ok = verify_chain() == []
        print(
            json.dumps(
                {
                    "bench": "audit chain: events written per second, 8 writers at once beside 1",
                    "database": connection.vendor,
                    "events": EVENTS,
                    "eight_writers_per_s": round(eight),
                    "baseline_one_writer_per_s": round(single),
                    "chain_ok": chain_ok,
                    "meets_target": chain_ok,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
