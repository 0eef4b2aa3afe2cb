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


# --- classes of wording the training notices showed (train_g and its neighbours) -----------
# Each received on Wednesday 2026-11-18 at 10:00 in New York unless it says otherwise.

WED = "2026-11-18T10:00:00-05:00"
DENVER = ZoneInfo("America/Denver")


def test_it_reads_inside_and_no_more_than_as_leads_of_a_relative_deadline():
    assert deadline("Please send the photos inside 36 hours.", WED) == "2026-11-19T22:00:00-05:00"
    assert deadline("Reply inside of 6 days.", WED) == "2026-11-24T10:00:00-05:00"
    text = "File your challenge no more than 20 days after you receive this notice."
    assert deadline(text, WED) == "2026-12-08T10:00:00-05:00"


def test_it_reads_the_end_of_the_day_after_before_and_through():
    text = "Challenges must be filed before the end of day on Monday, November 23."
    assert deadline(text, WED) == "2026-11-23T23:59:59-05:00"
    text = "Appeals will be taken through the end of the day on December 1, 2026."
    assert deadline(text, WED) == "2026-12-01T23:59:59-05:00"


def test_it_reads_noon_and_a_midnight_gloss_beside_a_clock_time():
    text = "Finish the ID check by 12:00 noon Eastern on Friday, November 20."
    assert deadline(text, WED) == "2026-11-20T12:00:00-05:00"
    # the clock time decides: 12:00 a.m. on the 23rd is the start of that day
    text = "Send your reply by 12:00 a.m. (midnight) ET on Monday, November 23."
    assert deadline(text, WED) == "2026-11-23T00:00:00-05:00"
    # a bare "midnight on" a date stays the end of that day
    assert deadline("Send your reply by midnight on November 23.", WED) == (
        "2026-11-23T23:59:59-05:00"
    )


def test_it_knows_the_alaska_hawaii_and_atlantic_clocks():
    text = "Reply by 5:00 p.m. Alaska time on November 20."
    assert deadline(text, WED) == "2026-11-20T21:00:00-05:00"
    assert deadline("Verify by 8 AM Hawaii time on November 21.", WED) == (
        "2026-11-21T13:00:00-05:00"
    )
    assert deadline("Upload it by 9:00 AM AST on November 24.", WED) == (
        "2026-11-24T08:00:00-05:00"
    )


def test_it_reads_mst_as_the_arizona_clock_and_est_in_summer_as_the_eastern_one():
    # Arizona keeps MST all year, so "MST" in July is UTC-7 (18:00 in Denver's MDT) ...
    july = "2026-07-01T09:00:00-06:00"
    text = "Submit it by 5:00 PM MST on July 9, 2026."
    assert deadline(text, july, DENVER) == "2026-07-09T18:00:00-06:00"
    text = "Submit it by 5:00 PM MT on July 9, 2026."
    assert deadline(text, july, DENVER) == "2026-07-09T17:00:00-06:00"
    # ... while no US clock keeps EST in July: it is read as the Eastern clock
    text = "Submit it by 5 PM EST on July 9, 2026."
    assert deadline(text, "2026-07-01T09:00:00-04:00") == "2026-07-09T17:00:00-04:00"


def test_it_reads_a_date_that_ends_a_line_with_a_colon():
    text = "Please upload one of these no later than November 30:\n- a passport\n- a state ID"
    assert deadline(text, WED) == "2026-11-30T23:59:59-05:00"


def test_it_reads_then_as_the_date_named_before_it():
    text = "Your inspection certificate lapses on December 4, 2026. Upload a new one before then."
    assert deadline(text, WED) == "2026-12-04T23:59:59-05:00"
    text = "Tu permiso vence el 7 de diciembre. Envía el nuevo antes de esa fecha."
    assert deadline(text, WED) == "2026-12-07T23:59:59-05:00"
    # the date named needs no lead of its own
    text = (
        "Your block starts at 6:00 AM ET on Saturday, November 21. "
        "If the check isn't completed by then, you can't start it."
    )
    assert deadline(text, WED) == "2026-11-21T06:00:00-05:00"
    # no date before it: nothing to name
    text = "Complete the training soon; drivers who don't finish by then lose access."
    assert deadline(text, WED) is None


@pytest.mark.parametrize(
    "text",
    [
        "You won't see delivery offers until November 27.",
        "Please note you won't be able to go online until November 27.",
        "Your Diamond status runs through March 31, 2027.",
        "No podrás conectarte hasta el 2 de diciembre.",
    ],
)
def test_it_does_not_take_the_end_of_a_state_for_a_deadline(text):
    assert deadline(text, WED) is None


