"""Writes of the organisation's work on a case: one transaction and one audit event each.

The audit event never holds a note's text or a task's title: the log is kept for ever and the
driver's history reads it; it says that something was done, by whom, in what role."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.models import Membership, User
from reinstate.advocacy.models import Assignment, Note, Task
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case

MAX_NOTE = 5000
MAX_TITLE = 200


class AdvocacyInputError(ValueError):
    """Input a person can fix; the message says what to do."""


def _organisation_id(case: Case) -> int:
    if case.organisation_id is None:
        raise AdvocacyInputError(_("This case is not shared with an organisation."))
    return case.organisation_id


def _check_member(organisation_id: int, user: User | None) -> None:
    if (
        user is not None
        and not Membership.objects.filter(organisation_id=organisation_id, user_id=user.pk).exists()
    ):
        raise AdvocacyInputError(_("Choose a member of the organisation."))


def do_assign_case(*, case: Case, assignee: User | None, actor: User) -> Assignment | None:
    """Give the case to a member of its organisation, or to nobody (None)."""
    organisation_id = _organisation_id(case)
    _check_member(organisation_id, assignee)
    with transaction.atomic():
        Assignment.objects.filter(case=case).delete()
        assignment = None
        if assignee is not None:
            assignment = Assignment.objects.create(
                case=case, organisation_id=organisation_id, assignee=assignee
            )
        record_event(
            kind=EventKind.CASE_ASSIGNED,
            actor=actor,
            case_id=case.pk,
            data={
                "organisation": organisation_id,
                "assignee": assignee.username if assignee else None,
            },
        )
    return assignment


def do_add_note(*, case: Case, text: str, actor: User) -> Note:
    organisation_id = _organisation_id(case)
    text = text.strip()
    if not text:
        raise AdvocacyInputError(_("Write the note first."))
    if len(text) > MAX_NOTE:
        raise AdvocacyInputError(
            _("A note holds at most %(max)s characters; this one has %(count)s.")
            % {"max": MAX_NOTE, "count": len(text)}
        )
    with transaction.atomic():
        note = Note.objects.create(
            case=case,
            organisation_id=organisation_id,
            author=actor,
            text=text,
        )
        record_event(
            kind=EventKind.NOTE_ADDED,
            actor=actor,
            case_id=case.pk,
            data={"organisation": organisation_id, "note": note.pk},
        )
    return note


def do_add_task(
    *, case: Case, title: str, due_on: date, assignee: User | None, actor: User
) -> Task:
    organisation_id = _organisation_id(case)
    title = " ".join(title.split())
    if not title:
        raise AdvocacyInputError(_("Say what is to be done."))
    if len(title) > MAX_TITLE:
        raise AdvocacyInputError(_("Keep the task under %(max)s characters.") % {"max": MAX_TITLE})
    _check_member(organisation_id, assignee)
    with transaction.atomic():
        task = Task.objects.create(
            case=case,
            organisation_id=organisation_id,
            title=title,
            due_on=due_on,
            assignee=assignee,
            created_by=actor,
        )
        record_event(
            kind=EventKind.TASK_ADDED,
            actor=actor,
            case_id=case.pk,
            data={"organisation": organisation_id, "task": task.pk, "due_on": due_on},
        )
    return task


def do_set_task_done(*, task: Task, done: bool, actor: User) -> Task:
    """Tick a task done, or take the tick back. Ticking twice records nothing new."""
    if task.done == done:
        return task
    with transaction.atomic():
        task.done = done
        task.done_at = timezone.now() if done else None
        task.save(update_fields=["done", "done_at"])
        record_event(
            kind=EventKind.TASK_DONE if done else EventKind.TASK_REOPENED,
            actor=actor,
            case_id=task.case_id,
            data={"organisation": task.organisation_id, "task": task.pk},
        )
    return task
