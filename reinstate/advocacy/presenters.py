"""What the case page's "Your organisation's work" section shows, for members only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext_lazy

from reinstate.accounts.models import User
from reinstate.advocacy.forms import AssignForm, NoteForm, TaskForm
from reinstate.advocacy.models import Note, Task
from reinstate.advocacy.queries import assignee_of, members_of, notes_of, tasks_of
from reinstate.cases.models import Case

NOTES_SHOWN = 20
FORMER = gettext_lazy("Someone whose account is deleted")


@dataclass(frozen=True)
class NoteRow:
    author: str
    at: datetime
    text: str


@dataclass(frozen=True)
class TaskRow:
    id: int
    title: str
    due_on: date
    assignee: str  # "" for anyone
    done: bool
    overdue: bool


@dataclass(frozen=True)
class WorkSection:
    case: Case
    organisation: str
    assignee: str  # "" for nobody
    assigned_to_me: bool
    notes: tuple[NoteRow, ...]
    more_notes: int  # notes beyond those shown
    tasks: tuple[TaskRow, ...]
    open_tasks: int
    assign_form: AssignForm
    note_form: NoteForm
    task_form: TaskForm
    notice: str  # what was just done, said once
    problem: str  # why it was not


def task_row(task: Task, *, today: date) -> TaskRow:
    return TaskRow(
        id=task.pk,
        title=task.title,
        due_on=task.due_on,
        assignee=task.assignee.display_name() if task.assignee else "",
        done=task.done,
        overdue=not task.done and task.due_on < today,
    )


def _note_row(note: Note) -> NoteRow:
    author = note.author.display_name() if note.author else str(FORMER)
    return NoteRow(author=author, at=note.created_at, text=note.text)


def work_section(
    reader: User,
    case: Case,
    *,
    today: date,
    assign_form: AssignForm | None = None,
    note_form: NoteForm | None = None,
    task_form: TaskForm | None = None,
    notice: str = "",
    problem: str = "",
) -> WorkSection:
    """The caller has checked the reader is a member of the case's organisation."""
    assert case.organisation is not None
    members = members_of(case.organisation.pk)
    assignee = assignee_of(case)
    notes = list(notes_of(case)[: NOTES_SHOWN + 1])
    tasks = [task_row(t, today=today) for t in tasks_of(case)]
    return WorkSection(
        case=case,
        organisation=case.organisation.name,
        assignee=assignee.display_name() if assignee else "",
        assigned_to_me=assignee is not None and assignee.pk == reader.pk,
        notes=tuple(_note_row(n) for n in notes[:NOTES_SHOWN]),
        more_notes=max(0, notes_of(case).count() - NOTES_SHOWN) if len(notes) > NOTES_SHOWN else 0,
        tasks=tuple(tasks),
        open_tasks=sum(1 for t in tasks if not t.done),
        assign_form=assign_form
        or AssignForm(members=members, initial={"assignee": str(assignee.pk) if assignee else ""}),
        note_form=note_form or NoteForm(),
        task_form=task_form or TaskForm(members=members),
        notice=notice,
        problem=problem,
    )
