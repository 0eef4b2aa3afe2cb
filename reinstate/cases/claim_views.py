"""An advocate opens a case for a driver at intake; the driver claims it by a one-time link.

The link's secret is kept only as a digest, so it is shown to the advocate who made it (held in
their session) and emailed to the driver; anyone else makes a new one, which ends the old.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.accounts.models import Membership
from reinstate.accounts.queries import get_organisation_for_advocate
from reinstate.cases import queries
from reinstate.cases.actions import CaseInputError
from reinstate.cases.claim_actions import (
    CLAIM_LINK_DAYS,
    DriverDetails,
    do_claim_case,
    do_open_case_for_driver,
    do_renew_claim_link,
    do_revoke_claim_link,
    do_send_claim_invite,
)
from reinstate.cases.forms import DriverIntakeForm, NewCaseForm
from reinstate.cases.models import Case, ClaimInvite, token_digest
from reinstate.cases.views import read_notice

# The session key holding the links this advocate made: {case id: token}.
SHOWN_LINKS = "claim_links"


@require_http_methods(["GET", "POST"])
@login_required
def new_for_driver(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_organisation_for_advocate(request.user, organisation_id)
    tz, now = ZoneInfo(request.user.time_zone), timezone.now()
    language = (translation.get_language() or "en")[:2]

    def remake(data: QueryDict | None, files: Any) -> NewCaseForm:
        return DriverIntakeForm(data, files, tz=tz, now=now, language=language)

    def open_it(form: NewCaseForm) -> Case:
        data = form.cleaned_data
        driver = DriverDetails(
            name=data["driver_name"],
            email=data.get("driver_email") or "",
            phone=data.get("driver_phone") or "",
            language=data["driver_language"],
            platform_account=data.get("driver_platform_account") or "",
        )
        case, token = do_open_case_for_driver(
            advocate=request.user,
            organisation=organisation,
            driver=driver,
            notice=form.notice,
            received=form.received,
            tz=tz,
            platform_hint=data.get("platform") or None,
            now=now,
        )
        _hold_link(request, case.pk, token)
        return case

    def then(case: Case) -> HttpResponse:
        invite = queries.get_invite_for_advocate(request.user, case.pk)
        name = invite.driver_name
        if invite.email:
            _email_link(request, invite)
        else:
            messages.success(
                request, _("The case is open. Give %(name)s the link below.") % {"name": name}
            )
        return redirect("cases:claim_link", case_id=case.pk)

    context = {
        "organisation": organisation,
        "waiting": queries.waiting_invites(organisation.pk),
    }
    return read_notice(
        request, remake, open_it, then, template="cases/new_for_driver.html", context=context
    )


@require_http_methods(["GET"])
@login_required
def claim_link(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """The advocate's page for a case a driver has not claimed yet: the link to give them."""
    invite = queries.get_invite_for_advocate(request.user, case_id)
    now = timezone.now()
    token = request.session.get(SHOWN_LINKS, {}).get(str(case_id))
    shown = token is not None and invite.token_hash == token_digest(token)
    link = _link_for(request, token) if shown and token and invite.link_works(now) else ""
    context = {
        "invite": invite,
        "case": invite.case,
        "link": link,
        "works": invite.link_works(now),
        "expired": invite.token_hash is not None and not invite.link_works(now),
        "first_name": invite.driver_name.split()[0],
        "sms": _sms(invite, link),
    }
    return render(request, "cases/claim_link.html", context)


@require_POST
@login_required
def renew_claim_link(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    invite = queries.get_invite_for_advocate(request.user, case_id)
    try:
        token = do_renew_claim_link(invite=invite, actor=request.user)
    except CaseInputError as error:  # claimed a moment ago, between the page and the tap
        messages.error(request, str(error))
        return redirect("cases:detail", case_id=case_id)
    _hold_link(request, case_id, token)
    if invite.email and request.POST.get("email") == "1":
        _email_link(request, invite)
    else:
        messages.success(request, _("A new link is ready. The old one no longer works."))
    return redirect("cases:claim_link", case_id=case_id)


@require_POST
@login_required
def revoke_claim_link(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    invite = queries.get_invite_for_advocate(request.user, case_id)
    do_revoke_claim_link(invite=invite, actor=request.user)
    messages.success(request, _("The link no longer works. Make a new one when you need it."))
    return redirect("cases:claim_link", case_id=case_id)


@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest, token: str) -> HttpResponse:
    """The driver's link. The link is the credential: it names the case and nothing else."""
    invite = queries.invite_for_token(token)
    if invite is None or not invite.link_works(timezone.now()):
        return render(request, "cases/claim_gone.html", {"days": CLAIM_LINK_DAYS}, status=404)
    user = request.user
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            case = do_claim_case(token=token, driver=user)
        except CaseInputError as error:
            messages.error(request, str(error))
            return redirect("cases:claim", token=token)
        messages.success(
            request,
            _(
                "The case is yours now. It stays shared with %(organisation)s, so their "
                "advocates can keep helping; you can stop sharing it at any time."
            )
            % {"organisation": invite.organisation.name},
        )
        return redirect("cases:detail", case_id=case.pk)
    is_advocate = (
        user.is_authenticated
        and Membership.objects.filter(organisation=invite.organisation, user_id=user.pk).exists()
    )
    here = request.get_full_path()
    context = {
        "invite": invite,
        "first_name": invite.driver_name.split()[0],
        "advocate": invite.opened_by.display_name() if invite.opened_by else "",
        "is_advocate": is_advocate,
        "signup_url": f"{reverse('accounts:signup')}?{urlencode({'next': here})}",
        "login_url": f"{reverse('accounts:login')}?{urlencode({'next': here})}",
    }
    return render(request, "cases/claim.html", context)


def _hold_link(request: HttpRequest, case_id: int, token: str) -> None:
    links = dict(request.session.get(SHOWN_LINKS, {}))
    links[str(case_id)] = token
    request.session[SHOWN_LINKS] = links


def _link_for(request: HttpRequest, token: str) -> str:
    site = settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")
    return f"{site}{reverse('cases:claim', args=[token])}"


def _email_link(request: AuthenticatedHttpRequest, invite: ClaimInvite) -> None:
    token = request.session.get(SHOWN_LINKS, {}).get(str(invite.case_id), "")
    try:
        do_send_claim_invite(invite=invite, actor=request.user, link=_link_for(request, token))
    except (CaseInputError, OSError):
        messages.warning(
            request,
            _("The email could not be sent. Give %(name)s the link below another way.")
            % {"name": invite.driver_name},
        )
    else:
        messages.success(
            request,
            _("We emailed the link to %(email)s. You can also give it yourself: it is below.")
            % {"email": invite.email},
        )


def _sms(invite: ClaimInvite, link: str) -> str:
    """A tap that opens the phone's messages with the link written in, when a number is known."""
    if not (invite.phone and link):
        return ""
    number = "".join(ch for ch in invite.phone if ch.isdigit() or ch == "+")
    with translation.override(invite.language or "en"):
        body = _("Your case is ready in Reinstate. Open this link to take it: %(link)s") % {
            "link": link
        }
    # "?&body=" is read by both iPhones and Android phones.
    return f"sms:{number}?&body={quote(body, safe='')}"
