"""The policy pages: every document the library lists, and one policy's versions with what
changed between two of them. Signed-in, like the rest of the app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reinstate.lib.page_context import page_context
from reinstate.policies.presenters import policy_index, policy_page


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/index.html", page_context(policy_index()))


@require_GET
@login_required
def detail(request: HttpRequest, ref: str) -> HttpResponse:
    asked = request.GET.get("version", "")
    number = int(asked) if asked.isdigit() else None
    return render(request, "policies/detail.html", page_context(policy_page(ref, number=number)))
