"""Blocks one at a time: record one (filled in from the last), list them, delete one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.health import actions, queries
from reinstate.health.forms.blocks import BlockForm, block_initial
from reinstate.health.platforms import platform_name
from reinstate.health.views.shared import driver_zone, overview_url, requested_platform


@require_http_methods(["GET", "POST"])
@login_required
def block_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = requested_platform(request)
    tz = driver_zone(request)
    last = queries.last_block(request.user, platform)
    initial = block_initial(last, tz=tz, today=timezone.now().astimezone(tz).date())
    form = BlockForm(request.POST or None, initial=initial, tz=tz)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_block(owner=request.user, platform=platform, record=form.record)
        except actions.HealthInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Block saved. Your standing below includes it."))
            return redirect(overview_url(platform))
    return render(
        request,
        "health/block_form.html",
        {
            "form": form,
            "platform": platform,
            "platform_name": platform_name(platform),
            "from_last": last is not None,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def block_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = requested_platform(request)
    return render(
        request,
        "health/blocks.html",
        {
            "platform": platform,
            "platform_name": platform_name(platform),
            "blocks": queries.recent_blocks(request.user, platform, limit=200),
            "total": queries.blocks_count(request.user, platform),
        },
    )


@require_POST
@login_required
def block_delete(request: AuthenticatedHttpRequest, block_id: int) -> HttpResponse:
    block = queries.get_block_for_user(request.user, block_id)
    actions.do_delete_block(block=block, actor=request.user)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, _("Block deleted."))
    return redirect(f"{reverse('health:blocks')}?platform={block.platform}")
