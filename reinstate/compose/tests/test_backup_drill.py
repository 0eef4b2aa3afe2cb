"""The restore drill: a backup taken while another process keeps writing (opening cases, adding
evidence, logging contacts through the actions, as the web app does) restores into a fresh data
folder where `verify` passes, the audit chain holds, and every case, evidence item and contact
the snapshot holds is there with its original. A damaged backup restores nothing."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

import pytest

from reinstate.testing.cli import ok, process_env, run_process

# Writes through the actions until told to stop, in its own data folder (a separate process,
# as the web server is). Each line of its log: the time and how many writes it has made.
WRITER = """
import io, sys, time, uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo
import django
django.setup()
from reinstate.cli import ensure_database
ensure_database()
from reinstate.accounts.models import User
from reinstate.appeals.actions import do_save_letter
from reinstate.appeals.packet_build import build_packet
from reinstate.cases.actions import do_open_case
from reinstate.comms.actions import do_add_contact
from reinstate.evidence.actions import do_add_evidence
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing import files
from reinstate.testing.notices import FLEX_LATE

log, stop = Path(sys.argv[1]), Path(sys.argv[2])
driver = User.objects.create_user(username="dana", password="a long passphrase 1")
tz = ZoneInfo("America/Los_Angeles")
writes = 0

def open_case():
    return do_open_case(owner=driver, notice=notice_from_text(FLEX_LATE),
                        received=datetime.now(UTC), tz=tz)

case = open_case()
do_add_evidence(case=case, actor=driver, source=io.BytesIO(files.jpeg()), filename="door.jpg")
do_save_letter(case=case, text="I ask you to reinstate my account.", actor=driver)
build_packet(case=case, fmt="txt", draft=True, actor=driver)
with log.open("a") as out:
    while not stop.exists():
        if writes % 10 == 9:
            case = open_case()
        elif writes % 2:
            data = f"delivery note {writes} {uuid.uuid4()}".encode() * 50
            do_add_evidence(case=case, actor=driver, source=io.BytesIO(data), filename="n.txt")
        else:
            do_add_contact(case=case, actor=driver, channel="phone", direction="to_platform",
                           at=datetime.now(UTC), summary=f"Called support ({writes})")
        writes += 1
        out.write(f"{time.monotonic()} {writes}\\n")
        out.flush()
