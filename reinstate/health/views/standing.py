"""Standing and warnings: the health page, the driver's watch levels, the numbers from the
platform's app, hiding a warning, and the weekly check-in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.health import actions, queries
from reinstate.health.assessment import assess
from reinstate.health.forms.standing import ReadingForm, WatchLevelsForm
from reinstate.health.platforms import platform_name, tracked_metrics
from reinstate.health.presenters.checkin import checkin as checkin_page
from reinstate.health.presenters.standing import health_page
from reinstate.health.views.shared import overview_url, requested_platform
from reinstate.lib.page_context import page_context


@require_GET
@login_required
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    now = timezone.now()
    platform = requested_platform(request)
    assessment = assess(request.user, platform, as_of=now)
    page = health_page(request.user, assessment, now=now)
    return render(request, "health/overview.html", page_context(page))


@require_http_methods(["GET", "POST"])
@login_required
def watch_levels(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = requested_platform(request)
    current = queries.watch_level_values(request.user, platform)
    readings = tracked_metrics(platform)
    form = WatchLevelsForm(request.POST or None, current=current, readings=readings)
    if request.method == "POST" and form.is_valid():
        for metric, level in form.levels().items():
            if current.get(metric) != level:
                actions.do_set_watch_level(
                    owner=request.user, platform=platform, metric=metric, level=level
                )
        messages.success(request, _("Your watch levels are saved."))
        return redirect(overview_url(platform))
    return render(
        request,
        "health/levels.html",
        {"form": form, "platform": platform, "platform_name": platform_name(platform)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def reading_new(request: AuthenticatedHttpRequest, platform: str, metric: str) -> HttpResponse:
    found = next((m for m in tracked_metrics(platform) if m.key == metric), None)
    if found is None:
        raise Http404("No such measure")
    form = ReadingForm(request.POST or None, metric=found, initial={"observed_at": timezone.now()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_reading(
                owner=request.user,
                platform=platform,
                metric=metric,
                value=form.value(),
                observed_at=form.cleaned_data["observed_at"],
                note=form.cleaned_data["note"],
            )
        except actions.HealthInputError as error:
            form.add_error("observed_at", str(error))
        else:
            messages.success(request, _("%(measure)s: saved.") % {"measure": _(found.title)})
            return redirect(overview_url(platform))
    return render(
        request,
        "health/reading_form.html",
        {
            "form": form,
            "metric": found,
            "platform": platform,
            "platform_name": platform_name(platform),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def alert_dismiss(request: AuthenticatedHttpRequest, alert_id: int) -> HttpResponse:
    alert = queries.get_alert_for_user(request.user, alert_id)
    actions.do_dismiss_alert(alert=alert, actor=request.user)
    if request.htmx:
        return HttpResponse("")
    return redirect(overview_url(alert.platform))


@require_GET
@login_required
def checkin(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = checkin_page(request.user, now=timezone.now())
    return render(request, "health/checkin.html", page_context(page))
