"""Writes to accounts, each with an audit event."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from reinstate.accounts.models import (
    Membership,
    Organisation,
    User,
    new_calendar_token,
    new_invite_code,
)
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.lib.errors import UserInputError


class AccountInputError(UserInputError):
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
        record_event(kind=EventKind.USER_CREATED, actor=candidate, data={"username": username})
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
        record_event(kind=EventKind.USER_PROFILE_CHANGED, actor=user, data={"fields": changed})
    return changed


def do_reset_calendar_token(*, user: User) -> str:
    with transaction.atomic():
        user.calendar_token = new_calendar_token()
        user.save(update_fields=["calendar_token"])
        record_event(kind=EventKind.USER_CALENDAR_RESET, actor=user)
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
            kind=EventKind.ORGANISATION_CREATED,
            actor=actor,
            data={"organisation": organisation.pk, "advocates": [u.username for u in advocates]},
        )
    return organisation


def do_add_advocate(*, organisation: Organisation, user: User, actor: User | None) -> bool:
    """Make the user an advocate of the organisation; False if they already were."""
    with transaction.atomic():
        _, created = Membership.objects.get_or_create(organisation=organisation, user=user)
        if created:
            record_event(
                kind=EventKind.ORGANISATION_ADVOCATE_ADDED,
                actor=actor,
                data={"organisation": organisation.pk, "advocate": user.username},
            )
    return created


def do_remove_advocate(*, organisation: Organisation, user: User, actor: User | None) -> None:
    """Stop the user seeing the organisation's cases. The last advocate stays: someone must."""
    with transaction.atomic():
        # Lock the organisation so two advocates removing each other at once cannot both win.
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        memberships = Membership.objects.filter(organisation=organisation)
        membership = memberships.filter(user=user).first()
        if membership is None:
            raise AccountInputError(f"{user.username} is not an advocate of {organisation.name}.")
        if memberships.count() <= 1:
            raise AccountInputError(
                f"{user.username} is the only advocate of {organisation.name}, so cannot be "
                "removed. Add another advocate first."
            )
        membership.delete()
        record_event(
            kind=EventKind.ORGANISATION_ADVOCATE_REMOVED,
            actor=actor,
            data={"organisation": organisation.pk, "advocate": user.username},
        )


def do_replace_invite_code(*, organisation: Organisation, actor: User | None) -> str:
    """A new code for drivers to type; the old one stops working for new shares.

    Cases already shared keep their organisation: sharing is stored on the case, not the code.
    """
    old = organisation.invite_code
    code = new_invite_code()
    # Codes are short, so a clash with another organisation's code is possible; draw again.
    while code == old or Organisation.objects.filter(invite_code=code).exists():
        code = new_invite_code()
    with transaction.atomic():
        organisation.invite_code = code
        organisation.save(update_fields=["invite_code"])
        # The old code is recorded (it no longer works) so a driver's failed share can be
        # explained; the new one is not, so the log does not hand it out.
        record_event(
            kind=EventKind.ORGANISATION_CODE_REPLACED,
            actor=actor,
            data={"organisation": organisation.pk, "old_code": old},
        )
    return code
