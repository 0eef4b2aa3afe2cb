"""The deadline grammar: every row of the deadline table, and which deadlines are the driver's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.notice.deadline_grammar import (
    RULE_BUSINESS,
    RULE_DATE,
    RULE_DATE_TIME,
    RULE_DAYS,
    RULE_HOURS,
    RULE_WEEKDAY,
    RULE_WEEKS,
    find_candidates,
    find_stated_deadline,
)

LA = ZoneInfo("America/Los_Angeles")
NY = ZoneInfo("America/New_York")
CHI = ZoneInfo("America/Chicago")
PHX = ZoneInfo("America/Phoenix")


def deadline(text: str, received: str, tz: ZoneInfo = NY, language: str = "en") -> str | None:
    stated = find_stated_deadline(
        text, received=datetime.fromisoformat(received), tz=tz, language=language
    )
    return stated.at.isoformat() if stated else None


def rule(text: str, received: str = "2026-11-20T10:00:00-05:00", tz: ZoneInfo = NY) -> str | None:
    stated = find_stated_deadline(text, received=datetime.fromisoformat(received), tz=tz)
    return stated.rule if stated else None


# --- the table, row by row ---------------------------------------------------------------------


def test_it_counts_hours_as_elapsed_time_across_a_clock_change():
    # 48 hours from noon on Oct 31 2026 (PDT) cross the Nov 1 fall-back: 11:00 PST
    got = deadline("Please reply within 48 hours.", "2026-10-31T12:00:00-07:00", LA)
    assert got == "2026-11-02T11:00:00-08:00"
    assert rule("Please reply within 72 hours.") == RULE_HOURS


def test_it_keeps_the_local_clock_time_for_calendar_days_across_a_clock_change():
    got = deadline("You can appeal within 10 days.", "2026-10-25T09:00:00-07:00", LA)
    assert got == "2026-11-04T09:00:00-08:00"
    got = deadline(
        "You can appeal within 10 calendar days of this message.", "2026-11-02T16:00:00-08:00", LA
    )
    assert got == "2026-11-12T16:00:00-08:00"
    assert rule("You may appeal within 10 days of this email.") == RULE_DAYS


def test_it_reads_weeks_as_seven_days_each():
    assert deadline("You may dispute this within two weeks.", "2026-11-02T10:00:00-05:00") == (
        "2026-11-16T10:00:00-05:00"
    )
    assert rule("Complete the form within 2 weeks of receiving this email.") == RULE_WEEKS


def test_it_reads_business_day_deadlines_skipping_holidays():
    # Fri Nov 6 2026 + 3 business days: Mon 9, Tue 10, (Wed 11 Veterans Day), Thu 12
    got = deadline("Contact support within 3 business days.", "2026-11-06T15:00:00-08:00", LA)
    assert got == "2026-11-12T15:00:00-08:00"
    # Thanksgiving and a weekend are skipped; "working days" means the same
    got = deadline("Send it within 2 working days.", "2026-11-25T17:00:00-05:00")
    assert got == "2026-11-30T17:00:00-05:00"
    assert rule("Appeal within 5 business days.") == RULE_BUSINESS


def test_it_skips_observed_holidays_over_new_year():
    # Wed Dec 30 2026 + 3: Thu 31, (Fri Jan 1), Mon 4, Tue 5
    got = deadline("Submit an appeal within 3 business days.", "2026-12-30T16:00:00-06:00", CHI)
    assert got == "2027-01-05T16:00:00-06:00"


def test_a_date_means_the_end_of_that_local_day():
    assert deadline(
        "Please submit your appeal by December 1, 2026.", "2026-11-20T18:30:00-08:00", LA
    ) == ("2026-12-01T23:59:59-08:00")
    assert deadline("Upload it no later than 11/30/2026.", "2026-11-05T10:00:00-06:00", CHI) == (
        "2026-11-30T23:59:59-06:00"
    )
    assert deadline(
        "Upload a current registration before Dec 15.",
        "2026-12-01T12:00:00-07:00",
        ZoneInfo("America/Denver"),
    ) == ("2026-12-15T23:59:59-07:00")
    assert rule("Please reply by 12/3.") == RULE_DATE


def test_a_date_without_a_year_is_the_next_such_date():
    assert deadline("Appeals must be submitted by Jan 5.", "2026-12-20T10:00:00-08:00", LA) == (
        "2027-01-05T23:59:59-08:00"
    )
    # the received day itself still counts
    assert deadline("Reply by Dec 3.", "2026-12-03T08:00:00-05:00") == "2026-12-03T23:59:59-05:00"


def test_a_date_with_a_clock_time_and_zone_is_that_instant_in_the_notice_zone():
    text = "Reply by December 4, 2026 at 11:59 PM PT."
    assert deadline(text, "2026-11-20T10:00:00-08:00", LA) == "2026-12-04T23:59:00-08:00"
    assert deadline(text, "2026-11-20T10:00:00-05:00", NY) == "2026-12-05T02:59:00-05:00"
    assert deadline(
        "Send a statement by 5:00 PM ET on December 3.", "2026-11-28T11:00:00-08:00", LA
    ) == ("2026-12-03T14:00:00-08:00")
    assert rule("Respond by 5 PM CT on November 20.") == RULE_DATE_TIME


def test_a_zone_abbreviation_follows_daylight_saving_on_that_date():
    # "PT" in July is PDT (UTC-7); Phoenix stays on MST (UTC-7) all year
    got = deadline("Upload it by 10:00 AM PT on July 10, 2026.", "2026-07-01T09:00:00-07:00", PHX)
    assert got == "2026-07-10T10:00:00-07:00"
    got = deadline(
        "Upload it by 10:00 AM PT on December 10, 2026.", "2026-12-07T09:00:00-07:00", PHX
    )
    assert got == "2026-12-10T11:00:00-07:00"


def test_a_weekday_is_the_first_such_day_after_the_received_day():
    # received Wednesday Nov 25 2026
    assert deadline(
        "Please complete a photo ID verification by Sunday.", "2026-11-25T12:00:00-05:00"
    ) == ("2026-11-29T23:59:59-05:00")
    # received on a Sunday: "before Sunday" is the next one
    assert deadline("Complete your ID check before Sunday.", "2026-11-29T10:00:00-05:00") == (
        "2026-12-06T23:59:59-05:00"
    )
    assert rule("Please reply by Friday.") == RULE_WEEKDAY


def test_it_understands_number_words():
    assert deadline(
        "You may appeal within ten (10) calendar days.", "2026-12-18T14:30:00-08:00", LA
    ) == ("2026-12-28T14:30:00-08:00")
    assert deadline("Reply within seventy-two (72) hours.", "2026-11-18T10:00:00-06:00", CHI) == (
        "2026-11-21T10:00:00-06:00"
    )
    assert deadline("Contact us within three business days.", "2026-11-02T09:00:00-05:00") == (
        "2026-11-05T09:00:00-05:00"
    )


# --- Spanish --------------------------------------------------------------------------------


def test_it_reads_spanish_deadlines():
    at = "2026-11-05T09:00:00-08:00"
    assert (
        deadline("Puedes apelar esta decisión dentro de 10 días.", at, LA)
        == "2026-11-15T09:00:00-08:00"
    )
    assert deadline(
        "Sube una foto dentro de 3 días hábiles.", "2027-01-14T10:00:00-06:00", CHI
    ) == ("2027-01-20T10:00:00-06:00")
    assert deadline("Responde en un plazo de 48 horas.", at, LA) == "2026-11-07T09:00:00-08:00"
    assert (
        deadline("Puedes apelar antes del 30 de noviembre.", at, LA) == "2026-11-30T23:59:59-08:00"
    )
    assert deadline("Sube tu seguro a más tardar el 5 de diciembre de 2026.", at, LA) == (
        "2026-12-05T23:59:59-08:00"
    )
    # Thursday Nov 5 -> Friday Nov 6
    assert (
        deadline("Completa la verificación antes del viernes.", at, LA)
        == "2026-11-06T23:59:59-08:00"
    )
    assert (
        deadline("Tienes 48 horas para enviar una nueva foto.", at, LA)
        == "2026-11-07T09:00:00-08:00"
    )


def test_spanish_numeric_dates_put_the_day_first():
    got = deadline(
        "Para apelar, escribe a soporte antes del 05/12/2026.",
        "2026-11-20T10:00:00-05:00",
        NY,
        "es",
    )
    assert got == "2026-12-05T23:59:59-05:00"
    got = deadline(
        "Para apelar, escribe antes del 15/12/2026.", "2026-11-20T10:00:00-05:00", NY, "en"
    )
    assert got == "2026-12-15T23:59:59-05:00"


def test_a_spanish_clock_time_and_zone_are_read():
    text = "Puedes enviar tu versión antes del 3 de diciembre a las 5:00 p. m. hora del Pacífico."
    assert deadline(text, "2026-11-27T09:00:00-05:00") == "2026-12-03T20:00:00-05:00"


# --- whose deadline is it -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We'll let you know our decision within 5 business days.",
        "We typically review appeals within 5 business days.",
        "Our team will respond within 24 hours.",
        "Te informaremos nuestra decisión en un plazo de 48 horas.",
        "You'll hear from us within 3 days.",
        "We received your appeal and will review it within 5 business days.",
    ],
)
def test_a_time_the_platform_gives_itself_is_not_the_drivers_deadline(text):
    assert deadline(text, "2026-11-16T09:00:00-06:00", CHI) is None


@pytest.mark.parametrize(
    "text",
    [
        "Your account may be deactivated in 14 days.",
        "Your insurance policy expired on October 31, 2026.",
        "A station associate reported abusive language on October 30.",
        "Violations remain on your account for 90 days.",
        "Over the past 30 days you had repeated late arrivals.",
        "Accounts with three violations in 90 days may be deactivated.",
        "Your license expires within 30 days.",
        "Holiday incentives will be paid on December 31.",
    ],
)
def test_consequences_past_events_and_durations_are_not_deadlines(text):
    assert deadline(text, "2026-11-02T09:00:00-06:00", CHI) is None


def test_a_past_date_with_a_year_is_not_a_deadline():
    assert (
        deadline("Please upload it by October 1, 2026.", "2026-11-02T09:00:00-06:00", CHI) is None
    )


def test_the_drivers_deadline_is_found_beside_a_consequence():
    text = (
        "Your account may be deactivated in 14 days because customers reported thrown packages. "
        "If you'd like to share information before a decision is made, "
        "reply by December 4, 2026 at 11:59 PM PT."
    )
    assert deadline(text, "2026-11-20T10:00:00-08:00", LA) == "2026-12-04T23:59:00-08:00"


def test_the_earliest_of_several_driver_deadlines_wins():
    text = "Upload a new license within 30 days. You can also contact support within 10 days."
    assert deadline(text, "2026-11-05T08:00:00-08:00", LA) == "2026-11-15T08:00:00-08:00"


def test_a_platform_time_in_the_next_clause_does_not_hide_the_drivers():
    text = "Submit your appeal within 5 days; we usually respond within 2 business days."
    assert deadline(text, "2026-11-09T12:00:00-08:00", LA) == "2026-11-14T12:00:00-08:00"


def test_an_action_after_the_time_makes_it_the_drivers():
    assert deadline("You have 14 days to submit an appeal.", "2026-11-20T16:45:00-05:00") == (
        "2026-12-04T16:45:00-05:00"
    )


def test_a_labelled_deadline_needs_no_verb():
    assert deadline("Appeal deadline: December 18, 2026.", "2026-12-04T10:00:00-05:00") == (
        "2026-12-18T23:59:59-05:00"
    )


def test_a_range_takes_its_shorter_end():
    assert deadline("Please appeal within 3-5 business days.", "2026-11-16T09:00:00-05:00") == (
        "2026-11-19T09:00:00-05:00"
    )


def test_the_deadline_phrase_points_into_the_original_text():
    text = "Hola. Puedes apelar esta decisión dentro de 10 días."
    stated = find_stated_deadline(
        text, received=datetime.fromisoformat("2026-11-05T09:00:00-08:00"), tz=LA
    )
    assert stated is not None
    assert text[stated.phrase.start : stated.phrase.end] == stated.text == "dentro de 10 días"
    assert stated.phrase.label == stated.rule == RULE_DAYS


def test_candidates_include_times_that_are_not_the_drivers():
    text = "We'll let you know our decision within 5 business days."
    found = find_candidates(
        text, received=datetime.fromisoformat("2026-11-16T09:00:00-06:00"), tz=CHI
    )
    assert [c.rule for c in found] == [RULE_BUSINESS]
