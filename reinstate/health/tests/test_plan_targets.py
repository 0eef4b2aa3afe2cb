"""Keep watching your plan: a reinstated case's plan becomes health targets when the driver
says so, and the old problem starting again is flagged on the health page and the case."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from reinstate.accounts.models import Organisation
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.inputs import AppealInput
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import do_correct_reading, do_set_case_outcome
from reinstate.health.actions import do_record_reading
from reinstate.health.models import Alert, Target
from reinstate.health.presenters.targets import plan_form
from reinstate.rules.appeal.shape import Plan, PlanAction
from reinstate.testing.blocks import LA
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

PLAN = Plan(
    root_causes=("Problems at the pickup site",),
    actions=(
        PlanAction(
            "Check in 15 minutes before every block", "no late arrival in the next 20 blocks", None
        ),
        PlanAction("Photograph every drop-off", "under 2 DNR per 1000 packages", None),
    ),
    monitoring_metric="on-time arrival rate",
    monitoring_threshold="100% of blocks",
    monitoring_frequency="every Sunday",
)


def today() -> date:
    return datetime.now(LA).date()


@pytest.fixture
def reinstated(driver, open_case):
    """Dana's Flex case, with its plan, reinstated 10 days ago."""
    case = open_case(driver, FLEX_LATE, received=(timezone.now() - timedelta(days=40)).isoformat())
    do_set_appeal(case=case, data=AppealInput(plan=PLAN), actor=driver)
    do_set_case_outcome(
        case=case, actor=driver, outcome="reinstated", reinstated_on=today() - timedelta(days=10)
    )
    return case


def plan_url(case) -> str:
    return reverse("health:plan", args=[case.pk])


def keep_rule(case, **changes: str) -> dict[str, str]:
    """The form as filled from the plan, with the monitoring rule ticked."""
    data = {
        "since": case.reinstated_on.isoformat() if case.reinstated_on else "",
        "keep_0": "on",
        "metric_0": "reliability",
        "threshold_0": "100 %",
        "note_0": "on-time arrival rate at 100% of blocks",
    }
    return data | changes


def test_the_form_is_filled_from_the_plan(driver, reinstated):
    form = plan_form(reinstated, today=today())
    values = {name: form[name].value() for name in form.fields}
    assert values["since"] == reinstated.reinstated_on
    assert (values["keep_0"], values["metric_0"], values["threshold_0"]) == (
        True,
        "reliability",
        "100 %",
    )
    # A target without a level the app can read: the measure is guessed, the level left blank.
    assert (values["keep_1"], values["metric_1"], values["threshold_1"]) == (
        False,
        "reliability",
        "",
    )
    assert (values["keep_2"], values["metric_2"], values["threshold_2"]) == (
        True,
        "dnr_per_1000",
        "2 per 1000",
    )


def test_the_case_page_offers_it_and_nothing_is_kept_until_the_driver_submits(driver, reinstated):
    client = client_for(driver)
    page = client.get(reverse("cases:detail", args=[reinstated.pk])).content.decode()
    assert "Keep watching your plan" in page
    assert 'value="100 %"' in page
    assert client.get(plan_url(reinstated)).status_code == 200
    health = client.get("/health/?platform=amazon_flex").content.decode()
    assert plan_url(reinstated) in health
    assert not Target.objects.exists()

    response = client.post(plan_url(reinstated), keep_rule(reinstated))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[reinstated.pk])
    target = Target.objects.get()
    assert (target.case, target.metric, target.threshold, target.since) == (
        reinstated,
        "reliability",
        1.0,
        reinstated.reinstated_on,
    )
    event = AuditEvent.objects.get(kind="health.target_added")
    assert event.case_id_ref == reinstated.pk
    # Offered no more once the plan is watched; the case page shows the target instead.
    health = client.get("/health/?platform=amazon_flex").content.decode()
    assert plan_url(reinstated) + "?back=health" not in health
    page = client.get(reverse("cases:detail", args=[reinstated.pk])).content.decode()
    assert "target 100 %" in page and "On target" in page


