"""A worker killed in the middle of a mailbox import leaves nothing half-written: the queue
runs the job again and every message is in the support log exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reinstate.testing.cli import REINSTATE, process_env, run_process
from reinstate.testing.mails import email, mbox

MESSAGES = 3000

# Sets up the data folder as the web would leave it: Dana, her case, her mailbox uploaded and
# every message picked, the import queued (django-tasks' database backend, as in production).
QUEUE = """
import io, sys
from datetime import datetime
from zoneinfo import ZoneInfo
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from reinstate.cases.actions import do_open_case
from reinstate.comms.import_queue import do_queue_import
from reinstate.comms.imports import do_stage_import
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import make_driver

dana = make_driver()
case = do_open_case(
    owner=dana,
    notice=notice_from_text(FLEX_LATE),
    received=datetime(2026, 11, 2, 16, tzinfo=ZoneInfo("America/Los_Angeles")),
    tz=ZoneInfo("America/Los_Angeles"),
)
data = open(sys.argv[1], "rb").read()
pending = do_stage_import(
    case=case, actor=dana, uploads=[("export.mbox", SimpleUploadedFile("export.mbox", data))]
)
keys = [f"m{i}@flex.example" for i in range(int(sys.argv[2]))]
do_queue_import(pending=pending, actor=dana, keys=keys)
"""


def progress(db: Path) -> tuple[str, int]:
    with sqlite3.connect(db, timeout=10) as connection:
        row = connection.execute("select status, read from comms_pendingimport").fetchone()
    return (row[0], row[1]) if row else ("none", 0)


def test_a_killed_import_is_finished_exactly_once_by_the_next_worker(tmp_path: Path) -> None:
    env = process_env(tmp_path / "home", migrated=True) | {
        "DJANGO_SETTINGS_MODULE": "reinstate.settings"
    }
    box = tmp_path / "export.mbox"
    box.write_bytes(mbox(*(email(message_id=f"<m{i}@flex.example>") for i in range(MESSAGES))))
    queued = subprocess.run(
        [sys.executable, "-c", QUEUE, str(box), str(MESSAGES)], env=env, capture_output=True
    )
    assert queued.returncode == 0, queued.stderr.decode()
    db = tmp_path / "home" / "reinstate.sqlite3"
    assert progress(db) == ("queued", 0)

    worker = subprocess.Popen(
        [REINSTATE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while progress(db)[1] == 0:
        assert worker.poll() is None, worker.communicate()
        assert time.monotonic() < deadline, "the import never started"
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.communicate()
    killed_at = progress(db)
    assert killed_at[0] in {"reading", "saving"}, killed_at  # killed mid-import, not after it
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from comms_contact").fetchone() == (0,)

    again = run_process(env, "worker", "--batch")
    assert again.returncode == 0, again.stderr.decode()
    assert progress(db)[0] == "done"
    with sqlite3.connect(db) as connection:
        keys = [k for (k,) in connection.execute("select source_key from comms_contact")]
        imported = connection.execute(
            "select count(*) from audit_auditevent where kind = 'comms.imported'"
        ).fetchone()
    assert len(keys) == MESSAGES and len(set(keys)) == MESSAGES
    assert imported == (1,)
    verified = run_process(env, "verify")
    assert verified.returncode == 0, verified.stdout.decode() + verified.stderr.decode()
