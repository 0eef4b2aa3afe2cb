from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_it_changes_time_zone_and_place(driver: User) -> None:
    client = client_for(driver)
    response = client.post(
        reverse("accounts:profile"),
        {"email": "", "time_zone": "America/Chicago", "state": "MN", "city": " Minneapolis "},
    )
    assert response.status_code == 302
    driver.refresh_from_db()
    assert (driver.time_zone, driver.state, driver.city) == ("America/Chicago", "MN", "Minneapolis")
    event = AuditEvent.objects.get(kind="user.profile_changed")
    assert set(event.data["fields"]) == {"time_zone", "state", "city"}


def test_it_shows_the_private_calendar_link_and_can_replace_it(driver: User) -> None:
    client = client_for(driver)
    old = driver.calendar_token
    assert old in client.get(reverse("accounts:profile")).content.decode()
    client.post(reverse("accounts:reset_calendar"))
    driver.refresh_from_db()
    assert driver.calendar_token != old
    assert client.get(reverse("cases:calendar_feed", args=[old])).status_code == 404


def test_it_requires_sign_in() -> None:
    from django.test import Client

    response = Client().get(reverse("accounts:profile"))
    assert response.status_code == 302
