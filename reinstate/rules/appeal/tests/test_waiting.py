"""When to expect the decision and when to follow up, at each platform's pace."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.appeal.waiting import waiting
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Window

LA = ZoneInfo("America/Los_Angeles")


def review(platform: str) -> Window:
    return load_catalogue().platform(platform).review_time


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_it_expects_amazon_flex_to_take_three_weeks() -> None:
    sent = at("2026-11-05T10:00:00-08:00")  # a Thursday
    found = waiting(sent_at=sent, review=review("amazon_flex"), tz=LA, now=sent)
    assert found.decision_expected_by == date(2026, 11, 26)
    assert found.first_follow_up == date(2026, 11, 16)  # halfway: 11 of the 21 days
    assert found.follow_up_on == date(2026, 11, 16)
    assert found.late_follow_up == date(2026, 11, 27)
    assert found.confidence == "reported"
    assert found.rule.startswith("21 calendar days after sending: ")
    assert "three weeks" in found.rule
    assert not found.overdue


def test_a_business_day_platform_skips_weekends() -> None:
    sent = at("2026-12-04T15:00:00-08:00")  # a Friday
    found = waiting(sent_at=sent, review=review("walmart_spark"), tz=LA, now=sent)
    assert found.decision_expected_by == date(2026, 12, 11)  # Mon to Fri, not Wednesday the 9th
    assert found.first_follow_up == date(2026, 12, 9)  # 3 business days
    assert found.late_follow_up == date(2026, 12, 14)  # the Monday after, not the Saturday


def test_a_business_day_platform_skips_federal_holidays() -> None:
    sent = at("2026-11-06T15:00:00-08:00")  # a Friday; Wednesday the 11th is Veterans Day
    found = waiting(sent_at=sent, review=review("doordash"), tz=LA, now=sent)
    assert found.decision_expected_by == date(2026, 11, 16)


def test_the_first_follow_up_is_never_sooner_than_three_days() -> None:
    quick = replace(review("walmart_spark"), days=2)
    sent = at("2026-12-07T09:00:00-08:00")  # a Monday: halfway is Tuesday
    found = waiting(sent_at=sent, review=quick, tz=LA, now=sent)
    assert found.first_follow_up == date(2026, 12, 10)
    assert found.late_follow_up == date(2026, 12, 10)


def test_a_very_short_review_has_only_the_late_follow_up() -> None:
    quick = replace(review("walmart_spark"), days=1)
    sent = at("2026-12-04T09:00:00-08:00")  # a Friday: decided by Monday
    found = waiting(sent_at=sent, review=quick, tz=LA, now=sent)
    assert found.decision_expected_by == date(2026, 12, 7)
    assert found.first_follow_up == found.late_follow_up == date(2026, 12, 8)


def test_the_days_are_the_case_zone_days() -> None:
    sent = at("2026-11-06T06:30:00+00:00")  # still the 5th in Los Angeles
    found = waiting(sent_at=sent, review=review("amazon_flex"), tz=LA, now=sent)
    assert found.sent_on == date(2026, 11, 5)
    assert found.decision_expected_by == date(2026, 11, 26)


def test_it_keeps_following_up_at_the_platform_pace_when_no_answer_comes() -> None:
    sent = at("2026-11-05T10:00:00-08:00")
    flex = review("amazon_flex")

    def follow_up(now: str) -> date:
        return waiting(sent_at=sent, review=flex, tz=LA, now=at(now)).follow_up_on

    assert follow_up("2026-11-16T20:00:00-08:00") == date(2026, 11, 16)  # due today
    assert follow_up("2026-11-17T08:00:00-08:00") == date(2026, 11, 27)
    assert follow_up("2026-11-27T08:00:00-08:00") == date(2026, 11, 27)
    assert follow_up("2026-11-28T08:00:00-08:00") == date(2026, 12, 8)  # 11 days on
    later = waiting(sent_at=sent, review=flex, tz=LA, now=at("2026-12-09T08:00:00-08:00"))
    assert later.follow_up_on == date(2026, 12, 19)
    assert later.overdue


def test_every_platform_gives_a_decision_day_after_the_sending_day() -> None:
    sent = at("2026-12-04T15:00:00-08:00")
    for platform in load_catalogue().platforms.values():
        found = waiting(sent_at=sent, review=platform.review_time, tz=LA, now=sent)
        assert found.sent_on < found.first_follow_up <= found.late_follow_up, platform.key
        assert found.decision_expected_by < found.late_follow_up, platform.key
        assert found.source and found.label, platform.key


def test_it_refuses_a_time_without_a_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        waiting(
            sent_at=datetime(2026, 12, 4, 15, 0),
            review=review("amazon_flex"),
            tz=LA,
            now=at("2026-12-04T15:00:00-08:00"),
        )
