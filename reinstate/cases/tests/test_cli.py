"""The command line is a contract other tools call: JSON out, exit 0, or exit 2 and one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reinstate.conftest import FLEX_LATE

REINSTATE = str(Path(sys.executable).parent / "reinstate")


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An empty data folder on SQLite, whatever database the suite itself uses."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["REINSTATE_HOME"] = str(tmp_path / "home")
    return env


def run(
    env: dict[str, str], *args: str, stdin: str | bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [REINSTATE, *args], input=data, capture_output=True, env=env, timeout=60, check=False
    )


def ok_json(result: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout)
    assert isinstance(payload, dict)
    return payload


def test_notice_read_prints_the_reading(home: dict[str, str], tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(FLEX_LATE)
    result = ok_json(
        run(
            home,
            "notice",
            "read",
            str(notice),
            "--received",
            "2026-11-02T16:00:00-08:00",
            "--tz",
            "America/Los_Angeles",
        )
    )
    assert result["platform"] == "amazon_flex"
    assert result["kind"] == "deactivation"
    assert result["reason"] == "performance_metrics"
    assert result["stated_deadline"] == "2026-11-12T16:00:00-08:00"
    assert result["deadline"] == "2026-11-12T16:00:00-08:00"
    assert result["deadline_source"] == "notice"
    assert "10 calendar days" in str(result["deadline_text"])
    assert result["reason_phrases"]
    assert set(result["references"]) == {"ticket_numbers", "emails", "urls"}


def test_notice_read_takes_stdin_and_an_emails_date(home: dict[str, str]) -> None:
    eml = (
        "From: Uber <support@uber.example>\nDate: Tue, 03 Nov 2026 10:00:00 -0500\n"
        "Subject: Account update\n\nWe recently re-ran your background check. Based on the "
        "results, you no longer meet Uber's screening criteria and your account has been "
        "deactivated. You may dispute the findings with Checkr within 7 days of this notice."
    )
    result = ok_json(run(home, "notice", "read", "-", "--tz", "America/New_York", stdin=eml))
    assert result["platform"] == "uber"
    assert result["reason"] == "background_check"
    assert result["stated_deadline"] == "2026-11-10T10:00:00-05:00"
    laws = result["laws"]
    assert isinstance(laws, list) and any("FCRA" in law["name"] for law in laws)


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["notice", "read", "-"], "", "empty"),
        (["notice", "read", "-"], b"\x00\x01\x02\xff" * 100, "not text"),
        (["notice", "read", "-", "--tz", "Mars/Base"], FLEX_LATE, "Unknown time zone"),
        (["notice", "read", "-", "--received", "yesterday"], FLEX_LATE, "ISO 8601"),
        (["notice", "read", "-", "--received", "2031-01-01T00:00:00Z"], FLEX_LATE, "future"),
        (["notice", "read", "/nonexistent/notice.txt"], None, "No such file"),
        (["notice", "read", "-", "--platform", "myspace"], FLEX_LATE, "invalid choice"),
        (["case", "show", "42"], None, "No case 42"),
        (["case", "list", "--user", "nobody"], None, "No user named"),
        (["case", "close", "42"], None, "No case 42"),
        (["case", "reopen", "42"], None, "No case 42"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    home: dict[str, str], args: list[str], stdin: str | bytes | None, message: str
) -> None:
    result = run(home, *args, stdin=stdin)
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1
    assert "Traceback" not in stderr
    assert result.stdout == b""


def test_ten_megabytes_of_text_is_refused_quickly(home: dict[str, str]) -> None:
    result = run(home, "notice", "read", "-", stdin=b"late " * 2_000_000)
    assert result.returncode == 2
    assert "too long" in result.stderr.decode()


def test_user_and_case_commands_work_on_an_empty_home(home: dict[str, str], tmp_path: Path) -> None:
    password = tmp_path / "pw"
    password.write_text("a long enough passphrase\n")
    user = ok_json(
        run(
            home,
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
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    case = ok_json(
        run(
            home,
            "case",
            "new",
            "--user",
            "dana",
            "--notice",
            str(notice),
            "--received",
            "2026-11-02T16:00:00-08:00",
        )
    )
    assert case["deadline"] == "2026-11-12T16:00:00-08:00"
    assert case["checklist"]
    shown = ok_json(run(home, "case", "show", str(case["id"])))
    assert shown["id"] == case["id"] and shown["deadline_source"] == "notice"
    listed = ok_json(run(home, "case", "list", "--user", "dana"))
    assert [c["id"] for c in listed["cases"]] == [case["id"]]
    duplicate = run(home, "user", "add", "dana")
    assert duplicate.returncode == 2 and b"taken" in duplicate.stderr


def test_verify_passes_on_an_intact_log(home: dict[str, str]) -> None:
    ok_json(run(home, "user", "add", "omar"))
    assert ok_json(run(home, "verify"))["ok"] is True


def test_the_django_command_and_the_fast_path_agree(home: dict[str, str], tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(FLEX_LATE)
    args = [str(notice), "--received", "2026-11-02T16:00:00-08:00", "--tz", "America/Los_Angeles"]
    fast = ok_json(run(home, "notice", "read", *args))
    through_django = subprocess.run(
        [sys.executable, "-m", "django", "notice", "read", *args],
        capture_output=True,
        env={**home, "DJANGO_SETTINGS_MODULE": "reinstate.settings"},
        timeout=60,
        check=True,
    )
    assert json.loads(through_django.stdout) == fast


def la_today() -> date:
    """Today where Dana lives: the date a driver means."""
    return datetime.now(ZoneInfo("America/Los_Angeles")).date()


def new_case(env: dict[str, str], tmp_path: Path) -> str:
    """Dana, in Los Angeles, with a case whose notice came a month ago."""
    ok_json(run(env, "user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    received = (datetime.now(ZoneInfo("America/Los_Angeles")) - timedelta(days=30)).isoformat()
    case = ok_json(
        run(env, "case", "new", "--user", "dana", "--notice", str(notice), "--received", received)
    )
    return str(case["id"])


def test_case_close_says_how_it_ended_and_reopen_takes_it_back(
    home: dict[str, str], tmp_path: Path
) -> None:
    case_id = new_case(home, tmp_path)
    day = (la_today() - timedelta(days=2)).isoformat()
    closed = ok_json(
        run(
            home,
            "case",
            "close",
            case_id,
            "--outcome",
            "reinstated",
            "--on",
            day,
            "--note",
            "after a call",
        )
    )
    assert (closed["status"], closed["outcome"], closed["reinstated_on"]) == (
        "closed",
        "reinstated",
        day,
    )
    assert ok_json(run(home, "case", "show", case_id)) == closed
    denied = ok_json(run(home, "case", "close", case_id, "--outcome", "denied"))
    assert (denied["status"], denied["outcome"], denied["reinstated_on"]) == (
        "closed",
        "denied",
        None,
    )
    reopened = ok_json(run(home, "case", "reopen", case_id))
    assert (reopened["status"], reopened["outcome"], reopened["reinstated_on"]) == (
        "open",
        None,
        None,
    )
    just_closed = ok_json(run(home, "case", "close", case_id))
    assert (just_closed["status"], just_closed["outcome"]) == ("closed", None)


@pytest.fixture(scope="module")
def open_case_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], str]:
    """One home with one open case, shared by the bad-input tests: none of them may change it."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    folder = tmp_path_factory.mktemp("close")
    env["REINSTATE_HOME"] = str(folder / "home")
    return env, new_case(env, folder)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--outcome", "won"], "invalid choice"),
        (["--outcome", "reinstated"], "Add --on YYYY-MM-DD"),
        (["--outcome", "reinstated", "--on", "soon"], "not a date"),
        (
            ["--outcome", "reinstated", "--on", (la_today() + timedelta(days=2)).isoformat()],
            "in the future",
        ),
        (["--outcome", "reinstated", "--on", "2020-01-01"], "before the notice arrived"),
        (["--outcome", "denied", "--on", la_today().isoformat()], "--outcome reinstated"),
        (["--note", "after a call"], "add --outcome"),
    ],
)
def test_case_close_refuses_bad_input_with_one_line_and_changes_nothing(
    open_case_home: tuple[dict[str, str], str], args: list[str], message: str
) -> None:
    env, case_id = open_case_home
    result = run(env, "case", "close", case_id, *args)
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1
    assert "Traceback" not in stderr
    assert result.stdout == b""
    shown = ok_json(run(env, "case", "show", case_id))
    assert (shown["status"], shown["outcome"], shown["reinstated_on"]) == ("open", None, None)
