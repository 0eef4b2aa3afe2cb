"""Measures a platform publishes (Grubhub's violations, DoorDash's rating) from the catalogue."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reinstate.health.models import Alert, Reading
from reinstate.testing.personas import client_for


def when(days_ago: int) -> str:
    return timezone.localtime(timezone.now() - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M")


def test_grubhub_violations_count_for_90_days_against_its_limit_of_3(driver):
    client = client_for(driver)
    url = "/health/measures/grubhub/account_violations/"
    assert "Record each one" in client.get(url).content.decode()
    client.post(url, {"observed_at": when(100)})  # no longer counts
    client.post(url, {"observed_at": when(40)})
    assert not Alert.objects.exists()
    client.post(url, {"observed_at": when(3)})
    page = client.get("/health/?platform=grubhub").content.decode()
    assert "0 more before the limit of 3" in page
    assert "The oldest one stops counting on" in page
    assert "driver.grubhub.com" in page  # the source is shown
    alert = Alert.objects.get(platform="grubhub")
    assert (
        alert.kind == "event_limit"
        and "the next one reaches the platform&#x27;s limit" not in alert.title
    )
    assert "the next one reaches the platform's limit of 3" in alert.title


def test_a_rating_below_the_drivers_own_watch_level_warns(driver):
    client = client_for(driver)
    client.post(
        "/health/levels/?platform=doordash",
        {"platform": "doordash", "customer_rating": "4.5", "completion_rate": "85"},
    )
    client.post(
        "/health/measures/doordash/customer_rating/", {"value": "4.4", "observed_at": when(0)}
    )
    assert Reading.objects.get().value == 4.4
    assert (
        Alert.objects.get(platform="doordash").title
        == "Customer rating is below your watch level: 4.40 stars"
    )
    client.post(
        "/health/measures/doordash/completion_rate/", {"value": "93", "observed_at": when(0)}
    )
    assert Reading.objects.get(metric="completion_rate").value == 0.93
    page = client.get("/health/?platform=doordash").content.decode()
    assert "93 %" in page and "Your watch level: 85 %" in page


def test_a_measure_the_platform_does_not_publish_is_404(driver):
    assert client_for(driver).get("/health/measures/amazon_flex/reliability/").status_code == 404
    assert client_for(driver).get("/health/measures/nowhere/x/").status_code == 404
