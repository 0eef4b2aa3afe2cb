"""reinstate serve [--host HOST] [--port PORT]: the web app, on waitress."""

from __future__ import annotations

import json
import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web app."
    requires_system_checks = "__all__"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from reinstate.wsgi import application

        call_command("migrate", interactive=False, verbosity=0)
        url = f"http://{options['host']}:{options['port']}/"
        sys.stdout.write(json.dumps({"url": url}) + "\n")
        sys.stdout.flush()
        from reinstate.evidence.uploads import request_limit

        serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            # Waitress spools a body to disk before the app sees it: refuse one larger than
            # the largest evidence upload there, before it fills the disk.
            max_request_body_size=request_limit(),
        )
