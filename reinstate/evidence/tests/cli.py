"""Running `reinstate` as a separate process on its own empty data folder (SQLite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reinstate.evidence.tests.conftest import DISPUTE

REINSTATE = str(Path(sys.executable).parent / "reinstate")


def cli_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["REINSTATE_HOME"] = str(home)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [REINSTATE, *args], capture_output=True, env=env, timeout=120, check=False
    )


def ok(result: subprocess.CompletedProcess[bytes]) -> Any:
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def new_case(env: dict[str, str], folder: Path) -> str:
    """A user and a delivery-dispute case; returns the case id."""
    ok(run(env, "user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = folder / "notice.txt"
    notice.write_text(DISPUTE)
    created = ok(run(env, "case", "new", "--user", "dana", "--notice", str(notice)))
    return str(created["id"])
