"""The standing the platform's app shows: read from a screenshot or typed, checked, kept by
date; and its history beside the driver's own estimates."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.comms.screen_text import InsteadWords, read_screen
from reinstate.health import actions, queries
from reinstate.health.forms.app_standing import (
    StandingForm,
    screenshot_from_token,
    screenshot_token,
)
from reinstate.health.platforms import platform_name
from reinstate.health.presenters.app_standing import standing_history
from reinstate.lib.ocr import MAX_SCREENSHOT_BYTES, ScreenshotError
from reinstate.lib.page_context import page_context
from reinstate.rules.health.standing_screen import measures_for, read_standing_screen


def _check_platform(platform: str) -> None:
    if not measures_for(platform):
        raise Http404("No standing screen for this platform")


def history_url(platform: str) -> str:
    return reverse("health:standing_history", args=[platform])


@require_http_methods(["GET", "POST"])
@login_required
def standing_record(request: AuthenticatedHttpRequest, platform: str) -> HttpResponse:
    """A screenshot is read and shown for checking; the checked form is saved."""
    _check_platform(platform)
    user = request.user
    today = timezone.now().astimezone(ZoneInfo(user.time_zone)).date()
    upload = request.FILES.get("screenshot")
    context: dict[str, object] = {
        "platform": platform,
        "platform_name": platform_name(platform),
        "read_text": "",
        "found_nothing": False,
    }
    if request.method == "POST" and upload is not None:
        form, status = _read(request, platform, upload.read(MAX_SCREENSHOT_BYTES + 1), context)
    else:
        form = StandingForm(request.POST or None, platform=platform, initial={"observed_on": today})
        status = 200
        read = screenshot_from_token(user.pk, request.POST.get("token", ""))
        context["read_text"] = read.text if read else ""
        typed = [request.POST.get(name) for name in ["tier", *form.measure_fields()]]
        if request.method == "POST" and request.POST.get("read") and not any(typed):
            # "Read" with no picture and nothing typed: the driver meant to upload one. (With
            # values typed it saves them: the first button is what a phone's "Go" presses.)
            form.is_valid()
            form.errors.clear()
            form.add_error("screenshot", _("Choose the screenshot to read first."))
        elif request.method == "POST" and form.is_valid():
            try:
                actions.do_record_standing(
                    owner=user,
                    platform=platform,
                    observed_on=form.cleaned_data["observed_on"],
                    tier=form.cleaned_data["tier"],
                    parts=form.parts(),
                    percents=form.percents(),
                    screenshot=read,
                    note=form.cleaned_data["note"],
                )
            except actions.HealthInputError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your standing is saved."))
                return redirect(history_url(platform))
        if form.errors:
            status = 400
    context["form"] = form
    return render(request, "health/standing_form.html", context, status=status)


def _read(
    request: AuthenticatedHttpRequest, platform: str, data: bytes, context: dict[str, object]
) -> tuple[StandingForm, int]:
    """Read the screenshot; the form comes back filled with what was found, to check."""
    typed = request.POST.copy()
    try:
        screen_text = read_screen(
            data, InsteadWords(instead=_("Type the tier and the numbers in the form below."))
        )
    except ScreenshotError as error:
        form = StandingForm(typed, platform=platform)
        form.is_valid()
        form.errors.clear()
        form.add_error("screenshot", str(error))
        return form, 400
    screen = read_standing_screen(screen_text.text, platform)
    token = screenshot_token(
        request.user.pk, actions.ScreenshotRead(sha256=screen_text.sha256, text=screen_text.text)
    )
    initial: dict[str, object] = {
        key: typed.get(key) for key in typed if key not in ("csrfmiddlewaretoken",)
    }
    initial |= StandingForm(platform=platform).read_values(screen) | {"token": token}
    if not initial.get("observed_on"):
        initial["observed_on"] = timezone.now().astimezone(ZoneInfo(request.user.time_zone)).date()
    context["read_text"] = screen_text.text
    context["found_nothing"] = not screen.found_anything
    return StandingForm(platform=platform, initial=initial), 200


@require_GET
@login_required
def standing_history_page(request: AuthenticatedHttpRequest, platform: str) -> HttpResponse:
    _check_platform(platform)
    page = standing_history(request.user, platform, now=timezone.now())
    return render(request, "health/standing_history.html", page_context(page))


@require_POST
@login_required
def standing_delete(
    request: AuthenticatedHttpRequest, platform: str, reading_id: int
) -> HttpResponse:
    reading = queries.get_standing_for_user(request.user, reading_id)
    actions.do_delete_standing(reading=reading, actor=request.user)
    messages.success(request, _("That day's standing is deleted."))
    return redirect(history_url(reading.platform))
