"""Importing a spreadsheet of blocks: upload the file, then, on the import's own page, check
what it would add (saying which column is which if the app guessed wrong) and confirm it, or
discard it.

Each POST to the import's page names its step in the form's hidden ``step``; a GET shows the
check. The steps' work is in health/imports.py, the check's values in presenters/imports.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.core.worker import any_worker_alive
from reinstate.health import queries
from reinstate.health.actions import HealthInputError
from reinstate.health.forms.imports import MappingForm, UploadForm
from reinstate.health.import_queue import do_queue_import
from reinstate.health.imports import (
    do_discard_import,
    do_set_import_mapping,
    do_stage_import,
    preview_import,
)
from reinstate.health.models import BlockImport
from reinstate.health.presenters.imports import import_preview_page
from reinstate.health.views.shared import requested_platform
from reinstate.lib.page_context import page_context
from reinstate.rules.health.blocks_csv import ReadResult


@require_http_methods(["GET", "POST"])
@login_required
def import_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial = {"platform": requested_platform(request), "time_zone": request.user.time_zone}
    form = UploadForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staged = do_stage_import(
                owner=request.user,
                platform=form.cleaned_data["platform"],
                filename=upload.name or "",
                data=upload.read(),
                time_zone=form.cleaned_data["time_zone"],
            )
        except HealthInputError as error:
            form.add_error("file", str(error))
        else:
            return redirect("health:import_detail", import_id=staged.pk)
    return render(
        request,
        "health/import_new.html",
        {"form": form, "imports": queries.imports(request.user)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def import_detail(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    """The import's page: what it added once done; until then, the step the POST names."""
    staged = queries.get_import_for_user(request.user, import_id)
    if request.htmx and staged.status != BlockImport.Status.QUEUED:
        return _reload()  # the waiting page's poll: the import ended, show how
    if staged.status == BlockImport.Status.DONE:
        return _done(request, staged)
    if staged.status == BlockImport.Status.QUEUED:
        return _queued(request, staged)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step == "discard":
        return _discard(request, staged)  # without reading the file: it may be unreadable
    try:
        preview = preview_import(staged, now=timezone.now())
    except HealthInputError as error:
        messages.error(request, str(error))
        return render(request, "health/import_preview.html", {"run": staged, "preview": None})
    if step == "map":
        return _set_columns(request, staged, preview)
    if step == "confirm":
        return _confirm(request, staged, preview)
    if staged.reason:  # the worker's import of it failed: why, above the check
        messages.error(request, staged.reason)
    return _check(request, staged, preview)


def _check(
    request: AuthenticatedHttpRequest,
    staged: BlockImport,
    preview: ReadResult,
    *,
    form: MappingForm | None = None,
) -> HttpResponse:
    """What importing would do, the first rows as read, and the columns the app chose."""
    if form is None:
        form = MappingForm(column_map=preview.column_map)
    page = import_preview_page(request.user, staged, preview, form=form)
    return render(request, "health/import_preview.html", page_context(page))


def _set_columns(
    request: AuthenticatedHttpRequest, staged: BlockImport, preview: ReadResult
) -> HttpResponse:
    """The driver says which column holds each field; the file is read again with them."""
    form = MappingForm(request.POST, column_map=preview.column_map)
    if not form.is_valid():
        return _check(request, staged, preview, form=form)
    do_set_import_mapping(staged=staged, mapping=form.mapping(), actor=request.user)
    return redirect("health:import_detail", import_id=staged.pk)


def _confirm(
    request: AuthenticatedHttpRequest, staged: BlockImport, preview: ReadResult
) -> HttpResponse:
    """Queue the import (every readable new block, or nothing); this page then follows it."""
    try:
        do_queue_import(staged=staged, actor=request.user)
    except HealthInputError as error:
        messages.error(request, str(error))
        return _check(request, staged, preview)
    return redirect("health:import_detail", import_id=staged.pk)


def _queued(request: AuthenticatedHttpRequest, staged: BlockImport) -> HttpResponse:
    # With no worker alive the import waits for someone to start one: say so.
    context = {"run": staged, "no_worker": not any_worker_alive()}
    return render(request, "health/import_queued.html", context)


def _reload() -> HttpResponse:
    response = HttpResponse()
    response["HX-Refresh"] = "true"
    return response


def _discard(request: AuthenticatedHttpRequest, staged: BlockImport) -> HttpResponse:
    do_discard_import(staged=staged, actor=request.user)
    messages.success(request, _("The file was discarded. Nothing was imported."))
    return redirect("health:import_new")


def _done(request: AuthenticatedHttpRequest, run: BlockImport) -> HttpResponse:
    return render(request, "health/import_done.html", {"run": run, "platform": run.platform})