"""

ROWS = {
    "cases": "SELECT id FROM cases_case",
    "evidence": "SELECT e.id, b.sha256 FROM evidence_evidenceitem e "
    "JOIN evidence_blob b ON b.id = e.blob_id",
    "contacts": "SELECT id, summary FROM comms_contact",
    "packets": "SELECT path FROM appeals_packet WHERE path <> ''",
}


def rows(database: Path) -> dict[str, set[tuple[Any, ...]]]:
    with sqlite3.connect(database) as db:
        return {name: set(db.execute(sql)) for name, sql in ROWS.items()}


def writes_by(log: Path, moment: float) -> int:
    """How many writes the writer had made by a time.monotonic() moment."""
    done = 0
    for line in log.read_text().splitlines():
        at, count = line.split()
        if float(at) <= moment:
            done = int(count)
    return done


def wait_for(condition, what: str, writer: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert writer.poll() is None, writer.communicate()
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def test_a_backup_taken_under_writes_restores_whole(tmp_path: Path) -> None:
    env = process_env(tmp_path / "home", migrated=True)
    log, stop = tmp_path / "writes.log", tmp_path / "stop"
    log.touch()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(log), str(stop)],
        env={**env, "DJANGO_SETTINGS_MODULE": "reinstate.settings"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: writes_by(log, time.monotonic()) >= 20, "no writes", writer)
        started = time.monotonic()
        backup = ok(run_process(env, "backup", "-o", str(tmp_path / "b.tar")))
        finished = time.monotonic()
        # Writes go on after the backup, so the source ends with more than the snapshot.
        wait_for(lambda: writes_by(log, time.monotonic()) > writes_by(log, finished) + 5,
                 "writes stopped", writer)  # fmt: skip
    finally:
        stop.touch()
        _, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors.decode()
    during = writes_by(log, finished) - writes_by(log, started)
    print(f"drill: {during} writes during a {finished - started:.2f} s backup", backup)  # noqa: T201
    assert during > 0

    with tarfile.open(tmp_path / "b.tar") as tar:
        tar.extract("database/reinstate.sqlite3", tmp_path / "snap", filter="data")
    snapshot = rows(tmp_path / "snap" / "database" / "reinstate.sqlite3")
    source = rows(tmp_path / "home" / "reinstate.sqlite3")
    assert all(snapshot[name] <= source[name] for name in ROWS)
    assert snapshot != source  # the writer went on after the snapshot
    assert backup["originals"] == len({sha for _, sha in snapshot["evidence"]})

    new = process_env(tmp_path / "restored")
    restored = ok(run_process(new, "restore", str(tmp_path / "b.tar")))
    assert restored["verify"] == {"ok": True, "problems": []}
    assert restored["audit_chain"]["ok"]
    # Every case, item and contact was written with its audit event.
    assert restored["audit_chain"]["events"] >= sum(len(snapshot[n]) for n in ROWS)
    assert ok(run_process(new, "verify"))["ok"]

    home = tmp_path / "restored"
    assert rows(home / "reinstate.sqlite3") == snapshot
    for _, sha in snapshot["evidence"]:
        original = home / "blobs" / sha[:2] / sha[2:4] / sha
        assert hashlib.sha256(original.read_bytes()).hexdigest() == sha
    assert snapshot["packets"] and all((home / p).is_file() for (p,) in snapshot["packets"])
    assert (home / "secret_key").read_text() == (tmp_path / "home" / "secret_key").read_text()
    # The restored folder is a working one: the app reads and writes it.
    listed = ok(run_process(new, "case", "list", "--user", "dana"))["cases"]
    assert {c["id"] for c in listed} == {c for (c,) in snapshot["cases"]}


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small data folder (one case, a photo, a packet) and its backup, made once."""
    folder = tmp_path_factory.mktemp("small")
    env = process_env(folder / "home", migrated=True)
    (folder / "stop").touch()  # the writer sets up its case, evidence and packet, then stops
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(folder / "writes.log"), str(folder / "stop")],
        env={**env, "DJANGO_SETTINGS_MODULE": "reinstate.settings"},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    ok(run_process(env, "backup", "-o", str(folder / "b.tar")))
    return folder / "b.tar"


def test_a_damaged_backup_restores_nothing_and_names_the_file(backup: Path, tmp_path: Path) -> None:
    with tarfile.open(backup) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith("blobs/"))
    damaged = tmp_path / "damaged.tar"
    data = bytearray(backup.read_bytes())
    data[member.offset_data + member.size // 2] ^= 0x01  # one byte of one original
    damaged.write_bytes(bytes(data))

    # a data folder set up and still empty (the drill above restores into a bare folder)
    env = process_env(tmp_path / "target", migrated=True)
    result = run_process(env, "restore", str(damaged))
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert len(stderr.splitlines()) == 1 and member.name in stderr and "nothing" in stderr
    target = tmp_path / "target"
    assert sorted(p.name for p in target.iterdir()) == ["reinstate.sqlite3", "secret_key", "static"]
    # Nothing was put in place: the good backup still restores into the same folder.
    assert ok(run_process(env, "restore", str(backup)))["verify"]["ok"]


def test_a_folder_with_data_is_refused(backup: Path) -> None:
    result = run_process(process_env(backup.parent / "home"), "restore", str(backup))
    assert result.returncode == 2
    assert "is not empty" in result.stderr.decode() and len(result.stderr.splitlines()) == 1
