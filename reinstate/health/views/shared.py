"""What every health page reads from the request: the platform, the driver's zone; and the way
back to the overview."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.urls import reverse

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.health import queries


def requested_platform(request: AuthenticatedHttpRequest) -> str:
    """The platform the page asks for (a link's query, or a form's field); else the driver's."""
    return queries.platform_for(
        request.user, request.GET.get("platform") or request.POST.get("platform")
    )


def driver_zone(request: AuthenticatedHttpRequest) -> ZoneInfo:
    return ZoneInfo(request.user.time_zone)


def overview_url(platform: str) -> str:
    return f"{reverse('health:overview')}?platform={platform}"
