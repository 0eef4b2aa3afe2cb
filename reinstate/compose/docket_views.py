"""The organisation's docket page and its CSV: thin, the reading is in compose/docket.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.compose.docket import (
    DocketQuery,
    docket_csv,
    docket_page,
    organisation_for_docket,
)
from reinstate.compose.docket_presenters import docket_context


@require_GET
@login_required
def docket(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = organisation_for_docket(request.user, organisation_id)
    found = docket_page(
        organisation,
        DocketQuery.from_params(request.GET),
        now=timezone.now(),
        viewer=request.user,
    )
    return render(request, "compose/docket.html", docket_context(found))


@require_GET
@login_required
def docket_download(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    """The rows of the page with the same filters, sort and page number, as CSV."""
    organisation = organisation_for_docket(request.user, organisation_id)
    found = docket_page(
        organisation,
        DocketQuery.from_params(request.GET),
        now=timezone.now(),
        viewer=request.user,
    )
    response = HttpResponse(docket_csv(found.rows), content_type="text/csv; charset=utf-8")
    name = f"docket-{organisation.pk}-page-{found.page}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Driver names: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
