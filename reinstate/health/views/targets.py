"""Targets after reinstatement: typed by hand, or kept from a reinstated case's plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases.models import Case
from reinstate.cases.queries import get_own_case_for_user
from reinstate.health import actions, queries
from reinstate.health.forms.targets import TargetForm
from reinstate.health.platforms import platform_name
from reinstate.health.presenters.targets import plan_form, target_rows
from reinstate.health.views.shared import driver_zone, overview_url, requested_platform


@require_http_methods(["GET", "POST"])
@login_required
def targets(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = requested_platform(request)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_target(
                owner=request.user,
                platform=platform,
                metric=form.cleaned_data["metric"],
                threshold=form.cleaned_data["level"],
                since=form.cleaned_data["since"],
                note=form.cleaned_data["note"],
            )
        except actions.HealthInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Target saved. The health page compares it with your blocks.")
            )
            return redirect(overview_url(platform))
    return render(
        request,
        "health/targets.html",
        {
            "form": form,
            "platform": platform,
            "platform_name": platform_name(platform),
            "rows": target_rows(request.user, platform, timezone.now()),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def plan_targets(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Keep watching your plan: the driver's own reinstated case only (advocates and anyone
    else get 404, as for every other health page: the numbers are the driver's)."""
    case = get_own_case_for_user(request.user, case_id)
    if case.outcome != Case.Outcome.REINSTATED or not case.platform:
        messages.info(
            request, _("First say on the case page that your account was reinstated, and when.")
        )
        return redirect("cases:detail", case_id=case.pk)
    today = timezone.now().astimezone(driver_zone(request)).date()
    form = plan_form(case, today=today, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kept = actions.do_watch_plan(
                owner=request.user,
                case=case,
                targets=form.targets,
                since=form.cleaned_data["since"],
            )
        except actions.HealthInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "Watching %(count)s target of your plan. You are warned early if the old "
                    "problem starts again.",
                    "Watching %(count)s targets of your plan. You are warned early if the old "
                    "problem starts again.",
                    len(kept),
                )
                % {"count": len(kept)},
            )
            if request.POST.get("back") == "health":
                return redirect(overview_url(case.platform))
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "health/plan.html",
        {
            "case": case,
            "form": form,
            "platform": case.platform,
            "platform_name": platform_name(case.platform),
            "rows": target_rows(request.user, case.platform, timezone.now(), case=case),
            "back": request.GET.get("back") or request.POST.get("back") or "",
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def target_delete(request: AuthenticatedHttpRequest, target_id: int) -> HttpResponse:
    target = queries.get_target_for_user(request.user, target_id)
    actions.do_delete_target(target=target, actor=request.user)
    messages.success(request, _("Target removed."))
    return redirect(f"{reverse('health:targets')}?platform={target.platform}")
