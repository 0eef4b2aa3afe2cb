"""Documents that expire (kept, renewed, removed), and payment details that changed: the
account's own paperwork, which a deactivation often starts from."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.health import actions, queries
from reinstate.health.forms.documents import DocumentForm, PaymentChangeForm, RenewForm
from reinstate.health.platforms import platform_name
from reinstate.health.presenters.documents import document_rows
from reinstate.health.views.shared import driver_zone, overview_url, requested_platform
from reinstate.rules.health.expiry import DOCUMENT_KINDS


@require_http_methods(["GET", "POST"])
@login_required
def documents(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_add_document(
            owner=request.user,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            expires_on=form.cleaned_data["expires_on"],
        )
        messages.success(request, _("Document saved. You will be reminded 30, 7 and 1 days ahead."))
        return redirect("health:documents")
    today = timezone.now().astimezone(driver_zone(request)).date()
    return render(
        request,
        "health/documents.html",
        {
            "form": form,
            "rows": document_rows(queries.documents(request.user), today),
            "kinds": DOCUMENT_KINDS,
            "has_email": bool(request.user.email),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def document_renew(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = queries.get_document_for_user(request.user, document_id)
    form = RenewForm(request.POST)
    if form.is_valid():
        actions.do_update_document(
            document=document, actor=request.user, expires_on=form.cleaned_data["expires_on"]
        )
        messages.success(request, _("%(name)s: new expiry date saved.") % {"name": document.name})
    else:
        messages.error(request, _("Enter the new expiry date."))
    return redirect("health:documents")


@require_POST
@login_required
def document_delete(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = queries.get_document_for_user(request.user, document_id)
    actions.do_delete_document(document=document, actor=request.user)
    messages.success(request, _("%(name)s removed.") % {"name": document.name})
    return redirect("health:documents")


@require_http_methods(["GET", "POST"])
@login_required
def payment_change(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = requested_platform(request)
    form = PaymentChangeForm(request.POST or None, initial={"changed_at": timezone.now()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_payment_change(
                owner=request.user,
                platform=platform,
                changed_at=form.cleaned_data["changed_at"],
                by_driver=form.cleaned_data["by_driver"],
                note=form.cleaned_data["note"],
            )
        except actions.HealthInputError as error:
            form.add_error("changed_at", str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(overview_url(platform))
    return render(
        request,
        "health/payment_change.html",
        {"form": form, "platform": platform, "platform_name": platform_name(platform)},
        status=400 if form.errors else 200,
    )
