"""Case pages. Thin: parse, look up through queries, act through actions, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts import throttle
from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.accounts.identity import platform_names
from reinstate.accounts.queries import lacks_identity_for
from reinstate.cases import notice_pictures, queries
from reinstate.cases.actions import (
    CaseInputError,
    do_correct_reading,
    do_mark_step_seen,
    do_open_case,
    do_set_case_status,
    do_set_checklist_item,
    do_set_received,
    do_share_case,
    do_unshare_case,
)
from reinstate.cases.forms import CorrectReadingForm, NewCaseForm, ReceivedForm, received_initial
from reinstate.cases.models import DEADLINE_STEP, MEANING_STEP, Case
from reinstate.cases.presenters import checklist_row, deadline_page, docket_row, meaning_page
from reinstate.lib.page_context import page_context


@require_GET
@login_required
def case_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = [docket_row(case, now=now) for case in queries.cases_for_docket(request.user)]
    # An advocate's way to their organisations' dockets (every shared case, with names).
    # Imported here to keep this change inside case_list while case_new's imports move.
    from reinstate.accounts.queries import organisations_for

    dockets = organisations_for(request.user)
    return render(request, "cases/list.html", {"rows": rows, "dockets": dockets})


@require_http_methods(["GET", "POST"])
@login_required
def case_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    tz, now = ZoneInfo(request.user.time_zone), timezone.now()

    def remake(data: QueryDict | None, files: Any) -> NewCaseForm:
        return NewCaseForm(data, files, tz=tz, now=now)

    def open_it(form: NewCaseForm) -> Case:
        return do_open_case(
            owner=request.user,
            notice=form.notice,
            received=form.received,
            tz=tz,
            platform_hint=form.cleaned_data.get("platform") or None,
            now=now,
        )

    def then(case: Case) -> HttpResponse:
        if lacks_identity_for(request.user, case.platform):
            return _ask_identity(request, case)
        return redirect("cases:detail", case_id=case.pk)

    return read_notice(request, remake, open_it, then, template="cases/new.html", context={})


# The notice form again, from this data and these files: the page's own kind of NewCaseForm.
Remake = Callable[[QueryDict | None, Any], NewCaseForm]


def read_notice(
    request: AuthenticatedHttpRequest,
    remake: Remake,
    open_it: Callable[[NewCaseForm], Case],
    then: Callable[[Case], HttpResponse],
    *,
    template: str,
    context: dict[str, object],
) -> HttpResponse:
    """The notice form's whole course, for a driver's own case and for an advocate's intake
    alike: text read from a screenshot comes back to be checked, a refusal keeps what was typed,
    and the screenshots become the case's first evidence once it opens."""
    form = remake(request.POST or None, request.FILES or None)
    valid = request.method == "POST" and form.is_valid()
    read = getattr(form, "notice", None)
    if read is not None and read.ocr is not None:  # even when a date was refused: keep the text
        held = notice_pictures.hold(request.user.pk, form.pictures)
        form = _check_screenshot_text(request, read.text, held, remake)
    elif valid:
        try:
            case = open_it(form)
        except CaseInputError as error:
            form.add_error(None, str(error))
        else:
            if form.cleaned_data.get("read_from_screenshot"):
                _keep_pictures(request, case, form.cleaned_data.get("screenshots") or "")
            return then(case)
    status = 400 if form.errors else 200
    return render(request, template, {**context, "form": form}, status=status)


def _keep_pictures(request: AuthenticatedHttpRequest, case: Case, token: str) -> None:
    """The screenshots the notice was read from become the case's first evidence. The case is
    open either way: a picture that cannot be kept is said, not fatal."""
    pictures = notice_pictures.take(request.user.pk, token)
    if not pictures:
        return
    answers = notice_pictures.pictures_kept.send_robust(
        sender=Case, case=case, actor=request.user, pictures=pictures
    )
    notice_pictures.release(pictures)
    if not answers or any(isinstance(answer, Exception) for _receiver, answer in answers):
        messages.warning(
            request,
            _(
                "Your case is open, but we could not keep your screenshot as evidence. "
                "Add it again on the evidence page."
            ),
        )


def _check_screenshot_text(
    request: AuthenticatedHttpRequest,
    text: str,
    held: str,
    remake: Remake,
) -> NewCaseForm:
    """Text read from a picture may be wrong: it goes into the paste box for the driver to check,
    with everything else they gave, and the case opens only when they send it again."""
    data = request.POST.copy()
    data["notice_text"] = text
    data["read_from_screenshot"] = "1"
    data["screenshots"] = held
    form = remake(data, None)
    form.fields["notice_text"].widget.attrs["rows"] = 16  # the whole text, to check at a glance
    form.is_valid()  # a refused day or time is shown now, not after the check
    return form


