"""Policy pages served from this machine (http.server in a thread on 127.0.0.1, port 0), and a
policy library whose pages are those: no test reaches the internet."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings

LIBRARY = """
[doordash.deactivation_policy]
title = "DoorDash Deactivation Policy"
es.title = "Política de desactivación de DoorDash"
publisher = "DoorDash"
url = "{base}/doordash/deactivation"
source = "https://www.doordash.com/deactivationpolicy/"
confidence = "official"
checked = 2026-12-04

[doordash.lateness]
title = "DoorDash: Lateness-Based Deactivations Explained"
es.title = "DoorDash: desactivaciones por llegar tarde, explicadas"
publisher = "DoorDash"
url = "{base}/doordash/lateness"
source = "https://help.doordash.com/dashers/s/article/Lateness-Based-Deactivations-Explained"
confidence = "official"
checked = 2026-12-04

[amazon_flex.succeed_blog]
title = "Amazon Flex blog: How to succeed as a delivery partner"
es.title = "Blog de Amazon Flex: cómo tener éxito como repartidor"
publisher = "Amazon"
url = "{base}/flex/succeed"
source = "https://aztest.hellowes.com/blog/how-to-succeed-as-a-delivery-partner"
confidence = "official"
checked = 2026-12-04

[amazon_flex.terms_of_service]
title = "Amazon Flex Terms of Service"
es.title = "Términos de servicio de Amazon Flex"
publisher = "Amazon"
source = "https://www.ktnv.com/news/amazon-flex-driver-fired-over-missing-packages"
confidence = "reported"
checked = 2026-12-04
"""


def page(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Policy</title><style>p{color:red}</style>"
        f"<script>var tracking = 1;</script></head><body><nav>Menu</nav><main>{body}</main>"
        "</body></html>"
    )


@dataclass
class Site:
    """What each path answers: (status, content type, body); `delay` seconds before answering."""

    base: str = ""
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    delay: dict[str, float] = field(default_factory=dict)
    busy: int = 0  # requests taken and not yet done with, errors reported included
    idle: threading.Condition = field(default_factory=threading.Condition)

    def serve(self, path: str, body: str, *, status: int = 200, kind: str = "text/html") -> None:
        self.pages[path] = (status, f"{kind}; charset=utf-8", body.encode("utf-8"))

    def settle(self) -> bool:
        """Wait until every request taken is done with, a slow one given up on by its client
        too; False if that takes longer than any test should (ten seconds)."""
        with self.idle:
            return self.idle.wait_for(lambda: self.busy == 0, timeout=10)


class _QuietServer(ThreadingHTTPServer):
    """A page made slow on purpose is given up on: its handler, waking after the test, writes
    to a closed connection. That is no error to print, least of all into the stderr of the
    test then running on this worker (a command-line test checks its stderr has no traceback).
    It counts the requests in hand on its Site, so a test can wait for them (Site.settle)."""

    def __init__(self, site: Site, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.site = site

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.site.idle:
            self.site.busy += 1
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.site.idle:
                self.site.busy -= 1
                self.site.idle.notify_all()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(served.delay.get(self.path, 0))
            status, kind, body = served.pages.get(self.path, (404, "text/plain", b"Not found"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # quiet
            pass

    server = _QuietServer(served, Handler)
    server.daemon_threads = True
    # Polled often, so shutting down takes milliseconds, not the default half second.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def library(
    site: Site, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Site:
    """The policy library of LIBRARY, its pages on `site`; the machine's proxies not used."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "policies.toml").write_text(LIBRARY.format(base=site.base), encoding="utf-8")
    settings.REINSTATE_POLICY_LIBRARY = str(tmp_path)
    return site
