"""Drafts for support: filled from the case, citing a law only where the case has it."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from reinstate.rules.appeal.tone import check_tone
from reinstate.rules.comms.support_drafts import CaseFacts, drafts_for

FACTS = CaseFacts(
    platform_name="Amazon Flex",
    reason_key="performance_metrics",
    reason_title="Performance metrics",
    received=datetime(2026, 11, 3, 18, tzinfo=UTC),
    tz=ZoneInfo("America/Los_Angeles"),
    tickets=["4455667", "4455667"],
    law_keys=[],
)


def by_key(facts: CaseFacts) -> dict[str, str]:
    return {draft.key: draft.text for draft in drafts_for(facts)}


def test_every_draft_is_filled_from_the_case_and_passes_the_tone_check() -> None:
    drafts = by_key(FACTS)
    assert list(drafts) == ["exact_reason", "deadline", "records", "human_review"]
    for text in drafts.values():
        assert "November 3, 2026 at 10:00 AM PST" in text
        assert "Amazon Flex" in text and "My ticket number is 4455667." in text
        assert check_tone(text) == []


def test_seattle_drivers_cite_smc_8_40_for_records_and_review() -> None:
    plain = by_key(FACTS)
    seattle = by_key(CaseFacts(**{**FACTS.__dict__, "law_keys": ["seattle_smc_8_40"]}))
    assert "SMC 8.40" not in plain["records"]
    assert "SMC 8.40" in seattle["records"] and "records it relied on" in seattle["records"]
    assert "SMC 8.40" in seattle["human_review"]


def test_background_check_cases_ask_for_the_report_under_the_fcra() -> None:
    assert "background_report" not in by_key(FACTS)
    facts = CaseFacts(**{**FACTS.__dict__, "reason_key": "background_check"})
    text = by_key(facts)["background_report"]
    assert "Fair Credit Reporting Act" in text and "copy of the background report" in text


def test_california_drivers_can_ask_for_their_data_under_the_ccpa() -> None:
    assert "data_access" not in by_key(FACTS)
    text = by_key(CaseFacts(**{**FACTS.__dict__, "law_keys": ["ca_ccpa_workers"]}))["data_access"]
    assert "California Consumer Privacy Act" in text and "within 45 days" in text
    assert "location and GPS data" in text and "My ticket number is 4455667." in text
    assert check_tone(text) == []
