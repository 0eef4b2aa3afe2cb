"""Writes to accounts, each with an audit event."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from reinstate.accounts.models import Membership, Organisation, User, new_calendar_token
from reinstate.audit.actions import record_event


class AccountInputError(ValueError):
    pass


def do_create_user(
    *,
    username: str,
    password: str,
    email: str = "",
    time_zone: str = "America/New_York",
    state: str = "",
    city: str = "",
) -> User:
    username = username.strip()
    if not username:
        raise AccountInputError("A user name is needed.")
    if User.objects.filter(username__iexact=username).exists():
        raise AccountInputError(f"The user name {username!r} is taken.")
    candidate = User(username=username, email=email, time_zone=time_zone, state=state, city=city)
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise AccountInputError(" ".join(error.messages)) from None
    with transaction.atomic():
        candidate.set_password(password)
        candidate.save()
        record_event(kind="user.created", actor=candidate, data={"username": username})
    return candidate


PROFILE_FIELDS = ("email", "time_zone", "state", "city")


def do_update_profile(*, user: User, **values: str) -> list[str]:
    """Change where the driver works and how to reach them; returns the fields that changed."""
    changed = [f for f in PROFILE_FIELDS if f in values and getattr(user, f) != values[f]]
    if not changed:
        return []
    with transaction.atomic():
        for field in changed:
            setattr(user, field, values[field])
        user.save(update_fields=changed)
        record_event(kind="user.profile_changed", actor=user, data={"fields": changed})
    return changed


def do_reset_calendar_token(*, user: User) -> str:
    with transaction.atomic():
        user.calendar_token = new_calendar_token()
        user.save(update_fields=["calendar_token"])
        record_event(kind="user.calendar_reset", actor=user)
    return user.calendar_token


def do_create_organisation(*, name: str, advocates: list[User], actor: User | None) -> Organisation:
    """An organisation whose advocates see the cases drivers share with it."""
    name = " ".join(name.split())
    if not name:
        raise AccountInputError("An organisation needs a name.")
    with transaction.atomic():
        organisation = Organisation.objects.create(name=name)
        for user in advocates:
            Membership.objects.create(organisation=organisation, user=user)
        record_event(
            kind="organisation.created",
            actor=actor,
            data={"organisation": organisation.pk, "advocates": [u.username for u in advocates]},
        )
    return organisation


def do_add_advocate(*, organisation: Organisation, user: User, actor: User | None) -> None:
    with transaction.atomic():
        _, created = Membership.objects.get_or_create(organisation=organisation, user=user)
        if created:
            record_event(
                kind="organisation.advocate_added",
                actor=actor,
                data={"organisation": organisation.pk, "advocate": user.username},
            )
