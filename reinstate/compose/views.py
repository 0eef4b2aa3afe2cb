"""The pages that gather every part of a case: the case page and the calendar feeds.

The case page is a short overview: the next step (compose/journey.py), the deadline in a line
and one line per part of the case, each linking to its own page: what the notice means and the
deadline with its plan (cases), the evidence, the support log (comms) and the appeal's
readiness (appeals); after reinstatement, the plan's health targets (health).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.advocacy.presenters import work_section
from reinstate.advocacy.queries import is_advocate_on, open_tasks_for_calendar
from reinstate.appeals.presenters import appeal_summary
from reinstate.appeals.protective import protective_offered
from reinstate.cases.actions import CaseInputError, do_set_case_outcome
from reinstate.cases.forms import CaseOutcomeForm
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_page, case_title, outcome_text
from reinstate.cases.queries import cases_for_docket, get_case_for_user, get_user_by_calendar_token
from reinstate.comms.presenters import support_summary
from reinstate.compose.calendar import calendar_for
from reinstate.compose.journey import next_card, progress_and_readiness
from reinstate.health.presenters.targets import plan_watch
from reinstate.lib.page_context import page_context
from reinstate.policies.presenters import policy_changes
from reinstate.records.queries import offered as offered_records


@require_GET
@login_required
def case_detail(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    return _detail(request, case)


def _detail(
    request: AuthenticatedHttpRequest,
    case: Case,
    *,
    outcome_form: CaseOutcomeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    outcome_form = outcome_form or CaseOutcomeForm(
        initial={
            "outcome": case.outcome,
            "reinstated_on": case.reinstated_on,
            "note": case.outcome_note,
        }
    )
    # The appeal is read once, for its summary and for the "Next" card.
    progress, readiness = progress_and_readiness(case, now=now)
    is_owner = case.owner_id == request.user.pk
    # An advocate reads about the driver ("Maria's deadline"), not about themselves.
    driver_first = case.owner.display_name().split()[0]
    context = page_context(case_page(case, now=now)) | {
        "support": support_summary(case, now=now),
        "appeal": appeal_summary(case, now=now, readiness=readiness),
        "is_owner": is_owner,
        "driver_first": driver_first,
        "outcome_form": outcome_form,
        "after": plan_watch(request.user, case, now=now),
        "journey": next_card(
            case, now=now, progress=progress, driver=None if is_owner else driver_first
        ),
        # Nothing sent, 24 hours or less left: offer the short protective appeal.
        "protective": protective_offered(case, now=now),
        # A policy of the case's platform changed lately (policies/presenters.py).
        "policy_changes": policy_changes([case.platform or ""], now=now),
        # The driver's own records from the days before the notice, not yet in the case.
        "records_offer": (
            offered_records(case)
            if case.owner_id == request.user.pk and case.status == Case.Status.OPEN
            else []
        ),
        # The organisation's own work (assignee, tasks, private notes): its members only.
        "work": (
            work_section(request.user, case, today=timezone.localdate(now))
            if is_advocate_on(request.user, case)
            else None
        ),
    }
    return render(request, "compose/case_page.html", context, status=status)


@require_POST
@login_required
def case_outcome(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Close the case with how it ended (advocates of a shared organisation too, as for closing
    and reopening); reopening takes it back."""
    case = get_case_for_user(request.user, case_id)
    form = CaseOutcomeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            do_set_case_outcome(
                case=case,
                actor=request.user,
                outcome=data["outcome"],
                reinstated_on=data["reinstated_on"],
                note=data["note"],
            )
        except CaseInputError as error:
            form.add_error(None, str(error))
        else:
            ended = outcome_text(case)
            messages.success(
                request,
                _("Saved: %(outcome)s. Case closed.")
                % {"outcome": f"{ended[:1].lower()}{ended[1:]}"},
            )
            return redirect("cases:detail", case_id=case.pk)
    case.refresh_from_db()  # the page shows the case as stored, not the refused input
    return _detail(request, case, outcome_form=form, status=400)


@require_GET
@login_required
def case_ics(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    body = calendar_for([case], name=case_title(case), now=timezone.now(), site_url=_site(request))
    return _ics_response(body, filename=f"reinstate-case-{case.pk}.ics")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private subscription URL: the token is the credential, so no login."""
    user = get_user_by_calendar_token(token)
    cases = cases_for_docket(user)
    # A calendar app sends no sign-in: the feed is in the language its owner chose.
    with translation.override(user.language or translation.get_language()):
        body = calendar_for(
            cases,
            name=_("Reinstate deadlines"),
            now=timezone.now(),
            site_url=_site(request),
            tasks=open_tasks_for_calendar(user),
        )
    return _ics_response(body, filename=None)


def _site(request: HttpRequest) -> str:
    return settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")


def _ics_response(body: bytes, *, filename: str | None) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
