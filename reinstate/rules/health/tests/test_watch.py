"""Warnings in plain words, one key per cause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.rules.health.anomalies import BlocksDrop, PayAnomaly
from reinstate.rules.health.margins import Margin, event_margin
from reinstate.rules.health.watch import (
    Level,
    anomaly_alerts,
    event_limit_alert,
    metric_alerts,
    reading_alert,
)

LA = ZoneInfo("America/Los_Angeles")
AS_OF = datetime(2026, 11, 20, 20, tzinfo=UTC)


def m(**kwargs: object) -> Margin:
    base: dict[str, object] = {
        "metric": "reliability",
        "window": "30d",
        "level": 0.9,
        "value": 0.92,
        "crossed": False,
        "bad_events_left": 1,
        "clean_blocks_to_recover": None,
        "blocks_to_cross": None,
    }
    return Margin(**(base | kwargs))  # type: ignore[arg-type]


def test_a_crossed_watch_level_says_how_far_and_how_to_come_back():
    [alert] = metric_alerts(
        "amazon_flex",
        [
            (
                Level("reliability", 0.9, "watch"),
                m(value=0.85, crossed=True, clean_blocks_to_recover=4),
            )
        ],
    )
    assert alert.kind == "crossed"
    assert alert.key == "amazon_flex:reliability:30d:watch:crossed"
    assert alert.title == "Reliability is below your watch level: 85 % (last 30 days)"
    assert alert.detail == (
        "Your watch level is 90 %. 4 blocks you start on time in a row would bring it back."
    )


def test_a_level_about_to_be_crossed_is_warned_of_before():
    [alert] = metric_alerts(
        "amazon_flex",
        [
            (
                Level("dnr_per_1000", 4, "watch"),
                m(metric="dnr_per_1000", value=3.5, blocks_to_cross=2),
            )
        ],
    )
    assert alert.kind == "will_cross"
    assert "may go above your watch level within 2 blocks" in alert.title
    assert "1 more DNR report and it crosses now" in alert.detail
    assert metric_alerts("amazon_flex", [(Level("reliability", 0.9, "watch"), m())]) == []


def test_a_target_of_the_plan_that_is_missed_again_is_a_recurrence():
    [alert] = metric_alerts(
        "amazon_flex",
        [(Level("reliability", 0.95, "target", ":7"), m(level=0.95, value=0.9, crossed=True))],
    )
    assert alert.kind == "recurrence" and alert.key.endswith("target:7:crossed")
    assert "led to the deactivation starting again" in alert.detail


def test_anomalies_become_alerts():
    start = AS_OF - timedelta(days=1)
    alerts = anomaly_alerts(
        "amazon_flex",
        pay=[PayAnomaly(start, "pay per block", 20.0, 80.0, "low")],
        drop=BlocksDrop(last_week=1, usual_per_week=10),
        payment_changes=[start],
        tz=LA,
    )
    assert [a.kind for a in alerts] == ["pay", "blocks_drop", "payment_change"]
    assert (
        alerts[0].title
        == "Unusual pay on Thu Nov 19: $20.00 for the block, far below your usual $80.00"
    )
    assert alerts[1].key == "amazon_flex:blocks_drop"
    assert "account takeovers" in alerts[2].detail


def test_published_event_limits_and_readings():
    near = event_limit_alert(
        "grubhub",
        "account_violations",
        "Account violations",
        "the platform's limit",
        event_margin(2, 3),
        90,
    )
    assert near is not None and "the next one reaches the platform's limit of 3" in near.title
    assert event_limit_alert("grubhub", "v", "V", "limit", event_margin(1, 3), 90) is None
    reached = event_limit_alert("grubhub", "v", "V", "limit", event_margin(3, 3), None)
    assert reached is not None and reached.key == "grubhub:v:limit"
    low = reading_alert(
        "doordash", "customer_rating", "Customer rating", "stars", 4.1, 4.2, platforms=False
    )
    assert low is not None and low.title == "Customer rating is below your watch level: 4.10 stars"
    assert reading_alert("doordash", "r", "R", "stars", 4.3, 4.2, platforms=False) is None
