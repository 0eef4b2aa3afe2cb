"""What every request and response goes through: requests refused at the edge, before any view
or query reads them, and the Content-Security-Policy every page is sent with."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from reinstate.core.disk_full import is_disk_full
from reinstate.core.views import bad_request, disk_full

logger = logging.getLogger("reinstate.disk")

NUL = "\x00"


class RefuseNul:
    """A NUL character, in the address or a plain form, is refused with the "could not be
    read" page (400). It means nothing in any field here, and PostgreSQL cannot store or even
    compare it in text: a share code, a search or a calendar link holding one would otherwise
    end in a server error. (Django's form fields refuse it too; this covers the views that read
    the address or a form value directly. Uploads are left to their forms.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return bad_request(request)
        return self.get_response(request)


def _has_nul(request: HttpRequest) -> bool:
    if NUL in request.path or b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
        return True
    if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
        fields = request.POST.lists()
        return any(NUL in key or any(NUL in v for v in values) for key, values in fields)
    return False


class ContentSecurityPolicy:
    """Pages run only the app's own scripts (no inline script, no eval), load everything from
    the app itself (map tiles from their configured server too), and cannot be framed. Should
    a driver's text ever slip through escaping, a browser still runs nothing of it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        tiles = urlsplit(settings.EVIDENCE_MAP_TILES)
        images = f" {tiles.scheme}://{tiles.netloc}" if tiles.scheme and tiles.netloc else ""
        self.policy = "; ".join(
            [
                "default-src 'self'",
                "script-src 'self'",
                # htmx sets a style for its loading indicator; styles cannot run code.
                "style-src 'self' 'unsafe-inline'",
                f"img-src 'self' data: blob:{images}",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'",
            ]
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class DiskFull:
    """No room left on the server's disk (or in its database) while a request stored something:
    the person gets a page that says nothing was saved, with what they typed to copy, instead
    of a server error; whoever runs the server gets one log line. The write's transaction has
    already rolled back, and the blob store never leaves a half-written file."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_disk_full(exception):
            return None
        logger.error("The disk is full: %s %s was not saved (%s)", request.method, request.path,
                     exception)  # fmt: skip
        return disk_full(request)
