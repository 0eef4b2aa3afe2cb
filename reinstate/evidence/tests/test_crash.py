"""A process killed in the middle of adding a file: no half-written original is ever taken for
a real one, no row is left without its file, and `reinstate verify` names what was left."""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from reinstate.testing import files
from reinstate.testing.cli import ok, process_env, run_process
from reinstate.testing.notices import DISPUTE

# Runs `reinstate evidence add` with one step of the store slowed down, so the test can kill
# it there. The product has no hook for this: the test patches the step in the child only.
CHILD = """
import sys, time
from pathlib import Path
from reinstate.evidence import blobstore

stage, marker = sys.argv[1], Path(sys.argv[2])

def pause():
    marker.write_text(stage)
    time.sleep(120)

if stage == "receiving":  # part of the file is in the temporary folder
    chunks = blobstore._chunks
    def slow_chunks(source, head):
        for number, chunk in enumerate(chunks(source, head)):
            if number == 1:
                pause()
            yield chunk
    blobstore._chunks = slow_chunks
    blobstore.CHUNK = 64 * 1024
else:
    commit = blobstore.BlobStore.commit
    def slow_commit(self, staged):
        if stage == "received":  # hashed and flushed, not yet renamed into place
            pause()
        done = commit(self, staged)
        pause()  # "stored": in place, its row not yet committed
        return done
    blobstore.BlobStore.commit = slow_commit

from reinstate.cli import main
main(["evidence", "add", *sys.argv[3:]])
"""


@functools.cache
def _folder_with_a_case() -> tuple[Path, str]:
    """A data folder with a user and a delivery-dispute case, made once per test process."""
    folder = Path(tempfile.mkdtemp(prefix="reinstate-case-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    env = process_env(folder / "home", migrated=True)
    ok(run_process(env, "user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = folder / "notice.txt"
    notice.write_text(DISPUTE)
    case = ok(run_process(env, "case", "new", "--user", "dana", "--notice", str(notice)))["id"]
    return folder / "home", str(case)


def new_case(home: Path) -> tuple[dict[str, str], str]:
    """A copy of the folder with a case, at ``home``: its environment and the case id."""
    made, case = _folder_with_a_case()
    shutil.copytree(made, home)
    return process_env(home), case


@pytest.mark.parametrize(
    ("stage", "left"),
    [
        ("receiving", "an upload or deletion that did not finish"),
        ("received", "an upload or deletion that did not finish"),
        ("stored", "a stored file that no evidence refers to (an add that did not finish)"),
    ],
)
def test_a_killed_add_leaves_no_row_and_verify_names_the_file(
    tmp_path: Path, stage: str, left: str
) -> None:
    env, case = new_case(tmp_path / "home")
    photo = tmp_path / "door.jpg"
    photo.write_bytes(files.jpeg((1200, 900)) + b"\0" * 300_000)  # several chunks long
    marker = tmp_path / "paused"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, stage, str(marker), case, str(photo)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the add never reached the step"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.communicate()

    assert ok(run_process(env, "evidence", "list", case)) == []  # no orphan row
    blobs = Path(env["REINSTATE_HOME"]) / "blobs"
    for stored in blobs.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*"):
        # Whatever is in place is whole: its name is the hash of its content.
        assert stored.name == hashlib.sha256(stored.read_bytes()).hexdigest()
    result = run_process(env, "verify")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert [p["problem"] for p in problems] == [left]
    assert Path(problems[0]["path"]).exists()

    # The same file added again works, and its add is whole.
    added = ok(run_process(env, "evidence", "add", case, str(photo)))
    assert added[0]["exhibit"] == "A" and not added[0]["duplicate"]
