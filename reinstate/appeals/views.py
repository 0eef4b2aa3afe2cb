"""The appeal pages. Thin: parse, look up through queries, act through actions, render.

Every part of the appeal is set through appeals.actions with the same sections as the command
line: a form changes one section's own fields and keeps the rest as it was; facts and plan
actions are added and removed one at a time, each by its own action.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals import forms, presenters
from reinstate.appeals.actions import (
    BuildInProgress,
    do_add_plan_action,
    do_add_statement,
    do_approve_letter,
    do_remove_plan_action,
    do_remove_statement,
    do_request_packet,
    do_save_letter,
    do_set_appeal,
    do_set_letter_language,
)
from reinstate.appeals.facts import appeal_sections, first_draft
from reinstate.appeals.guided import PAGES, url_of
from reinstate.appeals.guided_views import consent_context, letter_language_context, render_step
from reinstate.appeals.inputs import AppealInput, AppealInputError, from_form
from reinstate.appeals.models import Packet
from reinstate.appeals.packet_build import (
    MEDIA_TYPES,
    build_in_background,
    check_buildable,
    open_packet,
)
from reinstate.appeals.packet_content import PacketRefused
from reinstate.appeals.queries import (
    appeal_of,
    build_alive,
    get_letter_for_user,
    get_packet_for_user,
    latest_packets,
)
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.core.worker import any_worker_alive
from reinstate.lib.page_context import page_context
from reinstate.rules.appeal.shape import Explanation, Plan, PlanAction, Record, Statement


def _page(
    request: AuthenticatedHttpRequest, case: Case, status: int = 200, **refused: Form
) -> HttpResponse:
    """The page the form came from; `refused`: a form sent back with its errors, in place of
    the stored values."""
    step = _step(request)
    if step:
        return render_step(request, case, step, status=status, **refused)
    page = presenters.appeal_page(case, now=timezone.now())
    context = page_context(page) | _stored_forms(page) | letter_language_context(case, page)
    context |= consent_context(request, case) | refused
    return render(request, "appeals/detail.html", context, status=status)


def _stored_forms(page: presenters.AppealPage) -> dict[str, Form]:
    sections, latest = page.facts.appeal, page.latest_letter
    causes = page.suggestions.root_causes
    return {
        "explanation_form": forms.ExplanationForm(
            policies=page.policies, initial=forms.initial(sections.explanation)
        ),
        "statement_form": forms.StatementForm(items=page.exhibits),
        "plan_form": forms.PlanForm(
            causes=causes, policies=page.policies, initial=forms.plan_initial(sections.plan, causes)
        ),
        "action_form": forms.ActionForm(),
        "record_form": forms.RecordForm(initial=forms.initial(sections.record)),
        "letter_form": forms.LetterForm(initial={"text": latest.text if latest else ""}),
    }


def _step(request: AuthenticatedHttpRequest) -> str:
    """The guided page a form was sent from (its hidden `step`), "" for the whole page."""
    step = request.POST.get("step", "")
    return step if step in PAGES else ""


def _back(request: AuthenticatedHttpRequest, case: Case) -> HttpResponse:
    step = _step(request)
    return redirect(url_of(case, step) if step else reverse("appeals:detail", args=[case.pk]))


def _saved(case: Case, message: str, request: AuthenticatedHttpRequest) -> HttpResponse:
    messages.success(request, message)
    return _back(request, case)


def _policies(case: Case) -> list[tuple[str, str]]:
    return presenters.policy_choices(case, appeal_sections(appeal_of(case)))


@require_GET
@login_required
def appeal_page(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    return _page(request, get_case_for_user(request.user, case_id))


@require_POST
@login_required
def save_explanation(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.ExplanationForm(request.POST, policies=_policies(case))
    if not form.is_valid():
        return _page(request, case, 400, explanation_form=form)
    explanation = from_form(Explanation, form.cleaned_data)
    data = AppealInput(explanation=explanation)
    do_set_appeal(case=case, data=data, actor=request.user, keep_rows=True)
    return _saved(case, _("Your explanation is saved."), request)


AUTOSAVED = ("explanation", "plan", "record")


@require_POST
@login_required
def autosave(request: AuthenticatedHttpRequest, case_id: int, section: str) -> HttpResponse:
    """One section's fields as the driver types (the page's script posts them): stored through
    the same action as its Save button, answered with a quiet line, or with what to fix."""
    case = get_case_for_user(request.user, case_id)
    if section not in AUTOSAVED:
        raise Http404("No such section")
    form: Form
    if section == "explanation":
        form = forms.ExplanationForm(request.POST, policies=_policies(case))
    elif section == "plan":
        form = forms.PlanForm(
            request.POST, causes=presenters.suggestions(case).root_causes, policies=_policies(case)
        )
    else:
        form = forms.RecordForm(request.POST)
    if not form.is_valid():
        context = {"problems": forms.problems(form)}
        return render(request, "appeals/partials/_autosaved.html", context, status=400)
    if isinstance(form, forms.ExplanationForm):
        data = AppealInput(explanation=from_form(Explanation, form.cleaned_data))
    elif isinstance(form, forms.PlanForm):
        data = AppealInput(plan=from_form(Plan, form.cleaned_data, root_causes=form.causes()))
    else:
        data = AppealInput(record=from_form(Record, form.cleaned_data))
    do_set_appeal(case=case, data=data, actor=request.user, keep_rows=True)
    saved_at = timezone.localtime(timezone.now(), case.tz)
    return render(request, "appeals/partials/_autosaved.html", {"saved_at": saved_at})


@require_POST
@login_required
def add_statement(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.StatementForm(request.POST, items=list(case.evidence.all()))
    if not form.is_valid():
        return _page(request, case, 400, statement_form=form)
    statement = from_form(Statement, form.cleaned_data)
    try:
        do_add_statement(case=case, statement=statement, actor=request.user)
    except AppealInputError as error:
        form.add_error(None, str(error))
        return _page(request, case, 400, statement_form=form)
    return _saved(case, _("The fact is saved."), request)


@require_POST
@login_required
def remove_statement(
    request: AuthenticatedHttpRequest, case_id: int, statement_id: int
) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    if do_remove_statement(case=case, statement_id=statement_id, actor=request.user) is None:
        raise Http404("No such statement")
    return _saved(case, _("The list of facts is saved."), request)


@require_POST
@login_required
def save_plan(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.PlanForm(
        request.POST, causes=presenters.suggestions(case).root_causes, policies=_policies(case)
    )
    if not form.is_valid():
        return _page(request, case, 400, plan_form=form)
    plan = from_form(Plan, form.cleaned_data, root_causes=form.causes())
    do_set_appeal(case=case, data=AppealInput(plan=plan), actor=request.user, keep_rows=True)
    return _saved(case, _("Your plan is saved."), request)


@require_POST
@login_required
def add_action(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.ActionForm(request.POST)
    if not form.is_valid():
        return _page(request, case, 400, action_form=form)
    action = from_form(PlanAction, form.cleaned_data)
    do_add_plan_action(case=case, action=action, actor=request.user)
    return _saved(case, _("The action is saved."), request)


@require_POST
@login_required
def remove_action(request: AuthenticatedHttpRequest, case_id: int, action_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    if do_remove_plan_action(case=case, action_id=action_id, actor=request.user) is None:
        raise Http404("No such action")
    return _saved(case, _("The list of actions is saved."), request)


@require_POST
@login_required
def save_record(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.RecordForm(request.POST)
    if not form.is_valid():
        return _page(request, case, 400, record_form=form)
    record = from_form(Record, form.cleaned_data)
    do_set_appeal(case=case, data=AppealInput(record=record), actor=request.user)
    return _saved(case, _("Your record is saved."), request)


@require_POST
@login_required
def draft_letter(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    letter = do_save_letter(case=case, text=first_draft(case), actor=request.user)
    messages.success(
        request,
        _("Drafted version %(number)s from your appeal. Read it, edit it, then approve it.")
        % {"number": letter.number},
    )
    return _back(request, case)


@require_POST
@login_required
def save_letter(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.LetterForm(request.POST)
    if form.is_valid():
        try:
            letter = do_save_letter(case=case, text=form.cleaned_data["text"], actor=request.user)
        except AppealInputError as error:
            form.add_error("text", str(error))
        else:
            return _saved(
                case,
                _("Version %(number)s of your letter is saved.") % {"number": letter.number},
                request,
            )
    return _page(request, case, 400, letter_form=form)


@require_POST
@login_required
def approve_letter(request: AuthenticatedHttpRequest, case_id: int, number: int) -> HttpResponse:
    letter = get_letter_for_user(request.user, case_id, number)
    try:
        do_approve_letter(
            letter=letter, actor=request.user, consent=str(request.POST.get("consent", ""))
        )
    except AppealInputError as error:
        messages.error(request, str(error))
        return _back(request, letter.case)
    messages.success(
        request,
        _("Version %(number)s approved: packets now carry it.") % {"number": letter.number},
    )
    return _back(request, letter.case)


@require_POST
@login_required
def set_letter_language(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """The language the letter is drafted in and the packet built in (not the pages')."""
    case = get_case_for_user(request.user, case_id)  # an outsider gets 404
    form = forms.LetterLanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose English or Spanish for the letter."))
        return _back(request, case)
    language = form.cleaned_data["letter_language"]
    do_set_letter_language(case=case, language=language, actor=request.user)
    if language == "en":
        messages.success(
            request,
            _("The letter will be in English. Draft it again to write it in English."),
        )
    else:
        messages.success(
            request,
            _("The letter will be in Spanish. Draft it again to write it in Spanish."),
        )
    return _back(request, case)


@require_GET
@login_required
def letter_version(request: AuthenticatedHttpRequest, case_id: int, number: int) -> HttpResponse:
    letter = get_letter_for_user(request.user, case_id, number)
    return render(request, "appeals/letter.html", {"case": letter.case, "letter": letter})


@require_POST
@login_required
def build_packet(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.PacketForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose PDF, plain text or Word."))
        return _back(request, case)
    fmt, draft = form.cleaned_data["format"], form.cleaned_data["draft"]
    try:
        check_buildable(case, fmt=fmt, draft=draft)
    except PacketRefused as error:
        messages.error(request, str(error))
        return _back(request, case)
    try:
        packet = do_request_packet(
            case=case, fmt=fmt, draft=draft, actor=request.user, one_at_a_time=True
        )
    except BuildInProgress as running:
        # One build per case at a time: show the one under way rather than start another.
        messages.info(
            request,
            _(
                "A packet for this case is already being built: it is shown below. "
                "Build again once it is ready."
            ),
        )
        if request.htmx:
            return render(request, "appeals/partials/_packet_status.html", _status(running.packet))
        return _back(request, case)
    build_in_background(packet, actor=request.user)
    if request.htmx:
        return render(request, "appeals/partials/_packet_status.html", _status(packet))
    return _back(request, case)


@require_GET
@login_required
def packet_status(request: AuthenticatedHttpRequest, case_id: int, packet_id: int) -> HttpResponse:
    packet = get_packet_for_user(request.user, case_id, packet_id)
    response = render(request, "appeals/partials/_packet_status.html", _status(packet))
    if packet.status != packet.Status.BUILDING and request.htmx:
        response["HX-Refresh"] = "true"  # show the new download links and readiness
    return response


def _status(packet: Packet) -> dict[str, object]:
    # A queued build with no worker alive waits for someone to start one: say so.
    no_worker = packet.queued and not any_worker_alive()
    # A build whose worker stopped (or cut off in the web process) is not polled for ever;
    # one still waiting in the queue is never taken for stopped, however long it waits.
    stopped = packet.status == packet.Status.BUILDING and not build_alive(packet)
    return {"case": packet.case, "packet": packet, "no_worker": no_worker, "stopped": stopped}


@require_GET
@login_required
def packet_download(
    request: AuthenticatedHttpRequest, case_id: int, packet_id: int
) -> HttpResponseBase:
    packet = get_packet_for_user(request.user, case_id, packet_id)  # 404 for outsiders
    try:
        handle = open_packet(packet.path) if packet.status == packet.Status.READY else None
    except FileNotFoundError:
        handle = None
    if handle is None:
        # An old link (a rebuilt packet, a bookmark): say so, and point at the newest one.
        newest = latest_packets(packet.case).get(packet.format)
        context = {"case": packet.case, "packet": packet, "newest": newest}
        gone = packet.status == packet.Status.READY  # it was built, and its file is gone
        return render(request, "appeals/packet_gone.html", context, status=410 if gone else 404)
    name = f"appeal-case-{packet.case.pk}{'-draft' if packet.draft else ''}.{packet.format}"
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["Content-Type"] = MEDIA_TYPES[packet.format]
    response["X-Content-Type-Options"] = "nosniff"
    return response