def test_several_lines_are_kept_together(driver, reinstated):
    data = keep_rule(reinstated, keep_2="on", metric_2="dnr_per_1000", threshold_2="2 per 1000")
    client_for(driver).post(plan_url(reinstated), data | {"back": "health"})
    assert sorted(Target.objects.values_list("metric", "threshold")) == [
        ("dnr_per_1000", 2.0),
        ("reliability", 1.0),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"metric_0": "speed"}, "Choose one of the measures in the list."),
        ({"metric_0": ""}, "Choose the measure this line of your plan is about."),
        ({"threshold_0": "abc"}, "Type the level as one number, like 95 %."),
        ({"threshold_0": "120 %"}, "A percentage is at most 100."),
        ({"since": "2099-01-01"}, "That date is in the future."),
        ({"since": "someday"}, "Enter the date as day, month and year."),
        ({"keep_0": ""}, "Tick at least one line of your plan to keep watching."),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(driver, reinstated, changes, message):
    data = keep_rule(reinstated, **changes)
    # A second, good line: refused input anywhere keeps nothing at all.
    data |= {"keep_2": "on", "metric_2": "dnr_per_1000", "threshold_2": "2"}
    if changes.get("keep_0") == "":
        data = {k: v for k, v in data.items() if not k.startswith("keep_")}
    response = client_for(driver).post(plan_url(reinstated), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Target.objects.exists()
    assert not AuditEvent.objects.filter(kind="health.target_added").exists()


def test_the_same_target_twice_is_refused(driver, reinstated):
    client = client_for(driver)
    client.post(plan_url(reinstated), keep_rule(reinstated))
    response = client.post(plan_url(reinstated), keep_rule(reinstated))
    assert response.status_code == 400
    assert "You already watch Reliability at 100 % for this case." in response.content.decode()
    assert Target.objects.count() == 1


def test_a_case_not_reinstated_is_sent_back_to_say_so(driver, open_case):
    case = open_case(driver, FLEX_LATE)
    do_set_appeal(case=case, data=AppealInput(plan=PLAN), actor=driver)
    response = client_for(driver).post(plan_url(case), keep_rule(case, since="2026-11-03"))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert not Target.objects.exists()
    page = client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Keep watching your plan" not in page


def test_an_outsider_gets_404_on_the_plan_and_sees_none_of_it(other_driver, reinstated):
    client = client_for(other_driver)
    assert client.get(plan_url(reinstated)).status_code == 404
    assert client.post(plan_url(reinstated), keep_rule(reinstated)).status_code == 404
    assert client.get(reverse("health:plan", args=[999999])).status_code == 404
    assert not Target.objects.exists()
    assert plan_url(reinstated) not in client.get("/health/?platform=amazon_flex").content.decode()


def test_an_advocate_sees_the_outcome_but_not_the_drivers_numbers(
    driver, advocate, reinstated, record_blocks
):
    # Health records are the driver's alone (as every health page); sharing the case does
    # not share them, nor the choice of what to watch.
    reinstated.organisation = Organisation.objects.get(membership__user=advocate)
    reinstated.save()
    client_for(driver).post(plan_url(reinstated), keep_rule(reinstated))
    record_blocks(driver, [False, False])
    client = client_for(advocate)
    assert client.get(plan_url(reinstated)).status_code == 404
    assert client.post(plan_url(reinstated), keep_rule(reinstated)).status_code == 404
    page = client.get(reverse("cases:detail", args=[reinstated.pk])).content.decode()
    assert "Reinstated on" in page
    assert "After reinstatement" not in page and "starting again" not in page
    assert Target.objects.count() == 1


def test_a_target_missed_since_reinstatement_is_flagged_on_health_and_case(
    driver, reinstated, record_blocks
):
    client = client_for(driver)
    client.post(plan_url(reinstated), keep_rule(reinstated, threshold_0="90"))
    target = Target.objects.get()
    record_blocks(driver, [True, True, True, False, False])  # 60 % since reinstatement
    alert = Alert.objects.get(kind="recurrence", key__contains=f":30d:target:{target.pk}:")
    assert "again" in alert.title
    health = client.get("/health/?platform=amazon_flex").content.decode()
    assert escape(alert.title) in health and "Below target" in health
    page = client.get(reverse("cases:detail", args=[reinstated.pk])).content.decode()
    assert "The old problem may be starting again." in page
    assert "1 target of your plan is being missed since you were reinstated." in page
    assert escape(alert.title) in page


def test_the_blocks_before_reinstatement_raise_no_flag(driver, reinstated, record_blocks):
    # The late blocks that led to the deactivation are in the last 30 days, before the date.
    record_blocks(driver, [False] * 5, end=timezone.now() - timedelta(days=15))
    record_blocks(driver, [True] * 5)
    client = client_for(driver)
    client.post(plan_url(reinstated), keep_rule(reinstated, threshold_0="95"))
    assert not Alert.objects.filter(kind="recurrence").exists()
    page = client.get(reverse("cases:detail", args=[reinstated.pk])).content.decode()
    assert "starting again" not in page and "On target" in page


def test_a_target_on_the_number_in_the_app_is_flagged_too(driver, open_case):
    case = open_case(driver, FLEX_LATE, received=(timezone.now() - timedelta(days=40)).isoformat())
    do_correct_reading(
        case=case, actor=driver, platform="doordash", kind=case.kind, reason=case.reason,
        stated_deadline=case.stated_deadline,
    )  # fmt: skip
    plan = Plan(monitoring_metric="customer rating", monitoring_threshold="4.8 stars")
    do_set_appeal(case=case, data=AppealInput(plan=plan), actor=driver)
    do_set_case_outcome(
        case=case, actor=driver, outcome="reinstated", reinstated_on=today() - timedelta(days=5)
    )
    form = plan_form(case, today=today())
    assert (form["metric_0"].value(), form["threshold_0"].value()) == (
        "customer_rating",
        "4.8 stars",
    )
    client = client_for(driver)
    data = {"since": case.reinstated_on.isoformat(), "keep_0": "on", "metric_0": "customer_rating"}
    client.post(plan_url(case), data | {"threshold_0": "4.8 stars"})
    assert Target.objects.get().threshold == 4.8
    do_record_reading(
        owner=driver,
        platform="doordash",
        metric="customer_rating",
        value=4.6,
        observed_at=timezone.now() - timedelta(hours=1),
    )
    alert = Alert.objects.get(kind="recurrence")
    assert alert.title == "Customer rating is below your plan's target again: 4.60 stars"
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "starting again" in page and "recorded" in page


def test_lines_already_watched_start_unticked(driver, reinstated):
    client_for(driver).post(plan_url(reinstated), keep_rule(reinstated))
    form = plan_form(reinstated, today=today())
    assert [form[f"keep_{i}"].value() for i in range(3)] == [False, False, True]
