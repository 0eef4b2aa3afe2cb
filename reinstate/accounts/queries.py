"""Reads of organisations that depend on who is asking. Outsiders get 404, never a hint."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from reinstate.accounts.models import Membership, Organisation, PlatformAccount, User
from reinstate.core.cli import Error


def _advocated_by(user: User) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    advocates = Membership.objects.select_related("user").order_by("user__username")
    return (
        Organisation.objects.filter(membership__user=user)
        # `cases` is the reverse of Case.organisation: every case shared with it, open or closed,
        # and how the closed ones ended: the outcomes a clinic counts.
        .annotate(
            case_count=Count("cases", distinct=True),
            open_count=Count("cases", filter=Q(cases__status="open"), distinct=True),
            reinstated_count=Count(
                "cases",
                filter=Q(cases__status="closed", cases__outcome="reinstated"),
                distinct=True,
            ),
            denied_count=Count(
                "cases", filter=Q(cases__status="closed", cases__outcome="denied"), distinct=True
            ),
            other_count=Count(
                "cases",
                filter=Q(cases__status="closed") & ~Q(cases__outcome__in=["reinstated", "denied"]),
                distinct=True,
            ),
        )
        .prefetch_related(Prefetch("membership_set", queryset=advocates))
        .order_by("name", "pk")
    )


def organisations_for(user: User) -> list[Organisation]:
    """The organisations the user is a member of (admin or advocate), each with its advocates
    and case count."""
    return list(_advocated_by(user))


def get_organisation_for_advocate(user: User, organisation_id: int) -> Organisation:
    """The organisation, or 404 for anyone who is not one of its advocates."""
    try:
        return _advocated_by(user).get(pk=organisation_id)
    except (Organisation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such organisation") from None


def get_organisation_for_admin(user: User, organisation_id: int) -> Organisation:
    """The organisation, for one of its admins: 404 for anyone who is not a member, 403 for a
    member who is not an admin (they see the organisation, not its controls)."""
    organisation = get_organisation_for_advocate(user, organisation_id)
    if not is_admin(organisation, user):
        raise PermissionDenied("Only an admin of the organisation can do this")
    return organisation


def is_admin(organisation: Organisation, user: User) -> bool:
    return Membership.objects.filter(
        organisation=organisation, user_id=user.pk, role=Membership.Role.ADMIN
    ).exists()


def has_organisation_named(user: User, name: str) -> bool:
    """Whether the user already advocates for an organisation of this name (a double tap)."""
    return _advocated_by(user).filter(name__iexact=" ".join(name.split())).exists()


def advocate_of(organisation: Organisation, user_id: int) -> User | None:
    membership = (
        Membership.objects.select_related("user")
        .filter(organisation=organisation, user_id=user_id)
        .first()
    )
    return membership.user if membership else None


def find_user(username: str) -> User | None:
    """The active user with this user name, ignoring case when that is not ambiguous."""
    username = username.strip()
    if not username:
        return None
    # A placeholder holding an unclaimed case is nobody to add or name.
    active = User.objects.filter(is_active=True, placeholder=False)
    exact = active.filter(username=username).first()
    if exact is not None:
        return exact
    matches = list(active.filter(username__iexact=username)[:2])
    return matches[0] if len(matches) == 1 else None


def user_named(name: str) -> User:
    """The user a command names, or a one-line error that says how to create them."""
    try:
        return User.objects.get(username=name)
    except User.DoesNotExist:
        raise Error(
            _("No user named %(name)s. Create one with: reinstate user add %(username)s")
            % {"name": repr(name), "username": name}
        ) from None


def lacks_identity_for(user: User, platform: str | None) -> bool:
    """Whether an appeal to this platform could not yet say who is appealing: no legal name, or
    no email or phone for the driver's account there (none is asked when the platform is not
    known)."""
    if not user.legal_name:
        return True
    if platform is None:
        return False
    return not PlatformAccount.objects.filter(user=user, platform=platform).exists()
