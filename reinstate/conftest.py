"""Personas shared by every test: a driver, another driver, and an advocate."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.cases.actions import do_open_case
from reinstate.cases.models import Case
from reinstate.lib.notice_file import notice_from_text

PASSWORD = "correct horse battery staple"

# The browser tests drive Playwright's synchronous API, which runs an event loop
# in this thread; the ORM calls the live server makes are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def make_user(username: str, **extra: str) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, **extra)
    return user


@pytest.fixture
def driver(db: None) -> User:
    """Dana drives Amazon Flex in Los Angeles."""
    return make_user("dana", time_zone="America/Los_Angeles", state="CA", city="Los Angeles")


@pytest.fixture
def other_driver(db: None) -> User:
    """Omar drives for DoorDash in Chicago; he must never see Dana's cases."""
    return make_user("omar", time_zone="America/Chicago", state="IL", city="Chicago")


@pytest.fixture
def advocate(db: None) -> User:
    """Ada works at a drivers' resource centre."""
    user = make_user("ada", time_zone="America/New_York")
    organisation = Organisation.objects.create(name="Drivers Resource Center")
    Membership.objects.create(organisation=organisation, user=user)
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def open_case() -> Callable[..., Case]:
    def _open(
        user: User,
        text: str,
        received: str = "2026-11-02T16:00:00-08:00",
        tz: str = "America/Los_Angeles",
        **kwargs: object,
    ) -> Case:
        return do_open_case(
            owner=user,
            notice=notice_from_text(text),
            received=datetime.fromisoformat(received),
            tz=ZoneInfo(tz),
            **kwargs,  # type: ignore[arg-type]
        )

    return _open


FLEX_LATE = (
    "Dear Partner,\nWe have decided to end your participation in the Amazon Flex program. "
    "Over the past 30 days you arrived late to the delivery station for several blocks.\n"
    "You may appeal this decision within 10 calendar days of this message.\nAmazon Flex Support"
)
