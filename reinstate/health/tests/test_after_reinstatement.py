"""A corrective action plan's targets against the actual numbers, and an early flag."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reinstate.health.models import Alert, Target
from reinstate.testing.personas import client_for


def test_a_target_is_compared_with_the_blocks_since_it_was_set(driver, record_blocks):
    since = (timezone.localtime() - timedelta(days=10)).date()
    record_blocks(driver, [False] * 5, end=timezone.now() - timedelta(days=20))  # before: ignored
    record_blocks(driver, [True] * 5)
    client = client_for(driver)
    response = client.post(
        "/health/targets/?platform=amazon_flex",
        {
            "platform": "amazon_flex",
            "metric": "reliability",
            "threshold": "95",
            "since": since.isoformat(),
            "note": "on time",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert target.threshold == 0.95
    page = client.get("/health/targets/?platform=amazon_flex").content.decode()
    assert "you: <strong>100 %</strong>" in page
    overview = client.get("/health/?platform=amazon_flex").content.decode()
    assert "since" in overview and "On target" in overview


def test_the_old_problem_starting_again_is_flagged_early(driver, record_blocks):
    client = client_for(driver)
    client.post(
        "/health/targets/",
        {
            "platform": "amazon_flex",
            "metric": "reliability",
            "threshold": "90",
            "since": "2026-01-01",
        },
    )
    # 10 on time, then late twice in the last few: 10/12 = 83 % in 30 days: below the target.
    record_blocks(driver, [True] * 10 + [False, False])
    alert = Alert.objects.get(kind="recurrence", key__contains=":30d:")
    assert "again" in alert.title
    assert "led to the deactivation starting again" in alert.detail


def test_a_target_percentage_over_100_is_refused_and_targets_can_be_removed(driver):
    client = client_for(driver)
    bad = client.post(
        "/health/targets/",
        {
            "platform": "amazon_flex",
            "metric": "reliability",
            "threshold": "120",
            "since": "2026-01-01",
        },
    )
    assert bad.status_code == 400 and "at most 100" in bad.content.decode()
    client.post(
        "/health/targets/",
        {
            "platform": "amazon_flex",
            "metric": "pay_per_hour",
            "threshold": "22",
            "since": "2026-01-01",
        },
    )
    target = Target.objects.get()
    assert target.threshold == 22
    client.post(f"/health/targets/{target.pk}/delete/")
    assert not Target.objects.exists()
