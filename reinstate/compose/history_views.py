"""The case's history page: thin, the reading is in compose/history.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases.queries import get_case_for_user
from reinstate.compose.history import history_page
from reinstate.lib.page_context import page_context


@require_GET
@login_required
def case_history(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)  # the owner and its advocates; else 404
    found = history_page(case, reader=request.user, page=request.GET.get("page"))
    context = page_context(found) | {"is_owner": case.owner_id == request.user.pk}
    return render(request, "compose/history.html", context)
