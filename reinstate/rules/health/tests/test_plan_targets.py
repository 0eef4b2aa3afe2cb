"""A plan's own words read as targets: which measure, at what level, and when to ask."""

from __future__ import annotations

import pytest

from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.health.plan_targets import (
    PlanRow,
    ThresholdError,
    metric_choices,
    metric_for,
    parse_threshold,
    plan_rows,
    threshold_from_plan,
    typed_threshold,
)
from reinstate.rules.health.standing import METRICS


def choices(platform: str = "amazon_flex"):
    return metric_choices(METRICS, load_catalogue().platform(platform).metrics)


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("on-time arrival rate", "reliability"),
        ("Reliability", "reliability"),
        ("no late arrival in the next 20 blocks", "reliability"),
        ("check in 15 minutes early", "reliability"),
        ("DNR", "dnr_per_1000"),
        ("Delivered, not received reports", "dnr_per_1000"),
        ("completion", "delivery_completion"),
        ("returned packages", "delivery_completion"),
        ("On-time delivery", "on_time_delivery"),
        ("late deliveries", "on_time_delivery"),
        ("pay per hour", "pay_per_hour"),
    ],
)
def test_it_maps_words_that_clearly_name_one_measure(words, key):
    assert metric_for(words, choices()) == key


@pytest.mark.parametrize(
    "words",
    ["my standing", "late arrivals and DNR reports", "", "on time", "be more careful"],
)
def test_it_leaves_the_choice_to_the_driver_when_the_words_name_none_or_several(words):
    assert metric_for(words, choices()) is None


def test_a_platforms_own_measure_is_named_by_its_title():
    doordash = choices("doordash")
    assert metric_for("customer rating", doordash) == "customer_rating"
    assert metric_for("my star rating", doordash) == "customer_rating"
    # "completion" inside the longer "completion rate" names DoorDash's own rate only.
    assert metric_for("completion rate", doordash) == "completion_rate"


def test_event_counts_are_not_offered_as_targets():
    keys = [c.key for c in choices("grubhub")]
    assert "account_violations" not in keys
    assert keys[:5] == [m.key for m in METRICS]
    labels = {c.key: c.label for c in choices("doordash")}
    assert labels["reliability"] == "Reliability (from the blocks you record)"
    assert labels["customer_rating"] == "Customer rating (the number in the app)"


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("95 %", "fraction", 0.95),
        ("95%", "fraction", 0.95),
        ("95", "fraction", 0.95),
        ("100% of blocks", "fraction", 1.0),
        ("99.5 percent", "fraction", 0.995),
        ("3 per 1000", "per_1000", 3.0),
        ("under 2 DNR per 1,000 packages", "per_1000", 2.0),
        ("$20 an hour", "money_per_hour", 20.0),
        ("22.50/h", "money_per_hour", 22.5),
        ("4.8 stars", "stars", 4.8),
        ("4.8", "stars", 4.8),
    ],
)
def test_it_reads_a_level_as_the_driver_types_it(typed, unit, value):
    assert parse_threshold(typed, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "unit", "message"),
    [
        ("abc", "fraction", "Type the level as one number, like 95 %."),
        ("", "per_1000", "Type the level, like 3 per 1000."),
        ("120 %", "fraction", "A percentage is at most 100."),
        ("0.95", "fraction", "Type the level as a percentage: 95 % for 0.95."),
        ("6 stars", "stars", "A rating is at most 5 stars."),
        ("-3", "per_1000", "The level cannot be below 0."),
        ("between 90 and 95", "fraction", "Type the level as one number, like 95 %."),
    ],
)
def test_an_unreadable_level_gets_a_message_that_says_how_to_type_it(typed, unit, message):
    with pytest.raises(ThresholdError) as refused:
        parse_threshold(typed, unit)
    assert str(refused.value) == message


def test_a_plan_level_is_taken_only_when_its_unit_says_what_it_is():
    assert threshold_from_plan("100% of blocks", "fraction") == 1.0
    assert threshold_from_plan("95", "fraction") == 0.95
    # "20" here counts blocks, not a percentage: the driver types the level.
    assert threshold_from_plan("no late arrival in the next 20 blocks", "fraction") is None
    assert threshold_from_plan("200 %", "fraction") is None


def test_a_kept_level_reads_back_as_it_was_typed():
    for value, unit in [(0.95, "fraction"), (3.0, "per_1000"), (20.0, "money_per_hour")]:
        assert parse_threshold(typed_threshold(value, unit), unit) == pytest.approx(value)  # type: ignore[arg-type]
    assert typed_threshold(0.955, "fraction") == "95.5 %"


def test_the_plan_gives_a_line_for_its_rule_and_each_action_with_a_target():
    rows = plan_rows(
        monitoring_metric="on-time arrival rate",
        monitoring_threshold="100% of blocks",
        monitoring_frequency="every Sunday",
        actions=[
            ("Check in 15 minutes before every block", "no late arrival in the next 20 blocks"),
            ("Photograph every drop-off", "under 2 DNR per 1000 packages"),
            ("Read the policy again", ""),
        ],
        choices=choices(),
    )
    assert rows == [
        PlanRow(
            source="Your monitoring rule",
            text="on-time arrival rate at 100% of blocks, checked every Sunday",
            metric="reliability",
            threshold="100 %",
        ),
        PlanRow(
            source="Action: Check in 15 minutes before every block",
            text="no late arrival in the next 20 blocks",
            metric="reliability",
            threshold="",
        ),
        PlanRow(
            source="Action: Photograph every drop-off",
            text="under 2 DNR per 1000 packages",
            metric="dnr_per_1000",
            threshold="2 per 1000",
        ),
    ]
    assert [row.ready for row in rows] == [True, False, True]


def test_a_plan_without_a_rule_or_targets_gives_no_lines():
    rows = plan_rows(
        monitoring_metric="",
        monitoring_threshold="",
        monitoring_frequency="weekly",
        actions=[("Be careful", "")],
        choices=choices(),
    )
    assert rows == []
