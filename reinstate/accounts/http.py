"""Request types for views behind login, and where a view may send the driver after."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from reinstate.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
    htmx: HtmxDetails


@dataclass(frozen=True)
class Next:
    url: str
    given: bool  # the request named a safe page to go to (not the fallback)


def safe_next(request: HttpRequest, *, fallback: str) -> Next:
    """The page `next` names (from the form, else the address), when it is on this site; else
    the fallback. A link from elsewhere must not send a driver off-site after they save."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return Next(wanted, True) if wanted and safe else Next(fallback, False)
