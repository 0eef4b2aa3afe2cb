"""The guided path's pages (appeals/guided.py): show one part, save it, go on to the next.

Thin, as views.py: the facts, the plan's actions, the letter and the packet are still added
through views.py's endpoints, whose forms here say which page to come back to (`step`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals import forms, guided, presenters
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.after_sending import after_sending
from reinstate.appeals.check_page import check_page
from reinstate.appeals.facts import first_draft, letter_language, reading_language
from reinstate.appeals.models import Consent, Sending
from reinstate.appeals.policy_clauses import clause_options
from reinstate.appeals.queries import approval_of
from reinstate.appeals.sent_forms import DecisionForm, MarkSentForm
from reinstate.appeals.sent_presenters import sent_panel
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.lib.page_context import page_context
from reinstate.rules.appeal.next_step import TOTAL_STEPS
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Platform


def render_step(
    request: AuthenticatedHttpRequest,
    case: Case,
    key: str,
    *,
    status: int = 200,
    **refused: Form,
) -> HttpResponse:
    """A page of the path; `refused`: a form sent back with its errors, in place of the stored
    values (`form` for the page's own fields)."""
    page = presenters.appeal_page(case, now=timezone.now())
    sections = page.facts.appeal
    stance = sections.explanation.stance
    before, after = guided.neighbours(case, key, stance)
    context = page_context(page) | {
        "page": guided.PAGES[key],
        "total": TOTAL_STEPS,
        "before": before,
        "after": after,
        "statement_form": forms.StatementForm(items=page.exhibits),
        "action_form": forms.ActionForm(),
        "letter_form": forms.LetterForm(
            initial={"text": page.latest_letter.text if page.latest_letter else ""}
        ),
    }
    if key in guided.WRITING_PAGES:
        context["form"] = guided.part_form(case, key, sections)
        context["clause_options"] = clause_options(case)
    if key == "check":
        context["check"] = check_page(case, page, request.user)
        latest = page.latest_letter
        approved = latest is not None and latest.status == latest.Status.APPROVED
        context["approval"] = approval_of(latest) if approved and latest else None
    if key in ("letter", "check"):
        context |= letter_language_context(case, page) | consent_context(request, case)
    if key == "send":
        platform = load_catalogue().platforms.get(case.platform or "")
        context["channel"] = platform.appeal_channel if platform else None
        context |= sent_context(request, case, channel=_form_channel(platform))
    return render(request, f"appeals/steps/{key}.html", context | refused, status=status)


def consent_context(request: AuthenticatedHttpRequest, case: Case) -> dict[str, object]:
    """An advocate approving the letter for the driver says how the driver consented: the
    choices, for them only (None for the driver)."""
    return {"consent_choices": None if case.owner_id == request.user.pk else Consent.choices}


def letter_language_context(case: Case, page: presenters.AppealPage) -> dict[str, object]:
    """The choice of the letter's language and, when the driver reads the pages in another,
    the letter drafted in theirs, to read what they send."""
    language, reading_in = letter_language(case), reading_language()
    reading = ""
    if page.latest_letter is not None and reading_in != language:
        reading = first_draft(case, language=reading_in)
    return {
        "letter_language": language,
        "letter_language_form": forms.LetterLanguageForm(initial={"letter_language": language}),
        "reading": reading,
        "reading_language": reading_in,
    }


def sent_context(
    request: AuthenticatedHttpRequest, case: Case, *, channel: str
) -> dict[str, object]:
    """The send page's lower half: the "I have sent it" form, or once sent what was sent, when
    the decision is expected and the form to record it."""
    now = timezone.now()
    after = after_sending(case, now=now)
    # Naive: the form shows the case's wall time whoever looks (an advocate may be elsewhere).
    local_now = timezone.localtime(now, case.tz).replace(second=0, microsecond=0, tzinfo=None)
    return {
        "sent": sent_panel(case, after, viewer_id=request.user.pk),
        # The protective appeal's page links here with ?kind=protective.
        "sent_form": MarkSentForm(
            initial={"sent_at": local_now, "kind": _kind_asked(request)}, channel=channel
        ),
        "decision_form": DecisionForm(initial={"decided_on": local_now.date()}),
        "options_url": _options_url(case),
    }


def _kind_asked(request: AuthenticatedHttpRequest) -> str:
    kind = request.GET.get("kind", "")
    return kind if kind in Sending.Kind.values else Sending.Kind.APPEAL


def _options_url(case: Case) -> str:
    """The page of options after a denial, once another part of issue 12 adds it."""
    try:
        return reverse("appeals:options", args=[case.pk])
    except NoReverseMatch:
        return ""


def _form_channel(platform: Platform | None) -> str:
    """The way the platform's appeal usually goes, chosen already in the form."""
    if platform is None:
        return ""
    name = platform.appeal_channel.name.casefold()
    if "email" in name and "form" not in name:
        return "email"
    if "portal" in name:
        return "portal"
    return "app_form" if "app" in name or "form" in name else ""


def _known(key: str) -> str:
    if key not in guided.PAGES:
        raise Http404("No such page")
    return key


@require_http_methods(["GET", "POST"])
@login_required
def step_page(request: AuthenticatedHttpRequest, case_id: int, key: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    key = _known(key)
    if request.method == "GET" or key not in guided.WRITING_PAGES:
        return render_step(request, case, key)
    form = guided.part_form(case, key, guided.stored_sections(case), request.POST)
    if not form.is_valid():
        return render_step(request, case, key, status=400, form=form)
    do_set_appeal(case=case, data=guided.part_input(case, form), actor=request.user, keep_rows=True)
    # The stance may have changed on this page: the page after follows the new one.
    _, after = guided.neighbours(case, key, guided.stored_sections(case).explanation.stance)
    return redirect(after)


@require_POST
@login_required
def step_autosave(request: AuthenticatedHttpRequest, case_id: int, key: str) -> HttpResponse:
    """The page's fields as the driver types (appeals/static/appeals/keep.js posts them)."""
    case = get_case_for_user(request.user, case_id)
    if _known(key) not in guided.WRITING_PAGES:
        raise Http404("No fields to save on this page")
    form = guided.part_form(case, key, guided.stored_sections(case), request.POST)
    if not form.is_valid():
        context = {"problems": forms.problems(form)}
        return render(request, "appeals/partials/_autosaved.html", context, status=400)
    do_set_appeal(case=case, data=guided.part_input(case, form), actor=request.user, keep_rows=True)
    saved_at = timezone.localtime(timezone.now(), case.tz)
    return render(request, "appeals/partials/_autosaved.html", {"saved_at": saved_at})


@require_GET
@login_required
def check(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    return render_step(request, get_case_for_user(request.user, case_id), "check")
