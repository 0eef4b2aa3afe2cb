"""An organisation's outcomes page and its CSV: thin, the counting is in compose/org_stats.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.compose.docket import organisation_for_docket
from reinstate.compose.org_stats import organisation_outcomes, outcomes_csv
from reinstate.compose.stats_forms import range_from
from reinstate.compose.stats_presenters import stats_context


@require_GET
@login_required
def stats(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = organisation_for_docket(request.user, organisation_id)
    form, chosen = range_from(request.GET, today=timezone.localdate())
    found = (
        organisation_outcomes(organisation, since=chosen[0], until=chosen[1]) if chosen else None
    )
    return render(request, "compose/org_stats.html", stats_context(organisation, form, found))


@require_GET
@login_required
def stats_download(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    """The same figures as CSV, small counts hidden; a bad range gets the page and its message."""
    organisation = organisation_for_docket(request.user, organisation_id)
    form, chosen = range_from(request.GET, today=timezone.localdate())
    if chosen is None:
        context = stats_context(organisation, form, None)
        return render(request, "compose/org_stats.html", context, status=400)
    since, until = chosen
    found = organisation_outcomes(organisation, since=since, until=until)
    response = HttpResponse(outcomes_csv(found), content_type="text/csv; charset=utf-8")
    name = f"outcomes-{organisation.pk}-{since.isoformat()}-{until.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
