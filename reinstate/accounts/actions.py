"""Writes to accounts, each with an audit event."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from reinstate.accounts.identity import clean_identifier, clean_legal_name
from reinstate.accounts.models import (
    Membership,
    Organisation,
    PlatformAccount,
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
    legal_name: str = "",
    language: str = "",
) -> User:
    username = username.strip()
    legal_name = clean_legal_name(legal_name)
    if not username:
        raise AccountInputError(_("A user name is needed."))
    if User.objects.filter(username__iexact=username).exists():
        raise AccountInputError(_("The user name %(name)r is taken.") % {"name": username})
    candidate = User(
        username=username,
        email=email,
        time_zone=time_zone,
        state=state,
        city=city,
        legal_name=legal_name,
        language=language,
    )
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise AccountInputError(" ".join(error.messages)) from None
    with transaction.atomic():
        candidate.set_password(password)
        candidate.save()
        record_event(kind=EventKind.USER_CREATED, actor=candidate, data={"username": username})
    return candidate


PROFILE_FIELDS = ("email", "time_zone", "state", "city", "language")


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


def do_set_identity(
    *, user: User, legal_name: str | None = None, accounts: Mapping[str, str] | None = None
) -> list[str]:
    """Set the legal name (None: leave it) and, per catalogue platform, the email or phone
    the platform knows the driver by (blank removes it). Returns what changed: "legal_name"
    and the platform keys. The event names what changed, never the values."""
    name = None if legal_name is None else clean_legal_name(legal_name)
    wanted = {p: clean_identifier(p, value) for p, value in (accounts or {}).items()}
    with transaction.atomic():
        changed: list[str] = []
        if name is not None and name != user.legal_name:
            user.legal_name = name
            user.save(update_fields=["legal_name"])
            changed.append("legal_name")
        held = {a.platform: a for a in PlatformAccount.objects.filter(user=user)}
        for platform, identifier in wanted.items():
            account = held.get(platform)
            if not identifier:
                if account is not None:
                    account.delete()
                    changed.append(platform)
            elif account is None:
                PlatformAccount.objects.create(user=user, platform=platform, identifier=identifier)
                changed.append(platform)
            elif account.identifier != identifier:
                account.identifier = identifier
                account.save(update_fields=["identifier"])
                changed.append(platform)
        if changed:
            record_event(
                kind=EventKind.USER_IDENTITY_CHANGED, actor=user, data={"changed": changed}
            )
    return changed


def do_change_password(*, user: User, password: str, how: str) -> None:
    """A new password (`how`: "changed" by the signed-in user, "reset" by an emailed link,
    "set" on the command line). Every session signed in with the old one ends."""
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise AccountInputError(" ".join(error.messages)) from None
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record_event(kind=EventKind.USER_PASSWORD_CHANGED, actor=user, data={"how": how})


def do_sign_out_everywhere(*, user: User, password: str) -> None:
    """End every session of the user. A session is valid while it carries a hash of the
    stored password hash; hashing the same password again (a new salt) changes it, so every
    session ends. The caller keeps its own (django.contrib.auth.update_session_auth_hash)."""
    if not user.check_password(password):
        raise AccountInputError(_("That is not your password."))
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record_event(kind=EventKind.USER_SIGNED_OUT_EVERYWHERE, actor=user)


def do_reset_calendar_token(*, user: User) -> str:
    with transaction.atomic():
        user.calendar_token = new_calendar_token()
        user.save(update_fields=["calendar_token"])
        record_event(kind=EventKind.USER_CALENDAR_RESET, actor=user)
    return user.calendar_token


def do_create_organisation(*, name: str, advocates: list[User], actor: User | None) -> Organisation:
    """An organisation whose advocates see the cases drivers share with it. The first advocate
    listed (on the web, the person setting it up) is its admin."""
    name = " ".join(name.split())
    if not name:
        raise AccountInputError(_("An organisation needs a name."))
    with transaction.atomic():
        organisation = Organisation.objects.create(name=name)
        for index, user in enumerate(advocates):
            role = Membership.Role.ADMIN if index == 0 else Membership.Role.ADVOCATE
            Membership.objects.create(organisation=organisation, user=user, role=role)
        record_event(
            kind=EventKind.ORGANISATION_CREATED,
            actor=actor,
            data={
                "organisation": organisation.pk,
                "advocates": [u.username for u in advocates],
                "admin": advocates[0].username if advocates else None,
            },
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


def _only_admin(memberships: QuerySet[Membership], membership: Membership) -> bool:
    """Whether this member is the organisation's only admin: someone must stay one."""
    admins = memberships.filter(role=Membership.Role.ADMIN)
    return membership.role == Membership.Role.ADMIN and admins.count() <= 1


def _membership_locked(organisation: Organisation, user: User) -> Membership:
    # Lock the organisation so two admins changing each other at once cannot both win.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    membership = Membership.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        raise AccountInputError(
            _("%(name)s is not an advocate of %(organisation)s.")
            % {"name": user.username, "organisation": organisation.name}
        )
    return membership


def do_remove_advocate(*, organisation: Organisation, user: User, actor: User | None) -> None:
    """Stop the user seeing the organisation's cases (leaving, when the actor is the user).
    The last admin stays: someone must manage the organisation."""
    with transaction.atomic():
        membership = _membership_locked(organisation, user)
        memberships = Membership.objects.filter(organisation=organisation)
        if _only_admin(memberships, membership):
            raise AccountInputError(
                _(
                    "%(name)s is the only admin of %(organisation)s, so cannot leave or be "
                    "removed. Make another advocate an admin first."
                )
                % {"name": user.username, "organisation": organisation.name}
            )
        membership.delete()
        record_event(
            kind=EventKind.ORGANISATION_ADVOCATE_REMOVED,
            actor=actor,
            data={"organisation": organisation.pk, "advocate": user.username},
        )


def do_set_member_role(
    *, organisation: Organisation, user: User, role: str, actor: User | None
) -> bool:
    """Make a member an admin or an advocate; False if they already were. The last admin
    stays one."""
    role = Membership.Role(role)
    with transaction.atomic():
        membership = _membership_locked(organisation, user)
        if membership.role == role:
            return False
        memberships = Membership.objects.filter(organisation=organisation)
        if _only_admin(memberships, membership):
            raise AccountInputError(
                _(
                    "%(name)s is the only admin of %(organisation)s, so stays an admin. "
                    "Make another advocate an admin first."
                )
                % {"name": user.username, "organisation": organisation.name}
            )
        membership.role = role
        membership.save(update_fields=["role"])
        record_event(
            kind=EventKind.ORGANISATION_ROLE_CHANGED,
            actor=actor,
            data={"organisation": organisation.pk, "member": user.username, "role": role.value},
        )
    return True


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
