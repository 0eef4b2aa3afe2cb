from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db
LA = ZoneInfo("America/Los_Angeles")


def correction(case: Case, **overrides: str) -> dict[str, str]:
    data = {
        "platform": case.platform or "",
        "kind": case.kind,
        "reason": case.reason or "",
        "stated_deadline": "",
    }
    data.update(overrides)
    return data


def test_it_keeps_the_correction_and_recomputes(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    response = client_for(driver).post(
        reverse("cases:correct", args=[case.pk]),
        correction(case, reason="delivery_disputes", stated_deadline="2026-11-08T17:00"),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.reason == "delivery_disputes"
    assert case.deadline == datetime(2026, 11, 8, 17, 0, tzinfo=LA)
    assert case.deadline_source == "notice"
    fields = {c.field: (c.old_value, c.new_value) for c in case.corrections.all()}
    assert fields["reason"] == ("performance_metrics", "delivery_disputes")
    assert "stated_deadline" in fields
    # The reader's own finding is kept beside the correction.
    assert case.reading["reason"] == "performance_metrics"
    event = AuditEvent.objects.get(kind="case.corrected")
    assert event.data["reason"] == {"from": "performance_metrics", "to": "delivery_disputes"}


def test_removing_the_stated_deadline_falls_back_to_the_default(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client_for(driver).post(reverse("cases:correct", args=[case.pk]), correction(case))
    case.refresh_from_db()
    assert case.stated_deadline is None
    assert case.deadline_source == "platform"
    assert case.deadline_is_default


def test_a_bad_correction_changes_nothing(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE)
    before = case.deadline
    response = client_for(driver).post(
        reverse("cases:correct", args=[case.pk]), correction(case, kind="vaporised")
    )
    assert response.status_code == 200
    assert "vaporised" in response.content.decode()
    case.refresh_from_db()
    assert case.kind == "deactivation" and case.deadline == before
    assert not case.corrections.exists()


def test_an_outsider_gets_404(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(other_driver)
    assert client.get(reverse("cases:correct", args=[case.pk])).status_code == 404
    response = client.post(
        reverse("cases:correct", args=[case.pk]), correction(case, kind="warning")
    )
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.kind == "deactivation"
