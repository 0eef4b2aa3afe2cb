"""The installed `reinstate` as a separate process: what only a real process shows.

The other command-line tests run the same entry point in the test process (testing/cli.py).
These check the rest: a process on an empty data folder creates and migrates its database,
`notice read` answers on its quick path without Django and agrees with the Django command, and
bad input ends the process with exit status 2 and one line on stderr.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reinstate.testing.cli import ok, process_env, run_process
from reinstate.testing.notices import FLEX_LATE


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An empty data folder on SQLite, whatever database the suite itself uses."""
    return process_env(tmp_path / "home")


def test_it_sets_up_an_empty_data_folder_for_user_and_case_commands(
    env: dict[str, str], tmp_path: Path
) -> None:
    password = tmp_path / "pw"
    password.write_text("a long enough passphrase\n")
    user = ok(
        run_process(
            env,
            "user",
            "add",
            "dana",
            "--password-file",
            str(password),
            "--tz",
            "America/Los_Angeles",
        )
    )
    assert user["username"] == "dana" and "password" not in user
    assert (Path(env["REINSTATE_HOME"]) / "reinstate.sqlite3").is_file()
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    received = "2026-11-02T16:00:00-08:00"
    new = ["case", "new", "--user", "dana", "--notice", str(notice), "--received", received]
    case = ok(run_process(env, *new))
    assert case["deadline"] == "2026-11-12T16:00:00-08:00"
    shown = ok(run_process(env, "case", "show", str(case["id"])))
    assert shown["id"] == case["id"] and shown["deadline_source"] == "notice"
    duplicate = run_process(env, "user", "add", "dana")
    assert duplicate.returncode == 2 and b"taken" in duplicate.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["notice", "read", "-", "--tz", "Mars/Base"], FLEX_LATE, "Unknown time zone"),
        (["notice", "read", "-"], b"late " * 2_000_000, "too long"),
        (["case", "show", "42"], None, "No case 42"),
        (["case", "new", "--user", "dana"], None, "--notice"),
    ],
    # Named: pytest puts a test's id in the environment the program inherits, and a 10 MB id
    # would be more than an environment may hold.
    ids=["unknown-zone", "notice-too-long", "no-such-case", "no-notice"],
)
def test_it_exits_2_with_one_line_on_bad_input(
    tmp_path: Path, args: list[str], stdin: str | bytes | None, message: str
) -> None:
    # a data folder already set up: the first start is the test above's
    env = process_env(tmp_path / "home", migrated=True)
    result = run_process(env, *args, stdin=stdin)
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert result.stdout == b""


def test_the_quick_notice_read_agrees_with_the_django_command(
    env: dict[str, str], tmp_path: Path
) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(FLEX_LATE)
    args = [str(notice), "--received", "2026-11-02T16:00:00-08:00", "--tz", "America/Los_Angeles"]
    quick = ok(run_process(env, "notice", "read", *args))
    assert quick["deadline"] == "2026-11-12T16:00:00-08:00"
    through_django = subprocess.run(
        [sys.executable, "-m", "django", "notice", "read", *args],
        capture_output=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "reinstate.settings"},
        timeout=60,
        check=True,
    )
    assert json.loads(through_django.stdout) == quick