def test_it_reads_until_as_a_deadline_where_the_time_is_the_drivers():
    assert deadline("You have until Tuesday to send us your statement.", WED) == (
        "2026-11-24T23:59:59-05:00"
    )
    assert deadline("Tienes hasta el 2 de diciembre para apelar.", WED) == (
        "2026-12-02T23:59:59-05:00"
    )
    assert deadline("Appeals are accepted until November 30.", WED) == ("2026-11-30T23:59:59-05:00")


def test_it_reads_the_drivers_act_left_undone_as_the_drivers_deadline():
    text = "If we don't get a current insurance card within 12 days, your account will be closed."
    assert deadline(text, WED) == "2026-11-30T10:00:00-05:00"
    text = "If we have not received it by November 29, we will deactivate your account."
    assert deadline(text, WED) == "2026-11-29T23:59:59-05:00"
    text = "If your background consent isn't signed, after 96 hours we will pause your account."
    assert deadline(text, WED) == "2026-11-22T10:00:00-05:00"
    # "after N hours" with no condition and nothing becoming final is no deadline
    assert deadline("After 96 hours we will pause your account.", WED) is None


@pytest.mark.parametrize(
    "text",
    [
        "Drivers can appeal within 45 days of a removal.",
        "You confirmed the drop-off within 2 minutes of parking.",
        "Please check in no more than 10 minutes late.",
        "Your score counts trips finished up to 4 days ago.",
    ],
)
def test_it_does_not_count_a_span_from_another_event_or_a_past_one(text):
    assert deadline(text, WED) is None


def test_it_counts_a_span_from_this_notice_however_the_notice_is_named():
    assert deadline("Reply within 9 days of the notice date.", WED) == ("2026-11-27T10:00:00-05:00")
    assert deadline("Appeal within 30 days of your deactivation.", WED) == (
        "2026-12-18T10:00:00-05:00"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The screening company typically finishes its reinvestigation within 30 days of getting"
        " your dispute.",
        "Sterling has up to 30 days to complete its reinvestigation.",
        "While the agency looks into it (which may take up to 45 days), your account stays on"
        " hold.",
        "A trust and safety specialist will respond within 72 hours.",
        "The Driver Support team will get back to you within 4 business days.",
        "Our team will review it and text you within 2 days.",
    ],
)
def test_it_does_not_take_a_third_partys_or_the_platforms_own_time(text):
    assert deadline(text, "2026-11-16T09:00:00-06:00", CHI) is None


REPLY = (
    "Hi Dana, we looked at your account again and the decision stands: your account stays "
    "closed. Thank you for writing to us; we know this is not the answer you hoped for, and "
    "we are sorry we cannot give a different one this time.\n\nDriver Support\n\n"
)
EARLIER = "You may request a review within 14 days of this email."


def test_it_ignores_a_time_counted_from_an_earlier_message_quoted_under_a_reply():
    text = REPLY + "-----Original Message-----\nFrom: Driver Support\n" + EARLIER
    assert deadline(text, WED) is None
    text = REPLY + "On Nov 2, 2026, Driver Support wrote:\n> " + EARLIER
    assert deadline(text, WED) is None
    # a notice forwarded under a line of the driver's own is the notice itself
    text = "fwd: is this real?\n\n-----Original Message-----\nFrom: Driver Support\n" + EARLIER
    assert deadline(text, WED) == "2026-12-02T10:00:00-05:00"


def test_it_reads_an_instruction_without_a_listed_verb():
    # "please" beats the "reinstatement" before it, which would read as a consequence
    text = "As part of your reinstatement, please watch the safety module by Monday."
    assert deadline(text, WED) == "2026-11-23T23:59:59-05:00"
    assert deadline("Finish the refresher course in the app by November 28.", WED) == (
        "2026-11-28T23:59:59-05:00"
    )
    assert deadline("pls do it w/in 8 hrs", WED) == "2026-11-18T18:00:00-05:00"


def test_it_reads_a_requirement_on_what_the_driver_sends():
    text = "To be considered, the photos must be uploaded within 6 hours."
    assert deadline(text, WED) == "2026-11-18T16:00:00-05:00"
    text = "Your statement must be in no later than 3 PM ET on November 25."
    assert deadline(text, WED) == "2026-11-25T15:00:00-05:00"
    assert deadline("We'll need both documents within 2 days from now.", WED) == (
        "2026-11-20T10:00:00-05:00"
    )
    # "request that we review" is the driver asking: the time is still the driver's
    text = "You can request that we review your case by filling out the form within 8 days."
    assert deadline(text, WED) == "2026-11-26T10:00:00-05:00"


