"""Every draft for an option names the driver and the account, says it is a draft to check and
not legal advice, and passes the tone check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.appeal.option_drafts import HEADING, NoDraft, draft_for
from reinstate.rules.appeal.options import DRAFTED, Decision, Option, OptionFacts, options_for
from reinstate.rules.appeal.shape import AppealFacts
from reinstate.rules.appeal.tone import check_tone
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.options import load_options

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=LA)
APPEAL = AppealFacts(
    driver_name="Dana Reyes",
    legal_name="Dana Reyes",
    platform_account="dana@example.com",
    platform_name="Grubhub",
    reason="background_check",
    reason_title="Background check",
    notice_date=date(2026, 11, 2),
    notice_references=("CASE-4471",),
)
CASE = OptionFacts(
    platform="grubhub",
    reason="background_check",
    background_check=True,
    state="WA",
    city="Seattle",
    tz=LA,
    received_at=datetime(2026, 11, 2, 16, 0, tzinfo=LA),
    sent_at=datetime(2026, 11, 5, 10, 0, tzinfo=LA),
    decision=Decision(outcome="denied", on=datetime(2026, 12, 1, 9, 0, tzinfo=LA)),
)
# Between them, every drafted option: a Seattle Grubhub background-check case (complaint, FCRA),
# a Spark driver in California (second review, arbitration, CCPA), a UK Flex driver (GDPR), and
# a driver still waiting (follow-up).
CASES = {
    "seattle": (CASE, APPEAL),
    "california_spark": (
        replace(CASE, platform="walmart_spark", state="CA", city="Fresno"),
        replace(APPEAL, platform_name="Walmart Spark"),
    ),
    "uk_flex": (
        replace(CASE, platform="amazon_flex", country="GB", state=None, city="Leeds"),
        replace(APPEAL, platform_name="Amazon Flex", legal_name="", driver_name="dana"),
    ),
    "waiting": (replace(CASE, decision=None), APPEAL),
}


def drafted() -> list[tuple[str, Option, OptionFacts, AppealFacts]]:
    found = []
    for name, (case, appeal) in CASES.items():
        for option in options_for(case, load_catalogue(), load_options(), now=NOW):
            if option.draft and option.key in DRAFTED:
                found.append((name, option, case, appeal))
    return found


def test_the_cases_cover_every_drafted_option() -> None:
    assert {option.key for _, option, _, _ in drafted()} == DRAFTED


@pytest.mark.parametrize(
    ("name", "option", "case", "appeal"),
    drafted(),
    ids=[f"{name}-{option.key}" for name, option, _, _ in drafted()],
)
def test_each_draft_is_polite_named_and_marked_as_a_draft(
    name: str, option: Option, case: OptionFacts, appeal: AppealFacts
) -> None:
    draft = draft_for(option, appeal, case, load_catalogue())
    assert check_tone(draft.full()) == [], draft.full()
    assert "not legal advice" in draft.heading and "draft to check" in draft.heading.lower()
    assert draft.heading == HEADING and draft.full().startswith(f"Draft: {option.title}")
    assert appeal.driver_name in draft.text  # signed with the legal name, else the user name
    assert "dana@example.com" in draft.text  # the account the platform knows
    assert "CASE-4471" in draft.text  # the notice's reference
    assert "legal advice" not in draft.text  # the heading is not part of what is sent


def test_the_data_request_follows_the_drivers_law() -> None:
    by_case = {(n, o.key): draft_for(o, a, c, load_catalogue()) for n, o, c, a in drafted()}
    ccpa = by_case[("california_spark", "data_access_request")]
    assert "California Consumer Privacy Act" in ccpa.text and "45 days" in ccpa.text
    gdpr = by_case[("uk_flex", "data_access_request")]
    assert "Article 15 of UK GDPR" in gdpr.text and "15 and 22" in gdpr.subject
    assert "one month" in gdpr.text


def test_the_complaint_names_the_law_and_what_it_gives() -> None:
    by_case = {(n, o.key): draft_for(o, a, c, load_catalogue()) for n, o, c, a in drafted()}
    complaint = by_case[("seattle", "regulator_complaint")]
    assert "SMC 8.40" in complaint.subject
    assert "The records behind the decision" in complaint.text
    assert "Seattle, WA" in complaint.text
    assert "1 December 2026" in complaint.text


def test_an_option_without_a_draft_says_so() -> None:
    help_option = options_for(CASE, load_catalogue(), load_options(), now=NOW)[-1]
    assert help_option.key == "legal_help"
    with pytest.raises(NoDraft):
        draft_for(help_option, APPEAL, CASE, load_catalogue())
