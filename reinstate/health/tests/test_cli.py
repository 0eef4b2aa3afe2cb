"""`reinstate health import|standing` is a contract: JSON out, or exit 2 and one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.testing.cli import ok, reinstate

HEADER = (
    "block_start,block_end,arrived_at,status,packages_assigned,packages_delivered,"
    "packages_returned,late_deliveries,dnr_reports,earnings,tips,miles\n"
)
ROWS = (
    "2026-11-02 08:00,2026-11-02 11:00,2026-11-02 07:52,completed,30,29,1,1,0,72.00,5.50,41.2\n"
    "2026-11-03 08:00,2026-11-03 11:00,2026-11-03 08:07,completed,20,20,0,0,1,60,,30\n"
    "2026-11-04 08:00,2026-11-04 11:00,,late_forfeit,,,,,,,,\n"
    "2026-11-05 08:00,2026-11-05 11:00,,early_forfeit,,,,,,,,\n"
    "2026-11-06 08:00,2026-11-06 11:00,2026-11-06 07:50,completed,ten,20,0,0,0,60,,30\n"
)
METRICS = {"reliability", "delivery_completion", "on_time_delivery", "dnr_per_1000", "pay_per_hour"}


pytestmark = pytest.mark.django_db


@pytest.fixture
def dana() -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))


def test_import_prints_rows_added_duplicates_and_rejected_lines(dana: None, tmp_path: Path):
    blocks = tmp_path / "blocks.csv"
    blocks.write_text(HEADER + ROWS)
    args = ("health", "import", str(blocks), "--user", "dana", "--platform", "amazon_flex")
    first = ok(reinstate(*args))
    assert first == {
        "rows": 5,
        "added": 4,
        "duplicates": 0,
        "rejected": [{"line": 6, "error": "packages_assigned 'ten' is not a number"}],
    }
    again = ok(reinstate(*args))
    assert (again["added"], again["duplicates"]) == (0, 4)


def test_standing_prints_both_windows_as_fractions(dana: None, tmp_path: Path):
    blocks = tmp_path / "blocks.csv"
    blocks.write_text(HEADER + ROWS)
    ok(reinstate("health", "import", str(blocks), "--user", "dana", "--platform", "amazon_flex"))
    result = ok(
        reinstate(
            "health",
            "standing",
            "--user",
            "dana",
            "--platform",
            "amazon_flex",
            "--as-of",
            "2026-11-20T12:00",
        )
    )
    assert set(result) >= {"as_of", "windows", "thresholds", "margins", "alerts"}
    assert result["as_of"] == "2026-11-20T12:00:00-08:00"
    assert set(result["windows"]) == {"30d", "100_blocks"}
    window = result["windows"]["30d"]
    assert (
        window["blocks"] == 3
    )  # two completed and a late forfeit; the early forfeit is not counted
    assert set(window["metrics"]) == METRICS
    metrics = window["metrics"]
    assert metrics["reliability"] == pytest.approx(1 / 3)
    assert metrics["delivery_completion"] == pytest.approx(49 / 50)
    assert metrics["on_time_delivery"] == pytest.approx(1 - 1 / 49)
    assert metrics["dnr_per_1000"] == pytest.approx(1000 / 49)
    assert metrics["pay_per_hour"] == pytest.approx((72 + 5.5 + 60) / 6)
    for value in (
        metrics["reliability"],
        metrics["delivery_completion"],
        metrics["on_time_delivery"],
    ):
        assert 0 <= value <= 1
    assert result["windows"]["100_blocks"]["metrics"] == metrics
    assert result["thresholds"] == {} and result["margins"] == {} and result["alerts"] == []
    # Before any block, there is nothing to measure: null, not 0.
    empty = ok(
        reinstate(
            "health",
            "standing",
            "--user",
            "dana",
            "--platform",
            "amazon_flex",
            "--as-of",
            "2026-01-01T00:00:00Z",
        )
    )
    assert empty["windows"]["30d"] == {"blocks": 0, "metrics": dict.fromkeys(METRICS)}


def test_a_gigabyte_of_garbage_is_refused_and_adds_nothing(dana: None, tmp_path: Path):
    garbage = tmp_path / "garbage.csv"
    with garbage.open("wb") as handle:
        handle.write(b"\xde\xad\xbe\xef" * 1000)
        handle.truncate(1024**3)  # sparse: the rest is zeros that take no disk space
    result = reinstate(
        "health", "import", str(garbage), "--user", "dana", "--platform", "amazon_flex"
    )
    assert result.returncode == 2
    assert "binary data" in result.stderr
    standing = ok(reinstate("health", "standing", "--user", "dana", "--platform", "amazon_flex"))
    assert standing["windows"]["100_blocks"]["blocks"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["health", "import", "/nonexistent.csv", "--user", "dana", "--platform", "amazon_flex"],
            "No such file",
        ),
        (
            ["health", "import", "{csv}", "--user", "nobody", "--platform", "amazon_flex"],
            "No user named",
        ),
        (
            ["health", "import", "{csv}", "--user", "dana", "--platform", "myspace"],
            "invalid choice",
        ),
        (
            [
                "health",
                "import",
                "{csv}",
                "--user",
                "dana",
                "--platform",
                "amazon_flex",
                "--tz",
                "Mars/Base",
            ],
            "Unknown time zone",
        ),
        (
            ["health", "import", "{missing}", "--user", "dana", "--platform", "amazon_flex"],
            "no column for block_end",
        ),
        (
            [
                "health",
                "standing",
                "--user",
                "dana",
                "--platform",
                "amazon_flex",
                "--as-of",
                "soon",
            ],
            "ISO 8601",
        ),
        (["health", "standing", "--user", "dana"], "--platform"),
        (["health", "export"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(dana: None, tmp_path: Path, args: list[str], message: str):
    good, missing = tmp_path / "good.csv", tmp_path / "missing.csv"
    good.write_text(HEADER + ROWS)
    missing.write_text("block_start,status\n2026-11-02 08:00,completed\n")
    args = [a.format(csv=good, missing=missing) for a in args]
    result = reinstate(*args)
    assert result.returncode == 2
    stderr = result.stderr.strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1
    assert "Traceback" not in stderr
    assert result.stdout == ""


def test_remind_with_nobody_to_remind_sends_nothing():
    result = ok(reinstate("remind"))
    assert result["users"] == 0 and result["emails"] == 0
