from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Window
from reinstate.rules.deadlines.decision import apply_window, decide_deadline
from reinstate.rules.notice.reading import NoticeReading, Phrase, References, StatedDeadline

PACIFIC = ZoneInfo("America/Los_Angeles")
EASTERN = ZoneInfo("America/New_York")
# A Monday morning, well clear of daylight-saving changes and holidays.
RECEIVED = datetime(2026, 11, 2, 9, 0, tzinfo=PACIFIC)


def reading(
    platform: str | None = "amazon_flex",
    kind: str = "deactivation",
    reason: str | None = "performance_metrics",
    stated: StatedDeadline | None = None,
) -> NoticeReading:
    return NoticeReading(
        platform=platform,
        kind=kind,
        reason=reason,
        stated_deadline=stated,
        platform_phrases=[],
        kind_phrases=[],
        reason_phrases=[],
        references=References(),
    )


def stated(at: datetime, text: str = "within 3 days of this message") -> StatedDeadline:
    return StatedDeadline(
        at=at, text=text, rule="within N days", phrase=Phrase(text, 0, len(text), "deadline")
    )


def decide(r: NoticeReading, *, state: str | None = None, city: str | None = None, **kw):
    return decide_deadline(
        r, received=kw.get("received", RECEIVED), tz=kw.get("tz", PACIFIC), state=state, city=city
    )


def law_keys(decision) -> list[str]:
    return [note.law.key for note in decision.laws]


def test_it_uses_the_notice_deadline_first():
    at = datetime(2026, 11, 5, 12, 0, tzinfo=EASTERN)
    decision = decide(reading(stated=stated(at)))
    assert decision.deadline == at
    assert decision.deadline is not None and decision.deadline.tzinfo == PACIFIC
    assert decision.source == "notice"
    assert decision.words == "within 3 days of this message"
    assert "within 3 days of this message" in decision.rule
    assert decision.confidence == "stated"
    assert not decision.is_default
    assert not decision.ask_support_to_confirm


def test_the_notice_deadline_wins_even_over_an_earlier_law_limit():
    at = RECEIVED + timedelta(days=300)
    r = reading(
        "doordash", "deactivation", "background_check", stated=stated(at, "within 300 days")
    )
    decision = decide(r, state="TX")
    assert decision.source == "notice"
    assert decision.deadline == at
    fcra = decision.laws[0]
    assert fcra.law.key == "fcra" and fcra.deadline == RECEIVED + timedelta(days=60)


def test_it_uses_the_platform_window_when_the_notice_states_none():
    decision = decide(reading())
    assert decision.deadline == datetime(2026, 11, 12, 9, 0, tzinfo=PACIFIC)
    assert decision.source == "platform"
    assert decision.is_default
    assert decision.ask_support_to_confirm
    assert decision.confidence == "reported"
    assert decision.words is None
    assert decision.source_url and decision.source_url.startswith("https://")
    assert "10 calendar days" in decision.rule
    assert "Amazon Flex" in decision.rule
    assert "not confirmed" in decision.rule


def test_it_uses_doordash_seattle_window_in_seattle():
    r = reading("doordash", "deactivation", "delivery_disputes")
    assert decide(r, state="WA", city="Seattle").deadline == RECEIVED + timedelta(days=90)
    assert decide(r, state="WA", city="Tacoma").deadline == datetime(
        2027, 11, 2, 9, 0, tzinfo=PACIFIC
    )
    assert decide(r, state="WA", city="Seattle").confidence == "official"


def test_it_uses_a_cautious_estimate_for_an_unknown_platform():
    decision = decide(reading(platform=None, reason="unknown"))
    assert decision.deadline == RECEIVED + timedelta(days=7)
    assert decision.source == "platform"
    assert decision.confidence == "estimate"
    assert decision.is_default and decision.ask_support_to_confirm
    assert "estimate" in decision.rule
    assert decision.source_url is None  # our own research note is not a web page


def test_a_warning_gets_the_shorter_cautious_window():
    decision = decide(reading(kind="warning"))
    assert decision.deadline == RECEIVED + timedelta(days=7)
    assert decision.confidence == "estimate"


def test_uber_gives_7_days_to_answer_a_safety_report():
    decision = decide(reading("uber", "warning", "conduct_or_safety"))
    assert decision.deadline == RECEIVED + timedelta(days=7)
    assert decision.confidence == "official"
    assert decision.source_url == "https://www.uber.com/en-US/blog/new-reports-experience"


def test_an_earlier_law_limit_replaces_the_platform_window():
    r = reading("doordash", "deactivation", "background_check")
    decision = decide(r, state="TX")
    assert decision.source == "law"
    assert decision.deadline == datetime(2027, 1, 1, 9, 0, tzinfo=PACIFIC)
    assert "Fair Credit Reporting Act" in decision.rule
    assert "60 calendar days" in decision.rule
    assert decision.is_default and decision.ask_support_to_confirm
    assert decision.confidence == "reported"
    assert decision.source_url == "https://peoplefacts.com/adverseaction/"


