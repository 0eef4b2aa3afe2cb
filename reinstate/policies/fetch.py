"""Reading every policy page the library lists and keeping each new version of its text.

Each page is read with a timeout and a size limit; a page that fails is reported with why, in
words, and the others are still read. Only http(s) pages are read, and a page's text is kept
only when it changed (actions.do_store_policy_version).
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message

from django.conf import settings
from django.utils.translation import gettext as _

from reinstate.policies.actions import do_store_policy_version
from reinstate.policies.page_text import page_text
from reinstate.rules.catalogue.policies import PolicyLibrary, load_policies

TIMEOUT_SECONDS = 20
MAX_BYTES = 5_000_000  # a policy page is text: far past this, something else is being served
USER_AGENT = "Reinstate policy check (self-hosted; https://github.com/)"  # i18n: an HTTP header


class FetchError(Exception):
    """A page that could not be read; the message says why, in words."""


@dataclass
class FetchReport:
    checked: int = 0
    changed: list[dict[str, object]] = field(default_factory=list)
    failed: list[dict[str, object]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"checked": self.checked, "changed": self.changed, "failed": self.failed}


def library() -> PolicyLibrary:
    """The packaged library, or the one in settings.REINSTATE_POLICY_LIBRARY (a folder holding
    a policies.toml: a test serves its pages from this machine)."""
    return load_policies(getattr(settings, "REINSTATE_POLICY_LIBRARY", None))


def fetch_policies(
    now: datetime,
    *,
    platform: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> FetchReport:
    report = FetchReport()
    for document in library().fetchable(platform):
        assert document.url is not None  # fetchable() gives only documents with a page
        report.checked += 1
        try:
            text = page_text(read_page(document.url, timeout=timeout, max_bytes=max_bytes))
            if not text.strip():
                raise FetchError(_("The page has no text."))
        except FetchError as error:
            report.failed.append({"policy": document.ref, "url": document.url, "error": str(error)})
            continue
        version = do_store_policy_version(
            policy=document.ref, url=document.url, text=text, fetched_at=now
        )
        if version is not None:
            report.changed.append(
                {"policy": document.ref, "version": version.number, "url": document.url}
            )
    return report


def read_page(url: str, *, timeout: float, max_bytes: int) -> str:
    """The page's HTML as text; a FetchError saying why when it cannot be read."""
    if not url.startswith(("https://", "http://")):
        raise FetchError(_("Only web pages (http or https) are read."))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(max_bytes + 1)
            headers: Message = response.headers
    except urllib.error.HTTPError as error:
        raise FetchError(_("The site answered %(status)s.") % {"status": error.code}) from None
    except TimeoutError:
        raise FetchError(
            _("No answer within %(seconds)s seconds.") % {"seconds": int(timeout)}
        ) from None
    # http.client's errors (a connection cut mid-page, a malformed address) are not OSErrors.
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(_("The page could not be reached (%(why)s).") % {"why": reason}) from None
    if len(body) > max_bytes:
        raise FetchError(
            _("The page is larger than %(size)s MB: not read.")
            % {"size": f"{max_bytes / 1_000_000:g}"}
        )
    kind = headers.get_content_type()
    if kind not in ("text/html", "text/plain", "application/xhtml+xml"):
        raise FetchError(_("The page is not a web page (%(kind)s).") % {"kind": kind})
    charset = headers.get_content_charset() or "utf-8"
    try:
        return str(body, charset, errors="replace")
    except LookupError:  # a charset Python does not know: read it as UTF-8
        return str(body, "utf-8", errors="replace")
