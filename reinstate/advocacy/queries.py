"""Reads of the organisation's work on a case. Only members of the organisation the case is
shared with see it: anyone else (the driver included) gets 404, never a hint."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.http import Http404

from reinstate.accounts.models import Membership, User
from reinstate.advocacy.models import Assignment, Note, Task
from reinstate.cases.models import Case


def is_advocate_on(user: User, case: Case) -> bool:
    """Whether the user is a member of the organisation the case is shared with now, and not
    the driver: a driver who is a member too (a union rep's own case) never reads its notes."""
    if not user.is_authenticated or case.organisation_id is None or case.owner_id == user.pk:
        return False
    return Membership.objects.filter(organisation_id=case.organisation_id, user_id=user.pk).exists()


def get_case_for_advocate(user: User, case_id: int) -> Case:
    """The case, for a member of the organisation it is shared with; 404 for anyone else."""
    try:
        case = Case.objects.select_related("owner", "organisation").get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404("No such case") from None
    if not is_advocate_on(user, case):
        raise Http404("No such case")
    return case


def get_task_for_advocate(user: User, case_id: int, task_id: int) -> Task:
    case = get_case_for_advocate(user, case_id)
    try:
        return tasks_of(case).select_related("case").get(pk=task_id)
    except Task.DoesNotExist:
        raise Http404("No such task") from None


def members_of(organisation_id: int) -> list[User]:
    """The organisation's members, by name: who a case or a task can be given to."""
    return [
        m.user
        for m in Membership.objects.filter(organisation_id=organisation_id)
        .select_related("user")
        .order_by("user__username")
    ]


def assignee_of(case: Case) -> User | None:
    """Who carries the case for the organisation it is shared with now (None: nobody)."""
    if case.organisation_id is None:
        return None
    found = (
        Assignment.objects.filter(case=case, organisation_id=case.organisation_id)
        .select_related("assignee")
        .first()
    )
    return found.assignee if found else None


def notes_of(case: Case) -> QuerySet[Note]:
    """The notes of the organisation the case is shared with now, newest first. The caller
    has checked the reader is one of its members (get_case_for_advocate, is_advocate_on)."""
    if case.organisation_id is None:
        return Note.objects.none()
    return (
        Note.objects.filter(case=case, organisation_id=case.organisation_id)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )


def tasks_of(case: Case) -> QuerySet[Task]:
    """Open tasks first, soonest due first; then the done ones."""
    if case.organisation_id is None:
        return Task.objects.none()
    return (
        Task.objects.filter(case=case, organisation_id=case.organisation_id)
        .select_related("assignee")
        .order_by("done", "due_on", "pk")
    )


def open_tasks_for_calendar(user: User) -> list[Task]:
    """Open tasks of the open cases shared with the user's organisations (their calendar)."""
    if not user.is_authenticated:
        return []
    return list(
        Task.objects.filter(
            done=False,
            organisation__membership__user=user,
            case__status=Case.Status.OPEN,
            # A task of an organisation the case is no longer shared with is not theirs now.
            case__organisation=F("organisation"),
        )
        .exclude(case__owner=user)
        .select_related("case", "assignee")
        .order_by("due_on", "pk")
        .distinct()
    )
