"""The people the tests speak of: a driver, another driver, and an advocate."""

from __future__ import annotations

from django.test import Client

from reinstate.accounts.models import Membership, Organisation, User

PASSWORD = "correct horse battery staple"


def make_user(username: str, **extra: str) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, **extra)


def make_driver() -> User:
    """Dana drives Amazon Flex in Los Angeles."""
    return make_user("dana", time_zone="America/Los_Angeles", state="CA", city="Los Angeles")


def make_other_driver() -> User:
    """Omar drives for DoorDash in Chicago; he must never see Dana's cases."""
    return make_user("omar", time_zone="America/Chicago", state="IL", city="Chicago")


def make_advocate() -> User:
    """Ada works at a drivers' resource centre, which she set up: she is its admin."""
    user = make_user("ada", time_zone="America/New_York")
    organisation = Organisation.objects.create(name="Drivers Resource Center")
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def clinic(advocate: User) -> Organisation:
    """The one organisation an advocate persona belongs to."""
    return Organisation.objects.get(membership__user=advocate)
