"""The record of good standing drafted from account health: a hint on the appeal page (loaded
by htmx, empty without block records) and the draft page, where the driver edits the draft
before it goes into the appeal. Only the case's owner: health numbers are the driver's alone."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.facts import appeal_sections
from reinstate.appeals.forms import RecordForm as GoodStandingForm
from reinstate.appeals.inputs import AppealInput
from reinstate.appeals.queries import appeal_of
from reinstate.cases.queries import get_case_for_user, get_own_case_for_user
from reinstate.records.good_standing import draft_for
from reinstate.rules.appeal.shape import Record as GoodStanding

FILLED = ("driving_since", "work_completed", "metrics")


@require_GET
@login_required
def hint(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)  # 404 for an outsider
    # An advocate reading the shared case sees nothing: health numbers are the driver's alone.
    found = draft_for(case) if case.owner_id == request.user.pk else None
    context = {"case": case, "facts": found[0] if found else None}
    return render(request, "records/partials/_good_standing_hint.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def draft(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_own_case_for_user(request.user, case_id)
    found = draft_for(case)
    current = appeal_sections(appeal_of(case)).record
    if found is None:
        return render(request, "records/good_standing.html", {"case": case, "facts": None})
    facts, drafted = found
    if request.method == "POST":
        form = GoodStandingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            record = GoodStanding(
                driving_since=data["driving_since"],
                work_completed=data["work_completed"],
                metrics=data["metrics"],
                positive_feedback=data["positive_feedback"],
            )
            do_set_appeal(case=case, data=AppealInput(record=record), actor=request.user)
            messages.success(request, _("Your record of good standing is saved in your appeal."))
            return redirect(reverse("appeals:detail", args=[case.pk]) + "#record-h")
    else:
        form = GoodStandingForm(
            initial={
                **{name: getattr(drafted, name) for name in FILLED},
                "positive_feedback": current.positive_feedback,
            }
        )
    form.fields["metrics"].widget.attrs["rows"] = 4  # the draft's two lines show whole
    replaced = [
        (form[name].label, getattr(current, name))
        for name in FILLED
        if getattr(current, name).strip() and getattr(current, name) != getattr(drafted, name)
    ]
    context = {"case": case, "facts": facts, "form": form, "replaced": replaced}
    return render(
        request, "records/good_standing.html", context, status=400 if form.errors else 200
    )
