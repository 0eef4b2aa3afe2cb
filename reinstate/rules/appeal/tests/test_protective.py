"""The protective appeal: short, polite, names the driver, the account and the notice; promises
a day the driver can keep; offered exactly when nothing is sent 24 hours before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.rules.appeal.protective import draft_protective, follow_by, protective_due
from reinstate.rules.appeal.shape import AppealFacts
from reinstate.rules.appeal.tone import check_tone

PACIFIC = ZoneInfo("America/Los_Angeles")
DEADLINE = datetime(2026, 11, 12, 23, 59, tzinfo=PACIFIC)
NOW = datetime(2026, 11, 12, 9, 0, tzinfo=PACIFIC)  # a Thursday, 15 hours before
FACTS = AppealFacts(
    driver_name="Dana Reyes",
    legal_name="Dana Reyes",
    platform_account="dana@example.com",
    platform_name="Amazon Flex",
    reason="performance_metrics",
    notice_date=date(2026, 11, 2),
    deadline=DEADLINE,
    notice_references=("FLX-4471-220",),
)


def test_it_appeals_and_promises_the_full_appeal_by_a_day() -> None:
    text = draft_protective(FACTS, now=NOW, tz=PACIFIC)
    assert text.startswith("Dear Amazon Flex team,")
    assert "I appeal the decision to deactivate my Amazon Flex account (dana@example.com)" in text
    assert "notified on 2 November 2026" in text
    assert "FLX-4471-220" in text
    assert "My full appeal and my evidence will follow by Thursday 19 November 2026." in text
    assert text.endswith(
        "Sincerely,\nDana Reyes\nAmazon Flex account: dana@example.com\nReference: FLX-4471-220"
    )
    assert len(text) < 900  # short: it is sent in a hurry, often into a small form


def test_it_passes_the_tone_check() -> None:
    assert check_tone(draft_protective(FACTS, now=NOW, tz=PACIFIC)) == []
    bare = replace(FACTS, platform_account="", platform_name="", notice_references=())
    assert check_tone(draft_protective(bare, now=NOW, tz=PACIFIC)) == []


def test_without_an_account_or_references_it_still_reads() -> None:
    bare = replace(
        FACTS, driver_name="dana", platform_account="", platform_name="", notice_references=()
    )
    text = draft_protective(bare, now=NOW, tz=PACIFIC)
    assert text.startswith("Dear Support team,")
    assert "deactivate my account, notified on" in text
    assert text.endswith("Sincerely,\ndana")


def test_the_promised_day_is_a_week_away_or_the_deadline_when_that_is_sooner() -> None:
    today = date(2026, 11, 12)
    assert follow_by(today=today, deadline_day=None) == date(2026, 11, 19)
    assert follow_by(today=today, deadline_day=date(2026, 12, 1)) == date(2026, 11, 19)
    assert follow_by(today=today, deadline_day=date(2026, 11, 16)) == date(2026, 11, 16)
    assert follow_by(today=today, deadline_day=date(2026, 11, 14)) == date(2026, 11, 14)
    # today or tomorrow: the full appeal comes after the deadline anyway; a keepable week
    assert follow_by(today=today, deadline_day=date(2026, 11, 13)) == date(2026, 11, 19)
    assert follow_by(today=today, deadline_day=today) == date(2026, 11, 19)
    assert follow_by(today=today, deadline_day=date(2026, 11, 1)) == date(2026, 11, 19)


def test_after_the_deadline_it_does_not_claim_to_be_in_time() -> None:
    in_time = draft_protective(FACTS, now=NOW, tz=PACIFIC)
    late = draft_protective(FACTS, now=DEADLINE + timedelta(hours=2), tz=PACIFIC)
    assert "within the time allowed" in in_time
    assert "within the time allowed" not in late and "so that my appeal is on record" in late
    assert check_tone(late) == []


def test_the_day_is_the_driver_s_day() -> None:
    late_evening = datetime(2026, 11, 12, 23, 0, tzinfo=PACIFIC)  # already the 13th in UTC
    text = draft_protective(FACTS, now=late_evening.astimezone(ZoneInfo("UTC")), tz=PACIFIC)
    assert "by Thursday 19 November 2026" in text


def test_it_is_offered_exactly_when_nothing_is_sent_24_hours_before() -> None:
    def offered(left: timedelta, **kwargs: bool) -> bool:
        return protective_due(DEADLINE, now=DEADLINE - left, **({"sent": False} | kwargs))

    assert not offered(timedelta(hours=24, seconds=1))
    assert offered(timedelta(hours=24))
    assert offered(timedelta(hours=1))
    assert not offered(timedelta(hours=1), sent=True)
    assert not offered(timedelta(hours=1), closed=True)
    # after the deadline a late appeal may still be read: still offered
    assert offered(-timedelta(hours=5))
    assert not protective_due(None, now=NOW, sent=False)