def test_it_reads_formal_spanish_instructions_and_the_next_days():
    # Wed 18 + 4 business days: Thu 19, Fri 20, Mon 23, Tue 24
    text = "Comuníquese con la agencia y avísenos dentro de 4 días hábiles."
    assert deadline(text, WED) == "2026-11-24T10:00:00-05:00"
    text = "Suba el comprobante dentro de los próximos 12 días."
    assert deadline(text, WED) == "2026-11-30T10:00:00-05:00"
    text = "Puedes pedir una revisión durante los próximos 5 días."
    assert deadline(text, WED) == "2026-11-23T10:00:00-05:00"
    text = "Si no lo subes a más tardar el 4 de diciembre, cerraremos tu cuenta."
    assert deadline(text, WED) == "2026-12-04T23:59:59-05:00"
    # the next days of a state are not a time to act in
    assert deadline("Tu cuenta estará suspendida durante los próximos 5 días.", WED) is None


def test_it_does_not_read_the_right_to_a_free_copy_of_the_report_as_a_deadline():
    text = "You may request a free copy of your consumer report from the agency within 60 days."
    assert deadline(text, WED) is None


def test_it_reads_a_company_abbreviation_as_inside_the_sentence():
    text = "Please sign the consent for a new report from Sterling Check, Inc. within 9 days."
    assert deadline(text, WED) == "2026-11-27T10:00:00-05:00"


# --- classes of wording train_k showed -------------------------------------------------------
# Received on Wednesday 2026-11-18 at 10:00 in New York (WED) unless it says otherwise.


def test_it_reads_an_hour_figure_touching_its_unit_and_biz_days():
    assert deadline("Send the receipts within 36h.", WED) == "2026-11-19T22:00:00-05:00"
    assert deadline("Please reply in 12hrs.", WED) == "2026-11-18T22:00:00-05:00"
    # Wed 18 + 3 business days: Thu 19, Fri 20, Mon 23
    assert deadline("Re-upload your plate photo within 3 biz days.", WED) == (
        "2026-11-23T10:00:00-05:00"
    )
    # a length of time online is not a span to act in
    assert deadline("Time online this week: 31h 40m.", WED) is None


def test_it_reads_a_demand_in_a_heading_as_the_drivers():
    text = "Subject: Action required within 36 hours - your vehicle photos\n\nSee the app."
    assert deadline(text, WED) == "2026-11-19T22:00:00-05:00"
    text = "Registration lapsed: 48h to submit a new one\n\nYou can't go online for now."
    assert deadline(text, WED) == "2026-11-20T10:00:00-05:00"
    # no demand: "no action is needed", and a subject that has the time to itself
    assert deadline("No action is needed within 7 days; we'll update you.", WED) is None
    assert deadline("The background company has 30 days to respond to it.", WED) is None


def test_it_reads_today_tonight_and_tomorrow_with_or_without_a_clock_time():
    assert deadline("Please send the photo by tomorrow.", WED) == "2026-11-19T23:59:59-05:00"
    assert deadline("Verify your ID by tonight.", WED) == "2026-11-18T23:59:59-05:00"
    assert deadline("Upload it by 7 tonight.", WED) == "2026-11-18T19:00:00-05:00"
    assert deadline("Finish the check today before 4:30 PM.", WED) == "2026-11-18T16:30:00-05:00"
    assert deadline("Reply before 15:00 tomorrow.", WED) == "2026-11-19T15:00:00-05:00"
    assert deadline("Send it by tomorrow at 9 AM.", WED) == "2026-11-19T09:00:00-05:00"
    assert deadline("Please reply by the end of the day.", WED) == "2026-11-18T23:59:59-05:00"
    # a zone written with the time counts the day in that zone: 23:59:59 Pacific, in New York
    assert deadline("Verify before midnight PT tonight.", WED) == "2026-11-19T02:59:59-05:00"
    # the time up to now is no deadline
    assert deadline("Trips you completed before today will be paid.", WED) is None
    assert deadline("Your block starts at 10:00 AM tomorrow.", WED) is None


def test_it_reads_spanish_days_and_times_of_day():
    assert deadline("Mándanos la foto antes de que acabe el día.", WED) == (
        "2026-11-18T23:59:59-05:00"
    )
    assert deadline("Envía tu selfie mañana antes de las 3:00 de la tarde.", WED) == (
        "2026-11-19T15:00:00-05:00"
    )
    assert deadline("Completa la verificación antes de las 9 de la noche de hoy.", WED) == (
        "2026-11-18T21:00:00-05:00"
    )
    assert deadline("Tienes hasta mañana para subir el seguro.", WED) == (
        "2026-11-19T23:59:59-05:00"
    )
    # "esta mañana" is this morning, not tomorrow; "hasta mañana" is a goodbye
    assert deadline("Recibimos tu foto antes de esta mañana.", WED) is None
    assert deadline("¡Gracias por tu paciencia y hasta mañana!", WED) is None


