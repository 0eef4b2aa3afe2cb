"""Reads of cases that depend on who is asking. Views and commands go through these."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.cases.models import Case, ChecklistItem, ClaimInvite, token_digest
from reinstate.core.cli import Error


def visible_cases(user: User) -> QuerySet[Case]:
    """The driver's own cases, and those shared with an organisation the user advocates for."""
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(Q(owner=user) | Q(organisation__membership__user=user)).distinct()


def get_case_for_user(user: User, case_id: int) -> Case:
    """The case, or 404: an outsider cannot tell a case that exists from one that does not."""
    try:
        return visible_cases(user).select_related("owner", "organisation").get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404("No such case") from None


def get_checklist_item_for_user(user: User, case_id: int, item_id: int) -> ChecklistItem:
    case = get_case_for_user(user, case_id)
    try:
        return case.checklist.get(pk=item_id)
    except ChecklistItem.DoesNotExist:
        raise Http404("No such checklist item") from None


def cases_for_docket(user: User) -> list[Case]:
    """Open cases first by deadline (soonest, overdue included), then closed ones."""
    cases = list(visible_cases(user).select_related("owner"))
    return sorted(
        cases,
        key=lambda c: (
            c.status != Case.Status.OPEN,
            c.deadline is None,
            c.deadline.timestamp() if c.deadline else 0,
            -c.created_at.timestamp(),
        ),
    )


def get_user_by_calendar_token(token: str) -> User:
    try:
        return User.objects.get(calendar_token=token, is_active=True)
    except User.DoesNotExist:
        raise Http404("No such calendar") from None


def get_own_case_for_user(user: User, case_id: int) -> Case:
    """A case the user owns: sharing and unsharing are the driver's decision alone."""
    case = get_case_for_user(user, case_id)
    if case.owner_id != user.pk:
        raise Http404("No such case")
    return case


def case_numbered(case_id: int) -> Case:
    """The case a command names by its number, or a one-line error."""
    try:
        return Case.objects.select_related("owner").get(pk=case_id)
    except Case.DoesNotExist:
        raise Error(
            _("No case %(id)s. See your cases with: reinstate case list --user NAME")
            % {"id": case_id}
        ) from None


def get_invite_for_advocate(user: User, case_id: int) -> ClaimInvite:
    """The claim invite of a case not yet claimed, for an advocate of the organisation that
    opened it; 404 for anyone else (the driver, once they claimed it, included)."""
    case = get_case_for_user(user, case_id)
    invite = (
        ClaimInvite.objects.select_related("case__owner", "organisation", "opened_by")
        .filter(case=case, claimed_at__isnull=True, organisation__membership__user=user)
        .first()
    )
    if invite is None:
        raise Http404("No such invite")
    return invite


def invite_for_token(token: str) -> ClaimInvite | None:
    """The invite a claim link names, claimed or not; None when no link matches."""
    if not token or "\x00" in token:
        return None
    return (
        ClaimInvite.objects.select_related("case", "organisation", "opened_by")
        .filter(token_hash=token_digest(token))
        .first()
    )


def waiting_invites(organisation_id: int) -> list[ClaimInvite]:
    """The cases an organisation opened for drivers who have not claimed them yet, newest first."""
    return list(
        ClaimInvite.objects.select_related("case")
        .filter(organisation_id=organisation_id, claimed_at__isnull=True)
        .order_by("-created_at", "-pk")
    )
