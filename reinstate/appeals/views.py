"""The appeal pages. Thin: parse, look up through queries, act through actions, render.

Every part of the appeal is set through appeals.actions.do_set_appeal with the same sections
as the command line; a form changes one section and keeps the rest as it was.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals import forms
from reinstate.appeals.actions import (
    do_approve_letter,
    do_request_packet,
    do_save_letter,
    do_set_appeal,
)
from reinstate.appeals.assess import current_explanation, current_plan, first_draft
from reinstate.appeals.inputs import AppealInput, AppealInputError, Record, check_policies
from reinstate.appeals.packet_build import (
    MEDIA_TYPES,
    build_in_background,
    check_buildable,
    text_count,
)
from reinstate.appeals.packet_content import PacketRefused
from reinstate.appeals.presenters import appeal_page_context, policy_choices, suggestions
from reinstate.appeals.queries import appeal_of, get_letter_for_user, get_packet_for_user
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.rules.appeal.readiness import PlanAction, Statement


def _page(
    request: AuthenticatedHttpRequest, case: Case, status: int = 200, **forms_: Any
) -> HttpResponse:
    context = appeal_page_context(case, now=timezone.now())
    appeal = context["appeal"]
    policies = context["policies"]
    context["explanation_form"] = forms_.get("explanation_form") or forms.ExplanationForm(
        policies=policies,
        initial={
            "policies": appeal.policies,
            "policy_quote": appeal.policy_quote,
            "what_happened": appeal.what_happened,
            "acknowledgement": appeal.acknowledgement,
            "context": appeal.context,
        },
    )
    context["statement_form"] = forms_.get("statement_form") or forms.StatementForm(
        items=context["exhibits"]
    )
    causes = context["suggestions"]["root_causes"]
    context["plan_form"] = forms_.get("plan_form") or forms.PlanForm(
        causes=causes,
        policies=policies,
        initial={
            "root_causes": [c for c in appeal.root_causes if c in causes],
            "other_causes": "\n".join(c for c in appeal.root_causes if c not in causes),
            "monitoring_metric": appeal.monitoring_metric,
            "monitoring_threshold": appeal.monitoring_threshold,
            "monitoring_frequency": appeal.monitoring_frequency,
            "commitment": appeal.commitment,
            "commitment_policies": appeal.commitment_policies,
        },
    )
    context["action_form"] = forms_.get("action_form") or forms.ActionForm()
    context["record_form"] = forms_.get("record_form") or forms.RecordForm(
        initial={
            "driving_since": appeal.driving_since,
            "work_completed": appeal.work_completed,
            "metrics": appeal.metrics,
            "positive_feedback": appeal.positive_feedback,
        }
    )
    latest = context["latest_letter"]
    context["letter_form"] = forms_.get("letter_form") or forms.LetterForm(
        initial={"text": latest.text if latest else ""}
    )
    context["text_count"] = (
        text_count(context["packets"]["txt"]["packet"]) if "txt" in context["packets"] else None
    )
    return render(request, "appeals/detail.html", context, status=status)


def _saved(case: Case, what: str, request: AuthenticatedHttpRequest) -> HttpResponse:
    messages.success(request, f"{what} saved.")
    return redirect("appeals:detail", case_id=case.pk)


@require_GET
@login_required
def appeal_page(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    return _page(request, get_case_for_user(request.user, case_id))


@require_POST
@login_required
def save_explanation(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    appeal = appeal_of(case)
    form = forms.ExplanationForm(request.POST, policies=policy_choices(case, appeal))
    if not form.is_valid():
        return _page(request, case, 400, explanation_form=form)
    data = form.cleaned_data
    explanation = replace(
        current_explanation(appeal),
        policies=check_policies(tuple(data["policies"]), "policies"),
        policy_quote=data["policy_quote"].strip(),
        what_happened=data["what_happened"].strip(),
        acknowledgement=data["acknowledgement"].strip(),
        context=data["context"].strip(),
    )
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=request.user)
    return _saved(case, "Your explanation is", request)


@require_POST
@login_required
def add_statement(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.StatementForm(request.POST, items=list(case.evidence.all()))
    if not form.is_valid():
        return _page(request, case, 400, statement_form=form)
    current = current_explanation(appeal_of(case))
    statement = Statement(form.cleaned_data["text"].strip(), tuple(form.cleaned_data["exhibits"]))
    explanation = replace(current, statements=(*current.statements, statement))
    try:
        do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=request.user)
    except AppealInputError as error:
        form.add_error(None, str(error))
        return _page(request, case, 400, statement_form=form)
    return _saved(case, "The fact is", request)


@require_POST
@login_required
def remove_statement(request: AuthenticatedHttpRequest, case_id: int, index: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    current = current_explanation(appeal_of(case))
    if not 0 <= index < len(current.statements):
        raise Http404("No such statement")
    kept = current.statements[:index] + current.statements[index + 1 :]
    explanation = replace(current, statements=kept)
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=request.user)
    return _saved(case, "The list of facts is", request)


@require_POST
@login_required
def save_plan(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    appeal = appeal_of(case)
    form = forms.PlanForm(
        request.POST,
        causes=suggestions(case)["root_causes"],
        policies=policy_choices(case, appeal),
    )
    if not form.is_valid():
        return _page(request, case, 400, plan_form=form)
    data = form.cleaned_data
    plan = replace(
        current_plan(appeal),
        root_causes=form.causes(),
        monitoring_metric=data["monitoring_metric"].strip(),
        monitoring_threshold=data["monitoring_threshold"].strip(),
        monitoring_frequency=data["monitoring_frequency"].strip(),
        commitment=data["commitment"].strip(),
        commitment_policies=check_policies(tuple(data["commitment_policies"]), "commitment"),
    )
    do_set_appeal(case=case, data=AppealInput(plan=plan), actor=request.user)
    return _saved(case, "Your plan is", request)


@require_POST
@login_required
def add_action(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.ActionForm(request.POST)
    if not form.is_valid():
        return _page(request, case, 400, action_form=form)
    data = form.cleaned_data
    current = current_plan(appeal_of(case))
    action = PlanAction(data["action"].strip(), data["target"].strip(), data["starts_on"])
    plan = replace(current, actions=(*current.actions, action))
    do_set_appeal(case=case, data=AppealInput(plan=plan), actor=request.user)
    return _saved(case, "The action is", request)


@require_POST
@login_required
def remove_action(request: AuthenticatedHttpRequest, case_id: int, index: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    current = current_plan(appeal_of(case))
    if not 0 <= index < len(current.actions):
        raise Http404("No such action")
    plan = replace(current, actions=current.actions[:index] + current.actions[index + 1 :])
    do_set_appeal(case=case, data=AppealInput(plan=plan), actor=request.user)
    return _saved(case, "The list of actions is", request)


@require_POST
@login_required
def save_record(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = forms.RecordForm(request.POST)
    if not form.is_valid():
        return _page(request, case, 400, record_form=form)
    record = Record(**{k: v.strip() for k, v in form.cleaned_data.items()})
    do_set_appeal(case=case, data=AppealInput(record=record), actor=request.user)
    return _saved(case, "Your record is", request)


@require_POST
@login_required
def draft_letter(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    letter = do_save_letter(case=case, text=first_draft(case), actor=request.user)
    messages.success(
        request,
        f"Drafted version {letter.number} from your appeal. Read it, edit it, then approve it.",
    )
    return redirect("appeals:detail", case_id=case.pk)


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
            return _saved(case, f"Version {letter.number} of your letter is", request)
    return _page(request, case, 400, letter_form=form)


@require_POST
@login_required
def approve_letter(request: AuthenticatedHttpRequest, case_id: int, number: int) -> HttpResponse:
    letter = get_letter_for_user(request.user, case_id, number)
    do_approve_letter(letter=letter, actor=request.user)
    messages.success(request, f"Version {letter.number} approved: packets now carry it.")
    return redirect("appeals:detail", case_id=case_id)


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
        messages.error(request, "Choose PDF, plain text or Word.")
        return redirect("appeals:detail", case_id=case.pk)
    fmt, draft = form.cleaned_data["format"], form.cleaned_data["draft"]
    try:
        check_buildable(case, fmt=fmt, draft=draft)
    except PacketRefused as error:
        messages.error(request, str(error))
        return redirect("appeals:detail", case_id=case.pk)
    packet = do_request_packet(case=case, fmt=fmt, draft=draft, actor=request.user)
    build_in_background(packet, actor=request.user)
    if request.htmx:
        return render(
            request, "appeals/partials/_packet_status.html", {"case": case, "packet": packet}
        )
    return redirect("appeals:detail", case_id=case.pk)


@require_GET
@login_required
def packet_status(request: AuthenticatedHttpRequest, case_id: int, packet_id: int) -> HttpResponse:
    packet = get_packet_for_user(request.user, case_id, packet_id)
    response = render(
        request, "appeals/partials/_packet_status.html", {"case": packet.case, "packet": packet}
    )
    if packet.status != packet.Status.BUILDING and request.htmx:
        response["HX-Refresh"] = "true"  # show the new download links and readiness
    return response


@require_GET
@login_required
def packet_download(
    request: AuthenticatedHttpRequest, case_id: int, packet_id: int
) -> FileResponse:
    packet = get_packet_for_user(request.user, case_id, packet_id)
    path = Path(settings.REINSTATE_HOME) / packet.path
    if not packet.path or packet.status != packet.Status.READY or not path.is_file():
        raise Http404("This packet is no longer kept; build it again.")
    name = f"appeal-case-{packet.case.pk}{'-draft' if packet.draft else ''}.{packet.format}"
    response = FileResponse(path.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = MEDIA_TYPES[packet.format]
    response["X-Content-Type-Options"] = "nosniff"
    return response