def test_it_reads_close_of_business_as_five_in_the_afternoon():
    assert deadline("Send the form by COB Friday.", WED) == "2026-11-20T17:00:00-05:00"
    text = "Please upload it by close of business on November 24."
    assert deadline(text, WED) == "2026-11-24T17:00:00-05:00"
    # a clock time written in brackets decides
    text = "Reply by close of business tomorrow (4 PM Central)."
    assert deadline(text, WED) == "2026-11-19T17:00:00-05:00"
    assert deadline("Write to us by end of business day.", WED) == "2026-11-18T17:00:00-05:00"


def test_it_reads_a_deadline_in_a_label_or_a_table_row():
    assert deadline("Due: Mon 11/23 - 6:30 PM ET", WED) == "2026-11-23T18:30:00-05:00"
    text = "Documents needed | insurance card\nSubmit by        | 11/27/2026 11:00 AM ET"
    assert deadline(text, WED) == "2026-11-27T11:00:00-05:00"
    text = "Reply window: 36h from the time of this message"
    assert deadline(text, WED) == "2026-11-19T22:00:00-05:00"


def test_it_reads_a_day_of_the_month_without_its_month():
    # the first such day on or after the received day
    assert deadline("Upload the new card by the 20th.", WED) == "2026-11-20T23:59:59-05:00"
    assert deadline("Please verify before the 2nd to keep driving.", WED) == (
        "2026-12-02T23:59:59-05:00"
    )
    assert deadline("Appeal on or before the 5th of next month.", WED) == (
        "2026-12-05T23:59:59-05:00"
    )
    # a 31st skips the months too short for it
    assert deadline("Send it by the 31st.", WED) == "2026-12-31T23:59:59-05:00"
    # a counted thing is no day of the month
    assert deadline("Please reply before the 3rd violation is recorded.", WED) is None


def test_it_reads_the_next_week_without_a_number():
    assert deadline("Please book a call with us within the next week.", WED) == (
        "2026-11-25T10:00:00-05:00"
    )
    # with no act of the driver's it is the platform's time
    assert deadline("You'll see offers in the app again within the next hour.", WED) is None


def test_it_reads_spanish_leads_that_give_the_driver_the_time():
    text = "Usted dispone de 4 días hábiles para enviar su apelación."
    assert deadline(text, WED) == "2026-11-24T10:00:00-05:00"
    assert deadline("Desde hoy cuentas con 12 días para hacerlo.", WED) == (
        "2026-11-30T10:00:00-05:00"
    )


def test_it_reads_contest_as_the_drivers_act():
    text = "You may contest these reports in the app through Friday, November 27."
    assert deadline(text, WED) == "2026-11-27T23:59:59-05:00"


def test_it_does_not_take_an_approval_or_a_payout_for_the_drivers_time():
    assert deadline("Uploads are typically approved within 2 business days.", WED) is None
    assert deadline("Your last payout will be issued within 5 business days.", WED) is None


def test_it_does_not_read_an_incentives_terms_as_a_deadline():
    text = "Weekend quest: earn $75 extra when you finish 40 trips by Sunday, November 22."
    assert deadline(text, WED) is None
    # a real deadline beside it is still read
    text += " Separately, please upload your insurance card by November 25."
    assert deadline(text, WED) == "2026-11-25T23:59:59-05:00"


def test_it_reads_a_date_in_a_quoted_earlier_message_as_the_nearest_one():
    reply = (
        "Hi Sam, we closed the review with what we had and recorded a warning on your "
        "account. There is nothing else for you to do on this case now. Thank you for "
        "your patience while we looked into it, and drive safely out there.\n\n"
    )
    # Nov 10 was eight days ago: gone, not next November
    text = reply + "> On Nov 4 we wrote:\n> Please reply by Nov 10 with your side."
    assert deadline(text, WED) is None
    # a date still ahead stands
    text = reply + "> On Nov 4 we wrote:\n> Please reply by Nov 27 with your side."
    assert deadline(text, WED) == "2026-11-27T23:59:59-05:00"


def test_it_counts_the_end_of_a_range_of_dates_from_its_start():
    # the range is gone by: Nov 2 to Nov 6 of this year, not of next year
    text = "Please send photos of your deliveries from Nov 2 through Nov 6 if you have them."
    assert deadline(text, WED) is None
    text = "You can upload the photos from Nov 20 through Nov 24."
    assert deadline(text, WED) == "2026-11-24T23:59:59-05:00"