def test_a_later_law_limit_is_listed_beside_the_platform_window():
    decision = decide(reading("amazon_flex", "deactivation", "background_check"), state="TX")
    assert decision.source == "platform"
    assert decision.deadline == RECEIVED + timedelta(days=10)
    [fcra] = decision.laws
    assert fcra.law.key == "fcra"
    assert fcra.deadline == RECEIVED + timedelta(days=60)
    assert fcra.window is not None and fcra.window.confidence == "reported"
    assert "background check" in fcra.why.lower()


def test_the_fcra_wait_is_about_five_calendar_days_by_custom():
    # Received the Tuesday before Thanksgiving: the custom says five days, not business days,
    # so the holiday and the weekend are not skipped (the earlier reading).
    received = datetime(2026, 11, 24, 9, 0, tzinfo=PACIFIC)
    r = reading("doordash", "under_review", "background_check")
    decision = decide(r, received=received)
    [fcra] = decision.laws
    assert fcra.deadline == datetime(2026, 11, 29, 9, 0, tzinfo=PACIFIC)
    # Five days end before the cautious seven, so the custom gives the deadline, saying so.
    assert decision.deadline == fcra.deadline
    assert decision.source == "law"
    assert "custom, not the law" in decision.rule
    assert "5 calendar days" in decision.rule
    assert decision.confidence == "reported"


def test_it_lists_the_seattle_ordinance_for_delivery_in_seattle():
    decision = decide(
        reading("amazon_flex", "deactivation", "delivery_disputes"), state="WA", city="Seattle"
    )
    assert law_keys(decision) == ["seattle_smc_8_40"]
    [note] = decision.laws
    assert "Seattle" in note.why
    assert "not confirmed" in note.why  # whether it covers Amazon Flex
    assert note.deadline is None
    assert note.law.source.startswith("https://")


def test_it_lists_the_washington_rules_for_rideshare_statewide():
    decision = decide(
        reading("lyft", "deactivation", "conduct_or_safety"), state="WA", city="Spokane"
    )
    assert law_keys(decision) == ["wa_tnc"]
    uber_in_seattle = decide(reading("uber", "deactivation", "unknown"), state="WA", city="Seattle")
    assert law_keys(uber_in_seattle) == ["seattle_smc_8_40", "wa_tnc"]


def test_it_lists_the_minnesota_law_for_rideshare_from_december_2024():
    r = reading("uber", "deactivation", "conduct_or_safety")
    assert "mn_181c" in law_keys(decide(r, state="MN", city="Minneapolis"))
    before = datetime(2024, 11, 15, 9, 0, tzinfo=PACIFIC)
    assert "mn_181c" not in law_keys(decide(r, state="MN", received=before))
    delivery = reading("doordash", "deactivation", "conduct_or_safety")
    assert "mn_181c" not in law_keys(decide(delivery, state="MN"))


def test_it_lists_no_law_when_none_applies():
    assert decide(reading(), state="TX", city="Austin").laws == []


@pytest.mark.parametrize("kind", ["appeal_granted", "information"])
def test_it_gives_no_deadline_when_nothing_is_to_be_done(kind: str):
    decision = decide(reading(kind=kind, reason=None), state="WA", city="Seattle")
    assert decision.deadline is None
    assert decision.source is None
    assert decision.rule
    assert decision.confidence is None
    assert not decision.ask_support_to_confirm
    assert decision.laws == []


def test_calendar_days_keep_the_clock_time_across_daylight_saving():
    received = datetime(2026, 10, 30, 9, 0, tzinfo=PACIFIC)  # PDT; clocks go back on 1 November
    decision = decide(reading(), received=received)
    assert decision.deadline == datetime(2026, 11, 9, 9, 0, tzinfo=PACIFIC)
    assert decision.deadline is not None and decision.deadline.utcoffset() == timedelta(hours=-8)


def test_the_deadline_is_given_in_the_drivers_time_zone():
    received = datetime(2026, 11, 2, 17, 0, tzinfo=UTC)
    decision = decide(reading(), received=received, tz=EASTERN)
    assert decision.deadline is not None
    assert decision.deadline.tzinfo == EASTERN
    assert decision.deadline == datetime(2026, 11, 12, 12, 0, tzinfo=EASTERN)


def test_business_windows_skip_weekends_and_holidays():
    window = Window(
        label="test",
        days=3,
        unit="business",
        source="https://example.org",
        confidence="estimate",
        checked=date(2026, 12, 4),
    )
    thursday = datetime(2026, 12, 31, 10, 0, tzinfo=EASTERN)  # New Year's Day follows
    assert apply_window(window, thursday, EASTERN) == datetime(2027, 1, 6, 10, 0, tzinfo=EASTERN)


def test_it_refuses_a_naive_received_time():
    with pytest.raises(ValueError, match="aware"):
        decide(reading(), received=datetime(2026, 11, 2, 9, 0))


def test_it_accepts_a_catalogue_passed_in():
    catalogue = load_catalogue()
    decision = decide_deadline(
        reading(), received=RECEIVED, tz=PACIFIC, state=None, city=None, catalogue=catalogue
    )
    assert decision.source == "platform"
