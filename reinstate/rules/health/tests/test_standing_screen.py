"""Reading the Flex standing screen's text: the tier and each measure, through OCR noise."""

from __future__ import annotations

import pytest

from reinstate.rules.health.standing_screen import read_standing_screen

CLEAN = """9:41
Standing
Your standing is Fantastic
Reliability  Great
Delivery Quality  Fantastic
On-time arrival  97.4%
Delivery completion rate  98.5%
Delivered on time  99%
Photo on delivery  100%"""


def test_it_reads_the_tier_the_parts_and_every_percentage() -> None:
    screen = read_standing_screen(CLEAN)
    assert screen.tier == "fantastic"
    assert screen.parts == {"reliability": "great", "delivery_quality": "fantastic"}
    assert screen.percents == {
        "on_time_arrival": 0.974,
        "delivery_completion": 0.985,
        "on_time_delivery": 0.99,
        "photo_on_delivery": 1.0,
    }


def test_it_reads_through_case_stray_marks_and_broken_lines() -> None:
    noisy = """STANDING » AT RISK
    reliability | fair
    Dellvery Quality: GREAT
    Delivery completion
    rate
    95,5 %
    delivered on time (last 30 days) 88.5%"""
    screen = read_standing_screen(noisy)
    assert screen.tier == "at_risk"
    assert screen.parts == {"reliability": "fair", "delivery_quality": "great"}
    assert screen.percents == {"delivery_completion": 0.955, "on_time_delivery": 0.885}


@pytest.mark.parametrize(
    ("seen", "value"),
    [
        ("98.5%", 0.985),
        ("98.5o", 0.985),  # "%" read as "o"
        ("98.5°", 0.985),
        ("98.59", 0.985),  # "%" read as "9": the app shows one decimal
        ("989", 0.98),  # over 100: the last 9 was the "%"
        ("1009", 1.0),
        ("1o0%", 1.0),  # an O for a zero
        ("97", 0.97),
    ],
)
def test_it_reads_a_percentage_as_ocr_sees_it(seen: str, value: float) -> None:
    assert read_standing_screen(f"Delivered on time {seen}").percents == {"on_time_delivery": value}


def test_a_count_beside_a_label_is_not_a_percentage() -> None:
    screen = read_standing_screen("Delivered on time in the last 30 days: 97%")
    assert screen.percents == {"on_time_delivery": 0.97}
    assert read_standing_screen("Delivery completion rate 100 blocks").percents == {}


def test_a_tier_with_one_wrong_letter_is_still_read() -> None:
    assert read_standing_screen("Standing\nFantastlc").tier == "fantastic"


def test_text_with_no_standing_finds_nothing() -> None:
    screen = read_standing_screen("Hello, thanks for contacting Amazon Flex support.")
    assert not screen.found_anything
    assert read_standing_screen(CLEAN, platform="doordash") == read_standing_screen("")
