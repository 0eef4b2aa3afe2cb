"""The protective appeal's page: the short letter ready to copy, where it goes, and where to
mark it sent. Read-only: sending is the driver's, and marking it sent is the send page's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals.facts import letter_language, reading_language
from reinstate.appeals.protective import protective_draft, protective_offered
from reinstate.appeals.queries import appeal_sent
from reinstate.cases.queries import get_case_for_user
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.comms.deadline_confirmation import format_moment
from reinstate.rules.deadlines.work_plan import countdown_text


@require_GET
@login_required
def protective_page(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)  # an outsider gets 404
    now = timezone.now()
    platform = load_catalogue().platforms.get(case.platform or "")
    language = letter_language(case)
    page_language = reading_language()
    context = {
        "case": case,
        "draft": protective_draft(case, now=now),
        "letter_language": language,
        # The same letter in the page's language, to read what goes out.
        "reading": ""
        if page_language == language
        else protective_draft(case, now=now, language=page_language),
        "reading_language": page_language,
        "offered": protective_offered(case, now=now),
        "sent": appeal_sent(case),
        "deadline": format_moment(case.deadline, case.tz) if case.deadline else "",
        "left": countdown_text(case.deadline, now=now),
        "passed": case.deadline is not None and case.deadline < now,
        "channel": platform.appeal_channel if platform else None,
    }
    return render(request, "appeals/protective.html", context)
