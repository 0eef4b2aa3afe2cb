"""The send page's forms: "I have sent it" and "Record the decision". Thin: the actions check
and write; bad input shows the send page again with the message, and nothing is kept."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.appeals.guided_views import render_step
from reinstate.appeals.models import Sending
from reinstate.appeals.send_actions import SendingInputError, do_mark_sent, do_record_decision
from reinstate.appeals.sent_forms import DecisionForm, MarkSentForm
from reinstate.cases.queries import get_case_for_user
from reinstate.comms.actions import Upload
from reinstate.lib.tz import typed_in


@require_POST
@login_required
def mark_sent(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = MarkSentForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            do_mark_sent(
                case=case,
                actor=request.user,
                sent_at=typed_in(data["sent_at"], case.tz),
                channel=data["channel"],
                kind=data["kind"] or Sending.Kind.APPEAL,
                reference=data["reference"],
                proof=[Upload(f.name or "proof", f) for f in data["proof"]],
            )
        except SendingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Marked as sent. The proof is in your evidence."))
            return redirect(reverse("appeals:step_send", args=[case.pk]) + "#sent-h")
    return render_step(request, case, "send", status=400, sent_form=form)


@require_POST
@login_required
def record_decision(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            decided = do_record_decision(
                case=case,
                actor=request.user,
                outcome=data["outcome"],
                decided_on=data["decided_on"],
                message=data["message"],
                now=timezone.now(),
            )
        except SendingInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The decision is recorded."))
            if decided.warning:
                messages.warning(request, decided.warning)
            if case.status == case.Status.CLOSED:  # granted: the case page says what follows
                return redirect("cases:detail", case_id=case.pk)
            return redirect(reverse("appeals:step_send", args=[case.pk]) + "#decision-h")
    return render_step(request, case, "send", status=400, decision_form=form)
