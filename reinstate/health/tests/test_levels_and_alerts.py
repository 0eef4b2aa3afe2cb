"""Watch levels, margins on the page, alerts that open, close and can be hidden."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reinstate.health import actions
from reinstate.health.models import Alert, WatchLevel
from reinstate.testing.personas import client_for


def test_watch_levels_are_typed_as_percentages_and_can_be_removed(driver):
    client = client_for(driver)
    page = client.get("/health/levels/?platform=amazon_flex").content.decode()
    assert "Reliability (%)" in page and "Pay per hour ($ an hour)" in page
    client.post(
        "/health/levels/?platform=amazon_flex",
        {"platform": "amazon_flex", "reliability": "92.5", "dnr_per_1000": "4", "pay_per_hour": ""},
    )
    levels = dict(WatchLevel.objects.values_list("metric", "level"))
    assert levels == {"reliability": 0.925, "dnr_per_1000": 4.0}
    client.post(
        "/health/levels/", {"platform": "amazon_flex", "reliability": "", "dnr_per_1000": "4"}
    )
    assert set(WatchLevel.objects.values_list("metric", flat=True)) == {"dnr_per_1000"}
    bad = client.post("/health/levels/", {"platform": "amazon_flex", "reliability": "120"})
    assert bad.status_code == 400


def test_the_page_shows_margins_and_an_alert_opens_and_closes(driver, record_blocks):
    record_blocks(driver, [True] * 9 + [False])  # 90 %
    actions.do_set_watch_level(
        owner=driver, platform="amazon_flex", metric="reliability", level=0.9
    )
    client = client_for(driver)
    page = client.get("/health/?platform=amazon_flex").content.decode()
    assert (
        "The next late arrival, late forfeit or no-show takes it below your watch level (90 %)."
        in page
    )
    assert "<svg" in page and "your watch level 90%" in page
    assert not Alert.objects.filter(kind="crossed").exists()

    record_blocks(driver, [False], end=timezone.now() - timedelta(hours=2))
    alert = Alert.objects.get(kind="crossed", resolved_at__isnull=True, key__contains=":30d:")
    assert alert.title == "Reliability is below your watch level: 81.8 % (last 30 days)"
    page = client.get("/health/?platform=amazon_flex").content.decode()
    assert "Reliability is below your watch level" in page
    assert "in a row bring it back" in page

    # Lowering the level closes the alert; the stored alert keeps its history.
    actions.do_set_watch_level(
        owner=driver, platform="amazon_flex", metric="reliability", level=0.8
    )
    alert.refresh_from_db()
    assert alert.resolved_at is not None


def test_an_alert_can_be_hidden_in_place(driver, record_blocks):
    record_blocks(driver, [False])
    actions.do_set_watch_level(
        owner=driver, platform="amazon_flex", metric="reliability", level=0.9
    )
    alert = Alert.objects.get(key__contains=":30d:")
    response = client_for(driver).post(
        f"/health/alerts/{alert.pk}/dismiss/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and response.content == b""
    alert.refresh_from_db()
    assert alert.dismissed_at is not None
    page = client_for(driver).get("/health/").content.decode()
    assert f'id="alert-{alert.pk}"' not in page


def test_a_new_driver_sees_an_empty_page_that_says_what_to_do(driver):
    page = client_for(driver).get("/health/").content.decode()
    assert "No blocks recorded for Amazon Flex yet" in page
    assert "not the platform&#x27;s own numbers" in page
    assert "no data yet" in page


def test_payment_change_not_made_by_the_driver_raises_a_warning(driver):
    client = client_for(driver)
    when = timezone.localtime(timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    client.post("/health/payment-change/", {"platform": "amazon_flex", "changed_at": when})
    assert Alert.objects.get(kind="payment_change").platform == "amazon_flex"
    client.post(
        "/health/payment-change/", {"platform": "doordash", "changed_at": when, "by_driver": "on"}
    )
    assert not Alert.objects.filter(platform="doordash").exists()


def test_the_standing_of_another_platform_is_chosen_on_the_page(driver, record_blocks):
    record_blocks(driver, [True], platform="doordash")
    page = client_for(driver).get("/health/").content.decode()
    assert "Account health: DoorDash" in page  # the platform of the last block
    assert "What DoorDash publishes" in page and "Completion rate" in page
