"""A reason told as events is read from the words of the whole notice, or not at all."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from reinstate.rules.notice.reader import read_notice
from reinstate.rules.notice.vocabulary import reason_from_words

NY = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=NY)


def read(text: str):
    return read_notice(text, received=RECEIVED, tz=NY)


def test_it_reads_a_reason_the_notice_only_tells():
    text = (
        "Your account is on hold while we look at orders where you swiped to complete away "
        "from the address and the customers were later refunded."
    )
    reading = read(text)
    assert (reading.kind, reading.reason) == ("under_review", "fraud_suspected")
    # it shows the words it went by, as they are in the notice
    shown = [p.text for p in reading.reason_phrases]
    assert shown == ["swiped", "refunded"]
    assert all(text[p.start : p.end] == p.text for p in reading.reason_phrases)


def test_it_reads_a_spanish_story_too():
    reading = read("Tu cuenta fue desactivada. Un cliente dijo que le gritaste y lo empujaste.")
    assert reading.reason == "conduct_or_safety"


def test_it_says_not_sure_when_two_stories_fit_as_well():
    assert reason_from_words("the refund and the gps") == (None, [])


def test_it_says_not_sure_below_the_threshold():
    assert reason_from_words("a bottle") == (None, [])
    assert read("Your account has been deactivated after a review of recent activity.").reason == (
        "unknown"
    )


def test_a_named_reason_wins_over_the_story():
    reading = read(
        "Your account has been deactivated for fraudulent activity. Refunds were requested "
        "with photos of your car."
    )
    assert reading.reason == "fraud_suspected"
    assert reading.reason_phrases[0].text.lower() == "fraudulent"


def test_an_outcome_takes_no_reason_from_the_story():
    reading = read(
        "We reviewed your appeal. The decision stands: customers were refunded after you swiped."
    )
    assert (reading.kind, reading.reason) == ("appeal_denied", None)