def _ask_identity(request: AuthenticatedHttpRequest, case: Case) -> HttpResponse:
    """Ask who the driver is now, while they are here: an appeal that does not say so cannot be
    matched to the account. They may skip it; the case page is next either way."""
    name = platform_names().get(case.platform or "")
    messages.info(
        request,
        _(
            "Your appeal must say who you are: give your legal name and the email or phone "
            "%(platform)s knows you by."
        )
        % {"platform": name}
        if name
        else _(
            "Your appeal must say who you are: give your legal name and the email or phone "
            "the platform knows you by."
        ),
    )
    query = {"next": reverse("cases:detail", args=[case.pk])}
    if case.platform:
        query["platform"] = case.platform
    return redirect(f"{reverse('accounts:identity')}?{urlencode(query)}")


@require_http_methods(["GET", "POST"])
@login_required
def case_correct(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = queries.get_case_for_user(request.user, case_id)
    initial = {
        "platform": case.platform or "",
        "kind": case.kind,
        "reason": case.reason or "",
        "stated_deadline": case.stated_deadline,
    }
    form = CorrectReadingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changes = do_correct_reading(
                case=case,
                actor=request.user,
                platform=data["platform"] or None,
                kind=data["kind"],
                reason=data["reason"] or None,
                stated_deadline=data["stated_deadline"],
            )
        except CaseInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your correction is saved.") if changes else _("Nothing was changed.")
            )
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/correct.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def case_received(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Change when the notice arrived; the deadline and the plan follow."""
    case = queries.get_case_for_user(request.user, case_id)
    tz, now = ZoneInfo(request.user.time_zone), timezone.now()  # the zone of who is asking
    initial = received_initial(case.received_at, tz)
    form = ReceivedForm(request.POST or None, initial=initial, tz=tz, now=now)
    if request.method == "POST" and form.is_valid() and form.received is not None:
        before = case.deadline
        try:
            do_set_received(case=case, actor=request.user, received=form.received, now=now)
        except CaseInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Saved. Your deadline and plan now count from that time.")
                if case.deadline != before
                else _("Saved. Your deadline did not change."),
            )
            return redirect("cases:detail", case_id=case.pk)
    status = 400 if form.errors else 200
    return render(request, "cases/received.html", {"case": case, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def case_meaning(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Step 3 of the guided path: what the notice means. "Continue" marks it read."""
    case = queries.get_case_for_user(request.user, case_id)
    if request.method == "POST":
        do_mark_step_seen(case=case, step=MEANING_STEP, actor=request.user)
        return redirect("cases:deadline", case_id=case.pk)
    return render(request, "cases/meaning.html", page_context(meaning_page(case)))


@require_http_methods(["GET", "POST"])
@login_required
def case_deadline(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Step 4: the deadline and the work plan. "Continue" marks it read; evidence is next."""
    case = queries.get_case_for_user(request.user, case_id)
    if request.method == "POST":
        do_mark_step_seen(case=case, step=DEADLINE_STEP, actor=request.user)
        return redirect("evidence:locker", case_id=case.pk)
    page = deadline_page(case, now=timezone.now())
    return render(request, "cases/deadline.html", page_context(page))


@require_POST
@login_required
def checklist_item(request: AuthenticatedHttpRequest, case_id: int, item_id: int) -> HttpResponse:
    item = queries.get_checklist_item_for_user(request.user, case_id, item_id)
    do_set_checklist_item(item=item, actor=request.user, done=request.POST.get("done") == "1")
    if request.htmx:
        return render(request, "cases/partials/_checklist_item.html", {"row": checklist_row(item)})
    return redirect("cases:detail", case_id=case_id)


@require_POST
@login_required
def case_status(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = queries.get_case_for_user(request.user, case_id)
    had_outcome = case.outcome
    try:
        do_set_case_status(case=case, actor=request.user, status=request.POST.get("status", ""))
    except CaseInputError as error:
        messages.error(request, str(error))
    else:
        if had_outcome and not case.outcome:
            messages.success(request, _("The case is open again; how it ended is cleared."))
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@login_required
def case_share(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = queries.get_own_case_for_user(request.user, case_id)
    # Codes are short: wrong ones slow the next try down, so they cannot be guessed.
    by_driver = {throttle.CODE_GUESSES: str(request.user.pk)}
    wait = throttle.wait_seconds("share", by_driver)
    if wait:
        messages.error(
            request,
            _(
                "Several codes were wrong. Wait %(wait)s, then type the code again, exactly as "
                "your advocate gave it."
            )
            % {"wait": throttle.wait_words(wait)},
        )
        return redirect("cases:detail", case_id=case.pk)
    try:
        organisation = do_share_case(
            case=case, actor=request.user, invite_code=request.POST.get("code", "")
        )
    except CaseInputError as error:
        throttle.record_failure("share", by_driver)
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Shared with %(organisation)s. Their advocates can see it.")
            % {"organisation": organisation.name},
        )
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@login_required
def case_unshare(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = queries.get_own_case_for_user(request.user, case_id)
    do_unshare_case(case=case, actor=request.user)
    messages.success(request, _("This case is no longer shared."))
    return redirect("cases:detail", case_id=case.pk)
