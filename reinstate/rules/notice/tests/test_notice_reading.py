"""read_notice: platform, kind, reason, the phrases that show them, references and language."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.deadlines.decision import decide_deadline
from reinstate.rules.notice.patterns import (
    alternation,
    compile_catalogue_pattern,
    load_reading_catalogue,
)
from reinstate.rules.notice.reader import read_notice
from reinstate.rules.notice.reading import KINDS, PLATFORMS, REASONS, NoticeReading
from reinstate.testing.notice_sets import fields, load

NY = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=NY)
FIELDS = ("platform", "kind", "reason", "stated_deadline")


def read(text: str, **kwargs: Any) -> NoticeReading:
    return read_notice(text, received=RECEIVED, tz=NY, **kwargs)


WRITTEN_NOTICES = load("written")


# --- the written set -------------------------------------------------------------------------


@pytest.mark.parametrize("notice", WRITTEN_NOTICES, ids=[n["id"] for n in WRITTEN_NOTICES])
def test_it_reads_every_written_notice_right(notice):
    assert fields(notice) == notice["expect"]


def test_the_written_set_covers_every_label_and_enough_spanish():
    expected = [n["expect"] for n in WRITTEN_NOTICES]
    assert len(WRITTEN_NOTICES) >= 120
    assert {e["platform"] for e in expected} == {*PLATFORMS, None}
    assert {e["kind"] for e in expected} == set(KINDS)
    assert {e["reason"] for e in expected} == {*REASONS, None}
    spanish = [
        n
        for n in WRITTEN_NOTICES
        if read_notice(n["text"], received=RECEIVED, tz=NY).language == "es"
    ]
    assert len(spanish) >= 20
    rules = Counter(
        r.stated_deadline.rule
        for n in WRITTEN_NOTICES
        if (
            r := read_notice(
                n["text"], received=datetime.fromisoformat(n["received"]), tz=ZoneInfo(n["tz"])
            )
        ).stated_deadline
    )
    assert len(rules) == 7  # every row of the deadline table


# --- platform ----------------------------------------------------------------------------------


def test_it_names_the_platform_from_product_words():
    assert read("Heads up, Dasher: your rating dropped.").platform == "doordash"
    assert read("Your Spark Driver account was deactivated.").platform == "walmart_spark"
    assert read("We found missing items on your recent batches.").platform == "instacart"
    assert read("Uber Eats: your account has been deactivated.").platform == "uber"
    assert read("Grubhub for Drivers: your account is on hold.").platform == "grubhub"


def test_it_does_not_guess_a_platform_the_notice_does_not_name():
    reading = read("Your account has been deactivated for violating our Terms of Service.")
    assert reading.platform is None
    assert reading.platform_phrases == []


def test_a_named_platform_outweighs_a_product_hint():
    assert read("Your Shipt shopper account has been deactivated.").platform == "shipt"


def test_the_platform_the_driver_chose_wins():
    text = "Your Uber account has been deactivated."
    assert read(text, platform_hint="lyft").platform == "lyft"
    assert read(text, platform_hint="Uber Eats").platform == "uber"
    assert (
        read("Your account was deactivated.", platform_hint="Amazon Flex").platform == "amazon_flex"
    )


# --- kind ----------------------------------------------------------------------------------------


def test_may_be_deactivated_is_a_warning_not_a_deactivation():
    assert (
        read("If your rating drops below 4.2, your account may be deactivated.").kind == "warning"
    )
    assert (
        read("Your account has been deactivated because your rating is 4.1.").kind == "deactivation"
    )


def test_it_reads_temporarily_locked_and_cant_go_online_as_deactivation():
    assert read("Your Amazon Flex account has been temporarily locked.").kind == "deactivation"
    assert read("Until you add a valid insurance card, you can't go online.").kind == "deactivation"
    assert read("You won't be able to Dash until you update your license.").kind == "deactivation"


def test_deactivated_while_we_investigate_is_under_review():
    assert (
        read("Your Uber account has been deactivated while we investigate.").kind == "under_review"
    )
    notice = "Pre-adverse action notice: your consumer report may affect your eligibility."
    assert read(notice).kind == "under_review"


def test_an_identity_check_with_nothing_removed_is_a_verification_request():
    reading = read(
        "To keep your Shipt account secure, please complete a photo ID verification by Sunday."
    )
    assert (reading.kind, reading.reason) == ("verification_request", "identity_verification")


def test_a_failed_identity_check_that_locks_the_account_is_a_deactivation():
    reading = read("We could not confirm your identity. Your account has been temporarily locked.")
    assert (reading.kind, reading.reason) == ("deactivation", "identity_verification")


def test_it_reads_appeal_outcomes_without_a_reason():
    granted = read("After reviewing your appeal, we've reactivated your Instacart shopper account.")
    denied = read(
        "We have reviewed your appeal and decided to uphold the deactivation. "
        "This decision is final."
    )
    assert (granted.kind, granted.reason) == ("appeal_granted", None)
    assert (denied.kind, denied.reason) == ("appeal_denied", None)


def test_a_denied_reinstatement_is_a_denied_appeal():
    reading = read(
        "We've completed our review of your appeal. We're unable to reactivate your account."
    )
    assert reading.kind == "appeal_denied"


def test_a_pending_appeal_is_under_review_not_an_outcome():
    reading = read("Your account remains deactivated while our team reviews your appeal.")
    assert reading.kind == "under_review"
    assert read("We received your appeal and will review it within 5 days.").kind == "under_review"


def test_a_purpose_is_not_a_reactivation():
    reading = read(
        "Your license expired. Upload a valid license within 14 days to reactivate your account."
    )
    assert reading.kind != "appeal_granted"


def test_a_final_warning_and_a_recorded_violation_are_warnings():
    assert (
        read("Rude behaviour at the station is not allowed. This is a final warning.").kind
        == "warning"
    )
    assert read("You have received a violation for late deliveries.").kind == "warning"


def test_standing_updates_and_tips_are_information_without_a_reason():
    reading = read(
        "Your Amazon Flex standing is Fantastic! Thanks for being a great delivery partner."
    )
    assert (reading.kind, reading.reason) == ("information", None)
    assert read("Tip: you can now swap blocks in the app.").kind == "information"


def test_spanish_notices_are_read_like_english_ones():
    reading = read(
        "Tu cuenta de Spark Driver ha sido desactivada porque otra persona estaba usando tu cuenta."
    )
    assert (reading.platform, reading.kind, reading.reason) == (
        "walmart_spark",
        "deactivation",
        "account_sharing",
    )
    assert reading.language == "es"
    assert (
        read("Si no mejora, tu cuenta podría ser desactivada por llegadas tarde.").kind == "warning"
    )


# --- reason --------------------------------------------------------------------------------------


def test_fraud_named_outright_wins_over_tools_and_gps():
    reading = read(
        "We detected GPS manipulation with a third-party app. This is fraud. "
        "Your account has been deactivated."
    )
    assert reading.reason == "fraud_suspected"


def test_a_deactivation_that_states_no_reason_has_reason_unknown():
    reading = read("Your account has been deactivated. If you have questions, contact support.")
    assert (reading.kind, reading.reason, reading.reason_phrases) == ("deactivation", "unknown", [])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Customers reported packages marked as delivered that they never received.",
            "delivery_disputes",
        ),
        (
            "Your completion rate fell below 80% and you had several late arrivals.",
            "performance_metrics",
        ),
        ("A customer reported that you were threatening during a delivery.", "conduct_or_safety"),
        (
            "Your background check found information in your motor vehicle record.",
            "background_check",
        ),
        ("We detected a bot used to grab blocks on your account.", "unauthorized_tools"),
        ("Your selfie did not match the photo on your driver's license.", "identity_verification"),
        ("Someone else was delivering with your account.", "account_sharing"),
        ("Your vehicle registration has expired.", "documents_expired"),
        ("Payment card misuse was found on your recent batches.", "fraud_suspected"),
    ],
)
def test_it_names_each_reason(text, reason):
    assert read(f"{text} Your account has been deactivated.").reason == reason


# --- explanations and references -------------------------------------------------------------


def test_every_deciding_phrase_points_into_the_original_text():
    text = (
        "Dear Partner,\nWe have decided to end your participation in the Amazon Flex program. "
        "You had repeated late arrivals.\n"
        "You may appeal this decision within 10 calendar days of this message."
    )
    reading = read(text)
    assert reading.all_phrases
    for phrase in reading.all_phrases:
        assert text[phrase.start : phrase.end] == phrase.text
    assert {p.label for p in reading.platform_phrases} == {"amazon_flex"}
    assert {p.label for p in reading.kind_phrases} == {"deactivation"}
    assert {p.label for p in reading.reason_phrases} == {"performance_metrics"}
    assert reading.stated_deadline is not None
    assert reading.stated_deadline.text == "within 10 calendar days of this message"


def test_phrases_keep_original_offsets_when_text_has_accents_and_curly_quotes():
    text = (
        "Tú cuenta ha sido desactivada. You won\u2019t be able to Dash. "
        "Puedes apelar dentro de 10 días."
    )
    reading = read(text)
    for phrase in reading.all_phrases:
        assert text[phrase.start : phrase.end] == phrase.text


def test_it_extracts_ticket_numbers_emails_and_urls_once_each_in_order():
    text = (
        "Ticket #12345678. Case number: 04512345. Case ID 9F3K-22. Referencia: 123456. "
        "Write to appeals@example.com or appeals@example.com, "
        "or visit https://help.example.com/appeal. "
        "Ticket #12345678 again. In case of questions, request a review at www.example.org."
    )
    refs = read(text).references
    assert refs.ticket_numbers == ["12345678", "04512345", "9F3K-22", "123456"]
    assert refs.emails == ["appeals@example.com"]
    assert refs.urls == ["https://help.example.com/appeal", "www.example.org"]


def test_an_empty_notice_reads_as_information():
    reading = read("")
    assert (reading.platform, reading.kind, reading.reason, reading.stated_deadline) == (
        None,
        "information",
        None,
        None,
    )


def test_it_reads_a_naive_received_time_in_the_notice_time_zone():
    reading = read_notice("Appeal within 3 days.", received=datetime(2026, 11, 20, 10, 0), tz=NY)
    assert reading.stated_deadline is not None
    assert reading.stated_deadline.at.isoformat() == "2026-11-23T10:00:00-05:00"


def test_the_catalogue_only_names_labels_the_product_knows():
    catalogue = load_reading_catalogue()
    assert set(catalogue["platforms"]) == set(PLATFORMS)
    assert set(catalogue["kinds"]) == set(KINDS)
    # "unknown" has no phrases: it is what an adverse notice that states no reason gets
    assert set(catalogue["reasons"]) == set(REASONS) - {"unknown"}


def test_a_broken_catalogue_phrase_is_named_in_the_error():
    phrases = ["has been deactivated", "(unclosed group"]
    with pytest.raises(ValueError, match=r"reading\.toml: phrase '\(unclosed group'"):
        compile_catalogue_pattern(alternation(phrases), phrases)


# A pre-adverse action notice: the company's customary wait (about five days under the FCRA,
# by custom) before it acts. It is the platform's own time, never the driver's deadline.
PRE_ADVERSE = (
    "Amazon Flex: we received a background check report about you from Accurate Background. "
    "A copy of the report and a summary of your rights under the Fair Credit Reporting Act are "
    "attached. If anything in the report is wrong, contact Accurate Background to dispute it. "
    "{sentence}"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "A final decision will be made after 5 business days.",
        "A final decision will be made after five (5) business days.",
        "A final decision on your account will be made within 5 business days.",
        "We will make a final decision after 5 business days.",
    ],
)
def test_a_final_decision_after_5_business_days_is_the_platforms_time_not_a_deadline(
    sentence: str,
):
    received = datetime(2026, 12, 1, 10, 0, tzinfo=NY)
    r = read_notice(PRE_ADVERSE.format(sentence=sentence), received=received, tz=NY)
    assert r.reason == "background_check"
    assert r.stated_deadline is None  # no deadline is taken from the company's wait
    decision = decide_deadline(r, received=received, tz=NY, state="OH", city="Columbus")
    assert decision.source != "notice"
    assert decision.words is None
    assert "5 business days" not in decision.rule
