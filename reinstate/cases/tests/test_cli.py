"""The command line is a contract other tools call: JSON out, exit 0, or exit 2 and one line."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db


def test_notice_read_prints_the_reading(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(FLEX_LATE)
    result = ok(
        reinstate(
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


def test_notice_read_takes_stdin_and_an_emails_date() -> None:
    eml = (
        "From: Uber <support@uber.example>\nDate: Tue, 03 Nov 2026 10:00:00 -0500\n"
        "Subject: Account update\n\nWe recently re-ran your background check. Based on the "
        "results, you no longer meet Uber's screening criteria and your account has been "
        "deactivated. You may dispute the findings with Checkr within 7 days of this notice."
    )
    result = ok(reinstate("notice", "read", "-", "--tz", "America/New_York", stdin=eml))
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
    args: list[str], stdin: str | bytes | None, message: str
) -> None:
    result = reinstate(*args, stdin=stdin or b"")
    assert result.returncode == 2
    stderr = result.stderr.strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1
    assert "Traceback" not in stderr
    assert result.stdout == ""


def test_ten_megabytes_of_text_is_refused_quickly() -> None:
    result = reinstate("notice", "read", "-", stdin=b"late " * 2_000_000)
    assert result.returncode == 2
    assert "too long" in result.stderr


def test_verify_passes_on_an_intact_log() -> None:
    ok(reinstate("user", "add", "omar"))
    assert ok(reinstate("verify"))["ok"] is True


def la_today() -> date:
    """Today where Dana lives: the date a driver means."""
    return datetime.now(ZoneInfo("America/Los_Angeles")).date()


def new_case(tmp_path: Path) -> str:
    """Dana, in Los Angeles, with a case whose notice came a month ago."""
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    received = (datetime.now(ZoneInfo("America/Los_Angeles")) - timedelta(days=30)).isoformat()
    case = ok(
        reinstate("case", "new", "--user", "dana", "--notice", str(notice), "--received", received)
    )
    return str(case["id"])


def test_case_close_says_how_it_ended_and_reopen_takes_it_back(tmp_path: Path) -> None:
    case_id = new_case(tmp_path)
    day = (la_today() - timedelta(days=2)).isoformat()
    closed = ok(
        reinstate(
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
    assert ok(reinstate("case", "show", case_id)) == closed
    denied = ok(reinstate("case", "close", case_id, "--outcome", "denied"))
    assert (denied["status"], denied["outcome"], denied["reinstated_on"]) == (
        "closed",
        "denied",
        None,
    )
    reopened = ok(reinstate("case", "reopen", case_id))
    assert (reopened["status"], reopened["outcome"], reopened["reinstated_on"]) == (
        "open",
        None,
        None,
    )
    just_closed = ok(reinstate("case", "close", case_id))
    assert (just_closed["status"], just_closed["outcome"]) == ("closed", None)


@pytest.fixture
def case_id(tmp_path: Path) -> str:
    return new_case(tmp_path)


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
    case_id: str, args: list[str], message: str
) -> None:
    result = reinstate("case", "close", case_id, *args)
    assert result.returncode == 2
    stderr = result.stderr.strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1
    assert "Traceback" not in stderr
    assert result.stdout == ""
    shown = ok(reinstate("case", "show", case_id))
    assert (shown["status"], shown["outcome"], shown["reinstated_on"]) == ("open", None, None)
