"""`reinstate serve` as the real program: gunicorn's web processes (or waitress's one) answer,
static files come through whitenoise, and SIGTERM stops every process it started, the queue
worker too."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from reinstate.testing.cli import REINSTATE, process_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> set[int]:
    """Every process descended from pid (Linux's /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        return int(response.status), response.read()


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        assert process.poll() is None, process.stderr.read() if process.stderr else b""
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="gunicorn needs a POSIX system")
@pytest.mark.parametrize(
    ("server", "processes"),
    [("gunicorn", 2 + 1), ("waitress", 0 + 1)],  # web processes under it, + the queue worker
)
def test_serve_answers_with_its_processes_and_sigterm_stops_them_all(
    tmp_path: Path, server: str, processes: int
) -> None:
    env = process_env(tmp_path / "home", migrated=True)
    env["REINSTATE_WORKERS"] = "2"
    port = _free_port()
    command = [REINSTATE, "serve", "--port", str(port), "--server", server]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stdout is not None
        line = json.loads(process.stdout.readline())
        base = f"http://127.0.0.1:{port}"
        assert line["url"] == base + "/" and line["server"] == server
        _wait_until_up(base + "/healthz", process)
        for _ in range(50):  # the queue worker starts beside the web processes
            if len(_children(process.pid)) >= processes:
                break
            time.sleep(0.1)
        started = _children(process.pid)
        assert len(started) == processes
        status, page = _get(base + "/accounts/login/")
        assert status == 200
        assert b"/static/reinstate/site.css" in page
        assert _get(base + "/static/reinstate/site.css")[0] == 200
        # The data folder stays the owner's alone.
        assert (tmp_path / "home").stat().st_mode & 0o077 == 0
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        for _ in range(100):
            alive = {pid for pid in started if Path(f"/proc/{pid}").exists()}
            if not alive:
                break
            time.sleep(0.1)
        assert not alive
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_server_that_cannot_run_is_a_one_line_error(tmp_path: Path) -> None:
    env = process_env(tmp_path / "home", migrated=True)
    command = [REINSTATE, "serve", "--port", str(_free_port()), "--workers", "0"]
    try:
        done = subprocess.run(command, env=env, capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired as still_running:
        raise AssertionError("it served instead of refusing") from still_running
    assert done.returncode != 0
    assert b"at least 1" in done.stderr
