"""`reinstate health reading`: the standing the app shows, typed as flags; JSON out, or exit 2
and one line that says what to give instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.health.models import StandingReading
from reinstate.testing.cli import ok, reinstate

BASE = ("health", "reading", "--user", "dana", "--platform", "amazon_flex")


def test_it_records_a_typed_tier_and_measures(driver) -> None:
    out = ok(
        reinstate(
            *BASE, "--tier", "At Risk", "--date", "2026-11-20",
            "--metric", "delivery_completion=91.5%", "reliability=fair",
        )
    )  # fmt: skip
    assert out["saved"] is True
    assert out["reading"] | {"id": 0, "recorded_at": ""} == {
        "id": 0,
        "platform": "amazon_flex",
        "observed_on": "2026-11-20",
        "tier": "at_risk",
        "parts": {"reliability": "fair"},
        "percents": {"delivery_completion": 0.915},
        "source": "form",
        "screenshot_sha256": None,
        "recorded_at": "",
    }
    assert StandingReading.objects.get().tier == "at_risk"


def test_check_shows_what_would_be_kept_and_keeps_nothing(driver) -> None:
    out = ok(reinstate(*BASE, "--tier", "great", "--check"))
    assert out["saved"] is False and out["would_save"]["tier"] == "great"
    assert not StandingReading.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--tier", "superb"), "Unknown tier 'superb'"),
        (("--metric", "speed=3"), "use KEY=VALUE with KEY one of"),
        (("--metric", "delivery_completion=120"), "give a percentage from 0 to 100"),
        (("--tier", "great", "--date", "20-11-2026"), "is not a date"),
        ((), "Give the tier or at least one number"),
    ],
)
def test_bad_input_is_one_line_that_says_what_to_do(driver, args, message) -> None:
    result = reinstate(*BASE, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not StandingReading.objects.exists()


def test_a_screenshot_that_is_not_a_picture_is_refused(driver, tmp_path: Path) -> None:
    notes = tmp_path / "standing.png"
    notes.write_text("Your standing is Great")
    result = reinstate(*BASE, "--screenshot", str(notes))
    assert result.returncode == 2
    assert "This file is not a picture." in result.stderr
    assert "--tier and --metric KEY=VALUE" in result.stderr
    missing = reinstate(*BASE, "--screenshot", str(tmp_path / "gone.png"))
    assert missing.returncode == 2 and "No such file" in missing.stderr


def test_a_platform_without_a_standing_screen_is_refused(driver) -> None:
    result = reinstate("health", "reading", "--user", "dana", "--platform", "doordash")
    assert result.returncode == 2 and "shows no standing" in result.stderr


def test_a_refusal_is_in_spanish_with_lang_es(driver) -> None:
    result = reinstate("--lang", "es", *BASE, "--tier", "superb")
    assert result.returncode == 2
    assert "Nivel desconocido 'superb'" in result.stderr
