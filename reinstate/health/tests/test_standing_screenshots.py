"""A screenshot of the Flex standing screen, drawn here from its text (phone size, light and
dark), read back with Tesseract: the form comes back filled for Dana to check, and what she
saves keeps the picture's SHA-256 and the text read. Three pictures are read in all."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reinstate.health.models import StandingReading
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.personas import client_for
from reinstate.testing.screenshots import blank_picture, needs_tesseract, phone_screenshot

pytestmark = [needs_tesseract]

NEW = reverse("health:standing_new", args=["amazon_flex"])
SCREEN = """Your standing is Great
Reliability: Fantastic
Delivery Quality: Great
On-time arrival 97.4%
Delivery completion rate 98.5%
Delivered on time 99%
Photo on delivery 100%"""


@pytest.fixture(scope="module")
def light() -> bytes:
    return phone_screenshot(SCREEN, title="Standing")


@pytest.fixture(scope="module")
def dark() -> bytes:
    return phone_screenshot(SCREEN.replace("Great", "Fair", 1), dark=True, title="Standing")


def test_a_screenshot_fills_the_form_to_check_and_saving_keeps_its_hash(driver, light) -> None:
    client = client_for(driver)
    response = client.post(
        NEW,
        {
            "observed_on": "2026-11-20",
            "screenshot": SimpleUploadedFile("s.png", light),
            "read": "1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check what we read" in page and "Delivery completion rate 98.5%" in page
    assert 'value="great" id="id_tier_2" checked' in page
    assert 'name="m_delivery_completion" value="98.5"' in page
    assert 'name="m_photo_on_delivery" value="100"' in page
    assert '<option value="fantastic" selected>' in page  # reliability
    assert not StandingReading.objects.exists()  # nothing kept before the check

    # Dana corrects one number and saves: the form as shown, with its signed token.
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    saved = client.post(
        NEW,
        {
            "observed_on": "2026-11-20",
            "tier": "great",
            "m_reliability": "fantastic",
            "m_delivery_quality": "great",
            "m_on_time_arrival": "97.4",
            "m_delivery_completion": "98.6",
            "token": token.group(1),
            "save": "1",
        },
    )
    assert saved.status_code == 302
    reading = StandingReading.objects.get(owner=driver)
    assert reading.source == "screenshot"
    assert reading.screenshot_sha256 == hashlib.sha256(light).hexdigest()
    assert "Delivered on time 99%" in reading.screenshot_text
    assert reading.percents == {"on_time_arrival": 0.974, "delivery_completion": 0.986}


def test_a_picture_without_words_says_so_and_keeps_what_was_typed(driver) -> None:
    response = client_for(driver).post(
        NEW,
        {
            "observed_on": "2026-11-20",
            "m_on_time_delivery": "97",
            "screenshot": SimpleUploadedFile("blank.png", blank_picture()),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "We found no words in this picture." in page
    assert 'value="97"' in page


def test_the_command_line_reads_a_dark_screenshot_and_a_flag_corrects_it(
    driver, dark, tmp_path: Path
) -> None:
    picture = tmp_path / "standing.png"
    picture.write_bytes(dark)
    out = ok(
        reinstate(
            "health", "reading", "--user", "dana", "--platform", "amazon_flex",
            "--screenshot", str(picture), "--date", "2026-11-20",
            "--metric", "on_time_delivery=98",
        )
    )  # fmt: skip
    assert out["read"]["tier"] == "fair"
    assert out["read"]["percents"]["on_time_delivery"] == 0.99
    assert out["read"]["sha256"] == hashlib.sha256(dark).hexdigest()
    assert out["saved"] is True
    reading = out["reading"]
    assert reading["tier"] == "fair" and reading["source"] == "screenshot"
    assert reading["parts"] == {"reliability": "fantastic", "delivery_quality": "great"}
    assert reading["percents"]["on_time_delivery"] == 0.98  # the flag wins
    assert reading["percents"]["delivery_completion"] == 0.985
