"""/healthz: what a monitor asks. It says when the data folder is nearly full (issue 15)."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

pytestmark = pytest.mark.django_db


def test_it_is_ok_with_room_to_spare(settings: Settings) -> None:
    settings.MIN_FREE_MB = 1
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["ok"] is True


def test_it_says_the_disk_is_nearly_full(settings: Settings) -> None:
    settings.MIN_FREE_MB = 10**12  # more than any disk here has
    response = Client().get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["ok"] is False
    assert "MB free" in body["problem"]
