"""Misspelt key words are read as meant, and the reading still shows the notice's own words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from reinstate.rules.notice.patterns import fold
from reinstate.rules.notice.reader import read_notice
from reinstate.rules.notice.spelling import respell

NY = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=NY)


def test_it_reads_a_key_word_with_two_letters_swapped():
    reading = read_notice("Your account has been deactiavted.", received=RECEIVED, tz=NY)
    assert reading.kind == "deactivation"


def test_it_shows_the_notices_own_words_for_a_respelt_phrase():
    text = "Hi, your accont was suspnded. A customer reported rude behaviour at the door."
    reading = read_notice(text, received=RECEIVED, tz=NY)
    assert reading.kind == "deactivation"
    for phrase in reading.all_phrases:
        assert text[phrase.start : phrase.end] == phrase.text
    assert any("suspnded" in p.text for p in reading.kind_phrases)
    # a phrase after a shorter misspelling is mapped back to where it is in the notice
    assert [p.text for p in reading.reason_phrases] == ["rude", "behaviour"]


def test_it_maps_offsets_after_a_word_that_grew_or_shrank():
    scan = "We terminatd your accounnt today, then reinstatted it."
    respelt = respell(scan)
    assert respelt.text == "We terminated your account today, then reinstated it."
    today = respelt.text.index("today")
    assert respelt.original(today) == scan.index("today")
    word = respelt.text.index("reinstated")
    start = respelt.original(word)
    end = respelt.original(word + len("reinstated"), end=True)
    assert scan[start:end] == "reinstatted"


def test_it_leaves_right_words_and_common_neighbours_alone():
    for text in (
        "Your weekly earning summary is ready.",
        "We could not identify the package.",
        "Your account was deactivated.",
        "Tu participación y tu cuenta son elegibles.",
        "El mensaje llegó más tarde.",
        "Suspendimos tu cuenta.",  # a real word of the catalogue, one slip from "suspendidos"
    ):
        assert respell(text).text == text


def test_it_respells_only_when_one_key_word_fits():
    # "terminatd" is one slip from "terminate" and "terminated": the last letter decides
    assert respell("terminatd").text == "terminated"
    # short words have too many real neighbours to be respelt
    assert respell("closd").text == "closd"


def test_it_reads_texting_short_forms_as_the_words_they_stand_for():
    assert respell(fold("pls verify ur identity w/ a selfie b4 ur next trip.")).text == (
        "please verify your identity with a selfie before your next trip."
    )
    assert respell(fold("thank u.")).text == "thank you."


def test_it_leaves_abbreviations_that_look_like_short_forms_alone():
    for text in ("the U.S. Department of Labor", "see the Q&A", "ur-ban", "u/s"):
        assert respell(fold(text)).text == text
