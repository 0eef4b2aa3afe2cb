"""The reader's second opinion: a model of all the words overrules the phrases only when it is
sure, on a notice long enough to judge, and shows the words it went by."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.notice.model import (
    HELD_OUT,
    fingerprint,
    models,
    opinion,
    trained_on,
    training_files,
)
from reinstate.rules.notice.patterns import load_reading_catalogue
from reinstate.rules.notice.reader import read_notice
from reinstate.testing.notice_sets import FOLDER, fields, load

NY = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=NY)


def test_it_was_trained_on_the_labelled_notices_as_they_are_now():
    """A set changed since the model learnt from it: run `make notice-model` and commit."""
    now = fingerprint(training_files(FOLDER))
    assert trained_on() == now
    assert "train_a.jsonl" in now  # the notices written for training alone
    held_out = {"blind7.jsonl", "blind9.jsonl"}
    assert held_out <= HELD_OUT and not held_out & set(now)  # never the sets that measure it


def test_a_notice_worded_past_every_phrase_is_read_by_the_model_with_its_words():
    notice = next(n for n in load("blind7") if n["id"] == "J007")
    said = opinion("kind", notice["text"])
    confident = load_reading_catalogue()["model"]["confident"]["kind"]
    assert (said.label, said.probability >= confident) == ("deactivation", True)
    assert fields(notice)["kind"] == "deactivation"
    reading = read_notice(
        notice["text"], received=datetime.fromisoformat(notice["received"]), tz=NY
    )
    # the reading explains itself with the notice's own words that weighed most
    assert 1 <= len(reading.kind_phrases) <= 4
    for phrase in reading.kind_phrases:
        assert notice["text"][phrase.start : phrase.end] == phrase.text
        assert phrase.label == "deactivation"
        assert len(phrase.text) >= 4  # no "has" or "you": words that explain something


def test_a_sentence_is_too_short_for_the_model_to_overrule_the_phrases():
    text = "Your account remains deactivated while our team reviews your appeal."
    assert opinion("kind", text).label != "under_review"  # the model alone would misread it
    assert read_notice(text, received=RECEIVED, tz=NY).kind == "under_review"


@pytest.mark.parametrize("text", ["", "   ", "12345", "ñ" * 5000, "word " * 4000])
def test_any_text_gets_a_probability_and_words_inside_it(text):
    for field in ("kind", "reason"):
        said = opinion(field, text)
        classes = models()[field].classes
        assert said.label in classes
        assert 1 / len(classes) <= said.probability <= 1
        assert all(0 <= start < end <= len(text) for start, end in said.words())
