"""Which options a driver sees, per platform and per law, and each one's clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.appeal.options import (
    KEYS,
    Decision,
    Option,
    OptionFacts,
    add_months,
    option_keys,
    options_for,
)
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.options import Clock, Escalation, Help, Regulator, load_options
from reinstate.rules.catalogue.types import Fact
from reinstate.rules.notice.reading import PLATFORMS

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=LA)
DENIED = Decision(outcome="denied", on=datetime(2026, 12, 1, 9, 0, tzinfo=LA))
BASE = OptionFacts(
    platform="amazon_flex",
    reason="performance_metrics",
    state="OH",
    city="Columbus",
    tz=LA,
    received_at=datetime(2026, 11, 2, 16, 0, tzinfo=LA),
    deadline=datetime(2026, 11, 12, 16, 0, tzinfo=LA),
    deadline_rule="10 calendar days from the notice (drivers report)",
    deadline_source="https://www.ridesharingforum.com/t/amazon-flex/408",
    deadline_confidence="reported",
    sent_at=datetime(2026, 11, 5, 10, 0, tzinfo=LA),
    decision=DENIED,
)


def options(facts: OptionFacts, now: datetime = NOW) -> list[Option]:
    return options_for(facts, load_catalogue(), load_options(), now=now)


def option(facts: OptionFacts, key: str) -> Option:
    found = [o for o in options(facts) if o.key == key]
    assert len(found) == 1, option_keys(options(facts))
    return found[0]


def test_a_seattle_grubhub_driver_sees_the_ols_complaint() -> None:
    facts = replace(BASE, platform="grubhub", state="WA", city="Seattle")
    complaint = option(facts, "regulator_complaint")
    assert "Seattle Office of Labor Standards" in complaint.who
    assert complaint.law == "seattle_smc_8_40"
    assert "SMC 8.40" in complaint.clock_source
    assert complaint.source.startswith("https://")
    assert complaint.draft


def test_an_ohio_flex_driver_sees_no_complaint_but_arbitration_and_legal_help() -> None:
    keys = option_keys(options(BASE))
    assert "regulator_complaint" not in keys
    assert "data_access_request" not in keys  # no California, UK or EU rights
    assert "fcra_dispute" not in keys
    assert keys == ["arbitration", "legal_help"]


def test_the_flex_arbitration_option_says_what_the_clause_fee_and_filing_are() -> None:
    arbitration = option(BASE, "arbitration")
    details = {d.key: d for d in arbitration.details}
    assert {"clause", "opt_out", "provider_fee"} <= set(details)
    assert "AAA" in details["provider_fee"].text
    assert any("Waithaka" in d.text for d in arbitration.details)  # platforms.toml's facts
    assert arbitration.confidence in ("reported", "estimate")  # the weakest of its facts
    assert "30 days" in arbitration.clock_source
    assert arbitration.deadline is None


def test_a_seattle_flex_complaint_is_marked_uncertain_coverage() -> None:
    complaint = option(replace(BASE, state="WA", city="Seattle"), "regulator_complaint")
    assert complaint.confidence == "estimate"
    assert complaint.details[0].text.startswith("UNCERTAIN")


@pytest.mark.parametrize(
    ("platform", "state", "city", "law"),
    [
        ("doordash", "NY", "Brooklyn", "nyc_delivery"),
        ("uber", "MN", "Minneapolis", "mn_181c"),
        ("lyft", "CO", "Denver", "co_tnc"),
        ("instacart", "CO", "Denver", "co_dnc"),
        ("lyft", "WA", "Spokane", "wa_tnc"),
    ],
)
def test_each_law_with_an_agency_brings_its_complaint(
    platform: str, state: str, city: str, law: str
) -> None:
    facts = replace(BASE, platform=platform, state=state, city=city)
    assert option(facts, "regulator_complaint").law == law


def test_minnesota_delivery_drivers_get_no_rideshare_complaint() -> None:
    facts = replace(BASE, platform="doordash", state="MN", city="Minneapolis")
    assert "regulator_complaint" not in option_keys(options(facts))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_platform_ends_with_legal_help_after_a_denial(platform: str) -> None:
    found = options(replace(BASE, platform=platform, state="CA", city="Oakland"))
    assert found[-1].key == "legal_help"
    assert found[-1].draft is False
    assert {o.key for o in found} <= set(KEYS)
    assert "data_access_request" in option_keys(found)
    for each in found:
        assert each.clock_source.strip()
        assert each.source.startswith("http"), each


@pytest.mark.parametrize(
    ("platform", "second_review"),
    [("walmart_spark", True), ("uber", False), ("amazon_flex", False), ("doordash", False)],
)
def test_second_review_where_the_platform_has_one(platform: str, second_review: bool) -> None:
    keys = option_keys(options(replace(BASE, platform=platform)))
    assert ("second_review" in keys) is second_review


def test_uber_panels_are_only_for_seattle_and_new_york() -> None:
    seattle = option(replace(BASE, platform="uber", state="WA", city="Seattle"), "second_review")
    assert "Seattle" in seattle.title
    nyc = option(replace(BASE, platform="uber", state="NY", city="Queens"), "second_review")
    assert "New York" in nyc.title


def test_a_background_check_case_gets_the_fcra_dispute_with_its_clock() -> None:
    facts = replace(BASE, reason="background_check", background_check=True)
    fcra = option(facts, "fcra_dispute")
    assert fcra.deadline is None  # the clock starts when the dispute goes out
    assert "30 days" in fcra.clock_source and "45" in fcra.clock_source
    assert "1681i" in fcra.clock_source
    sent = datetime(2026, 12, 4, 15, 0, tzinfo=LA)
    fcra = option(replace(facts, requests_sent={"fcra_dispute": sent}), "fcra_dispute")
    assert fcra.deadline is not None
    assert fcra.deadline.date() == date(2027, 1, 3)  # 30 days from the day it is sent
    assert fcra.deadline.tzinfo is not None


def test_the_fcra_dispute_is_offered_before_the_decision_too() -> None:
    facts = replace(BASE, reason="background_check", background_check=True, decision=None)
    assert option_keys(options(facts)) == ["follow_up", "fcra_dispute", "legal_help"]


def test_a_california_driver_gets_the_ccpa_request_with_45_days() -> None:
    facts = replace(BASE, state="CA", city="Los Angeles")
    request = option(facts, "data_access_request")
    assert "45 days" in request.clock_source
    assert "CCPA" in request.title or "California" in request.title
    sent = datetime(2026, 12, 4, 9, 0, tzinfo=LA)
    request = option(replace(facts, requests_sent={"data_access_request": sent}), request.key)
    assert request.deadline is not None
    assert request.deadline.date() == date(2026, 12, 4) + timedelta(days=45)


@pytest.mark.parametrize(("country", "law"), [("GB", "UK GDPR"), ("EU", "(GDPR")])
def test_uk_and_eu_flex_drivers_get_a_gdpr_request_with_one_month(country: str, law: str) -> None:
    facts = replace(BASE, country=country, state=None, city="London")
    request = option(facts, "data_access_request")
    assert law in request.title
    assert "one month" in request.clock_source.lower()
    sent = datetime(2027, 1, 31, 9, 0, tzinfo=LA)
    request = option(replace(facts, requests_sent={"data_access_request": sent}), request.key)
    assert request.deadline is not None and request.deadline.date() == date(2027, 2, 28)
    assert "legal_help" in option_keys(options(facts))


def test_before_sending_the_appeal_and_then_the_follow_up() -> None:
    unsent = replace(BASE, sent_at=None, decision=None)
    assert option_keys(options(unsent, now=datetime(2026, 11, 3, tzinfo=LA)))[0] == "send_appeal"
    send = option(unsent, "send_appeal")
    assert send.deadline == BASE.deadline and send.clock_source == BASE.deadline_rule
    follow = option(replace(BASE, decision=None), "follow_up")
    assert follow.deadline is not None and follow.deadline.date() == date(2026, 11, 8)
    assert "REINSTATE_FOLLOW_UP_DAYS" in follow.clock_source
    assert follow.draft
    paced = replace(
        BASE,
        decision=None,
        follow_up_on=date(2026, 11, 16),
        follow_up_rule="21 calendar days after sending: the time Amazon reportedly says",
        follow_up_source="https://www.ridesharingforum.com/t/408",
        follow_up_confidence="reported",
    )
    follow = option(paced, "follow_up")
    assert follow.deadline is not None and follow.deadline.date() == date(2026, 11, 16)
    assert follow.clock_source.startswith("21 calendar days") and follow.confidence == "reported"


def test_the_protective_appeal_comes_first_in_the_last_24_hours() -> None:
    unsent = replace(BASE, sent_at=None, decision=None)
    assert BASE.deadline is not None
    late = BASE.deadline - timedelta(hours=5)
    assert option_keys(options(unsent, now=late))[:2] == ["protective_appeal", "send_appeal"]
    early = BASE.deadline - timedelta(hours=25)
    assert "protective_appeal" not in option_keys(options(unsent, now=early))


def test_nothing_to_do_once_the_appeal_is_granted() -> None:
    assert options(replace(BASE, decision=Decision(outcome="granted"))) == []


def test_no_answer_means_follow_up_and_the_routes_beyond() -> None:
    keys = option_keys(options(replace(BASE, decision=Decision(outcome="no_answer"))))
    assert keys[0] == "follow_up" and "arbitration" in keys


def test_every_option_json_has_the_contract_fields() -> None:
    facts = replace(BASE, state="CA", reason="background_check", background_check=True)
    for each in options(facts):
        assert set(each.as_json()) == {
            "key",
            "title",
            "who",
            "how",
            "deadline",
            "clock_source",
            "draft",
            "source",
            "confidence",
        }


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(date(2026, 1, 15), 1) == date(2026, 2, 15)
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)


def test_the_options_catalogue_agrees_with_the_main_catalogue() -> None:
    catalogue, extra = load_catalogue(), load_options()
    for entry in extra.escalations:
        names = [c.name for c in catalogue.platform(entry.platform).escalation]
        assert entry.name in names, (entry.platform, entry.name)
    for law in extra.regulators:
        assert law in catalogue.laws, law


def test_every_options_entry_is_sourced_dated_and_says_why_when_estimated() -> None:
    extra = load_options()
    entries: list[Clock | Escalation | Regulator | Help | Fact] = [
        *extra.clocks.values(),
        *extra.escalations,
    ]
    entries += [*extra.regulators.values(), *extra.help]
    for arbitration in extra.arbitration.values():
        entries += [arbitration.clause, arbitration.filing, arbitration.fee]
        entries += [arbitration.opt_out] if arbitration.opt_out else []
    for entry in entries:
        assert entry.source.startswith(("https://", "http://")), entry
        assert date(2025, 1, 1) <= entry.checked <= date(2026, 12, 4), entry
        if entry.confidence == "estimate":
            assert getattr(entry, "note", None), entry
