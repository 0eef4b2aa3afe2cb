"""The organisation's work on a case: thin views. Each change answers htmx with the section
again (always 200: htmx swaps no error page), else goes back to the case page, or shows the
work page with what was typed and why it was refused (400)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.accounts.models import User
from reinstate.advocacy.actions import (
    AdvocacyInputError,
    do_add_note,
    do_add_task,
    do_assign_case,
    do_set_task_done,
)
from reinstate.advocacy.forms import AssignForm, NoteForm, TaskForm
from reinstate.advocacy.presenters import WorkSection, work_section
from reinstate.advocacy.queries import get_case_for_advocate, get_task_for_advocate, members_of
from reinstate.cases.models import Case


@require_GET
@login_required
def work(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_advocate(request.user, case_id)
    return _page(request, work_section(request.user, case, today=timezone.localdate()))


@require_POST
@login_required
def assign(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_advocate(request.user, case_id)
    form = AssignForm(request.POST, members=_members(case))
    if form.is_valid():
        assignee = form.member("assignee")
        try:
            do_assign_case(case=case, assignee=assignee, actor=request.user)
        except AdvocacyInputError as error:
            form.add_error("assignee", str(error))
        else:
            if assignee is None:
                done = _("Nobody carries this case now.")
            else:
                done = _("%(name)s carries this case now.") % {"name": assignee.display_name()}
            return _done(request, case, done)
    return _refused(request, case, assign_form=form)


@require_POST
@login_required
def add_note(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_advocate(request.user, case_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            do_add_note(case=case, text=form.cleaned_data["text"], actor=request.user)
        except AdvocacyInputError as error:
            form.add_error("text", str(error))
        else:
            return _done(request, case, _("Note added."))
    return _refused(request, case, note_form=form)


@require_POST
@login_required
def add_task(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_advocate(request.user, case_id)
    form = TaskForm(request.POST, members=_members(case))
    if form.is_valid():
        try:
            do_add_task(
                case=case,
                title=form.cleaned_data["title"],
                due_on=form.cleaned_data["due_on"],
                assignee=form.member("assignee"),
                actor=request.user,
            )
        except AdvocacyInputError as error:
            form.add_error(None, str(error))
        else:
            return _done(request, case, _("Task added."))
    return _refused(request, case, task_form=form)


@require_POST
@login_required
def task_done(request: AuthenticatedHttpRequest, case_id: int, task_id: int) -> HttpResponse:
    task = get_task_for_advocate(request.user, case_id, task_id)
    done = request.POST.get("done") == "1"
    do_set_task_done(task=task, done=done, actor=request.user)
    message = _("Task done.") if done else _("Task open again.")
    return _done(request, task.case, message)


def _members(case: Case) -> list[User]:
    assert case.organisation_id is not None
    return members_of(case.organisation_id)


def _done(request: AuthenticatedHttpRequest, case: Case, notice: str) -> HttpResponse:
    if request.htmx:
        section = work_section(request.user, case, today=timezone.localdate(), notice=notice)
        return render(request, "advocacy/partials/_work.html", {"work": section})
    messages.success(request, notice)
    return redirect(reverse("cases:detail", args=[case.pk]) + "#work-h")


def _refused(
    request: AuthenticatedHttpRequest,
    case: Case,
    *,
    assign_form: AssignForm | None = None,
    note_form: NoteForm | None = None,
    task_form: TaskForm | None = None,
) -> HttpResponse:
    """The section again with the refused form as typed and its errors."""
    section = work_section(
        request.user,
        case,
        today=timezone.localdate(),
        assign_form=assign_form,
        note_form=note_form,
        task_form=task_form,
        problem=_("Nothing was saved: see below."),
    )
    if request.htmx:
        return render(request, "advocacy/partials/_work.html", {"work": section})
    return _page(request, section, status=400)


def _page(
    request: AuthenticatedHttpRequest, section: WorkSection, status: int = 200
) -> HttpResponse:
    return render(request, "advocacy/work.html", {"work": section}, status=status)
