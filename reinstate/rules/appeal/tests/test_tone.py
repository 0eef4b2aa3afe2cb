from __future__ import annotations

import pytest

from reinstate.rules.appeal.tone import check_tone


def codes(text: str) -> list[str]:
    return [f.code for f in check_tone(text)]


def test_it_passes_a_professional_letter() -> None:
    text = (
        "On 3 November I arrived 12 minutes late to the Hawthorne station (DLA7) because the "
        "gate was locked; Exhibit A shows the GPS trace. I understand the on-time policy and "
        "I have changed how I plan my blocks. Support ticket 123-ABC is attached as Exhibit B."
    )
    assert check_tone(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("THIS IS COMPLETELY UNFAIR TO ME", "shouting"),
        ("I did nothing wrong!!!", "exclamations"),
        ("Your support agents are incompetent.", "insult"),
        ("If you do not reinstate me I will sue you.", "threat"),
        ("I'll call my lawyer tomorrow.", "threat"),
        ("I will go to the media with this.", "threat"),
        ("It was the customer's fault, not my fault.", "blame"),
        ("This is bullshit.", "profanity"),
    ],
)
def test_it_flags_each_problem(text: str, code: str) -> None:
    assert code in codes(text)


def test_acronyms_are_not_shouting() -> None:
    assert codes("The GPS log and my ID show the DNR was at 5 PM.") == []


def test_a_finding_points_at_its_words_and_says_what_to_do() -> None:
    text = "Please review. You are idiots."
    (finding,) = check_tone(text)
    assert text[finding.start : finding.end] == "idiots"
    assert finding.severity == "error" and finding.fix


def test_it_does_not_read_an_address_in_capitals_as_shouting():
    text = "My account email is DANA.REYES@EXAMPLE.COM and the page is HTTPS://EXAMPLE.COM/APPEALS."
    assert [f.code for f in check_tone(text)] == []
    assert [f.code for f in check_tone("PLEASE REVIEW MY ACCOUNT NOW")] == ["shouting"]
