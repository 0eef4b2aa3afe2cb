"""The two account-wide pages that must see every app: download all my data, delete my account.

Both act only on the signed-in user: there is no id in their addresses, so nobody can name
someone else's account."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from reinstate.accounts.forms import ConfirmPasswordForm
from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.accounts.views import limit_per_user
from reinstate.compose.delete_account import do_delete_account, what_goes
from reinstate.compose.export import do_export_account


@require_POST
@login_required
def export(request: AuthenticatedHttpRequest) -> FileResponse:
    """The zip, built into an unnamed temporary file (gone once the response is sent)."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    try:
        do_export_account(user=request.user, target=handle, actor=request.user)
    except BaseException:
        handle.close()
        raise
    handle.seek(0)
    day = timezone.localdate().isoformat()
    name = f"reinstate-{request.user.username}-{day}.zip"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/zip")


@require_http_methods(["GET", "POST"])
@login_required
@limit_per_user
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ConfirmPasswordForm(request.POST if request.method == "POST" else None, user=user)
    status = 200
    if request.method == "POST" and getattr(request, "limited", False):
        form.errors.clear()
        form.add_error(None, _("Too many tries. Wait a few minutes, then try again."))
        status = 429
    elif request.method == "POST" and form.is_valid():
        do_delete_account(user=user, actor=user)
        logout(request)
        messages.success(request, _("Your account and everything in it are deleted."))
        return redirect("home")
    elif form.errors:
        status = 400
    context = {"form": form, "goes": what_goes(user)}
    return render(request, "compose/delete_account.html", context, status=status)
