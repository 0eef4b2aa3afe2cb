"""The "What you can do now" page and a page per option's draft. The options and drafts come
from appeals/options.py; these views look the case up (404 for an outsider) and put the dates
in the driver's zone. A request with a clock (a dispute, a data request) is marked sent from
its draft's page, which starts the clock the options page counts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals.facts import letter_language, reading_language
from reinstate.appeals.options import UnknownOption, case_options, option_draft
from reinstate.appeals.send_actions import (
    CLOCKED_REQUESTS,
    SendingInputError,
    do_mark_request_sent,
)
from reinstate.appeals.sent_forms import RequestSentForm
from reinstate.appeals.sent_presenters import CONFIDENCE_NAMES
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.lib.dates import when
from reinstate.rules.appeal.option_drafts import NoDraft
from reinstate.rules.appeal.options import Option

SURENESS = {
    "official": gettext_lazy("from the law or the platform itself"),
    "reported": gettext_lazy("reported by news, advocates or drivers"),
    "estimate": gettext_lazy("our estimate, or not confirmed"),
}


@dataclass(frozen=True)
class Card:
    option: Option
    deadline: str  # in the driver's zone, "" when the clock has not started or has none
    passed: bool
    sureness: str
    confidence: str  # the option's word for how sure: "official", in the page's language
    draft_url: str  # "" when the option has no draft


def _when(moment: datetime, case: Case) -> str:
    return when(moment.astimezone(case.tz), "moment")


def _draft_url(case: Case, option: Option) -> str:
    if option.key == "protective_appeal":
        return reverse("appeals:protective", args=[case.pk])
    if not option.draft:
        return ""
    return reverse("appeals:option_draft", args=[case.pk, option.key])


@require_GET
@login_required
def options_page(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    now = timezone.now()
    cards = [
        Card(
            option=option,
            deadline=_when(option.deadline, case) if option.deadline else "",
            passed=option.deadline is not None and option.deadline < now,
            sureness=str(SURENESS.get(option.confidence, option.confidence)),
            confidence=str(CONFIDENCE_NAMES.get(option.confidence, option.confidence)),
            draft_url=_draft_url(case, option),
        )
        for option in case_options(case, now=now)
    ]
    return render(request, "appeals/options.html", {"case": case, "cards": cards})


@require_GET
@login_required
def option_draft_page(request: AuthenticatedHttpRequest, case_id: int, key: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    try:
        context = _draft_context(case, key)
    except (UnknownOption, NoDraft):
        raise Http404("No such draft") from None
    if key in CLOCKED_REQUESTS:
        today = timezone.localtime(timezone.now(), case.tz).date()
        context["sent_form"] = RequestSentForm(initial={"sent_on": today})
    return render(request, "appeals/option_draft.html", context)


@require_POST
@login_required
def mark_request_sent(request: AuthenticatedHttpRequest, case_id: int, key: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    if key not in CLOCKED_REQUESTS:
        raise Http404("No clock to start")
    form = RequestSentForm(request.POST)
    if form.is_valid():
        today = timezone.localtime(timezone.now(), case.tz).date()
        try:
            do_mark_request_sent(
                case=case,
                actor=request.user,
                option=key,
                sent_on=form.cleaned_data["sent_on"],
                reference=form.cleaned_data["reference"],
                today=today,
            )
        except SendingInputError as error:
            form.add_error("sent_on", str(error))
        else:
            messages.success(request, _("Marked as sent: its answer is due by the day shown."))
            return redirect("appeals:options", case_id=case.pk)
    context = _draft_context(case, key) | {"sent_form": form}
    return render(request, "appeals/option_draft.html", context, status=400)


def _draft_context(case: Case, key: str) -> dict[str, object]:
    """The draft's page: its title and heading in the page's language, the message to copy in
    the letter's (it goes out like the letter), and the message in the page's language to read
    when the two differ."""
    now = timezone.now()
    draft = option_draft(case, key, now=now)
    language, reading_in = letter_language(case), reading_language()
    reading = ""
    if language != reading_in:
        with translation.override(language):
            sent = option_draft(case, key, now=now)
        reading, draft = draft.text, replace(draft, subject=sent.subject, text=sent.text)
    return {
        "case": case,
        "draft": draft,
        "key": key,
        "letter_language": language,
        "reading": reading,
        "reading_language": reading_in,
    }
