"""reinstate serve [--host HOST] [--port PORT] [--no-worker]: the web app, on waitress, with a
worker beside it (`reinstate worker`, in its own process) that builds the queued packets."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

# How long the worker may take to finish the job in hand once told to stop.
WORKER_STOP_SECONDS = 30


class Command(BaseCommand):
    help = "Serve the web app, with a worker for the queued work."
    requires_system_checks = "__all__"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="start no worker: `reinstate worker` runs elsewhere",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from reinstate.wsgi import application

        call_command("migrate", interactive=False, verbosity=0)
        url = f"http://{options['host']}:{options['port']}/"
        sys.stdout.write(json.dumps({"url": url}) + "\n")
        sys.stdout.flush()
        from reinstate.evidence.uploads import request_limit

        worker = None if options["no_worker"] else start_worker()
        # SIGTERM (systemd, docker stop, kill) ends waitress the way Ctrl-C does, so the
        # worker below is stopped too.
        signal.signal(signal.SIGTERM, _exit)
        try:
            serve(
                application,
                host=options["host"],
                port=options["port"],
                threads=options["threads"],
                # Waitress spools a body to disk before the app sees it: refuse one larger than
                # the largest evidence upload there, before it fills the disk.
                max_request_body_size=request_limit(),
            )
        finally:
            if worker is not None:
                stop_worker(worker)


def start_worker() -> subprocess.Popen[bytes]:
    """`reinstate worker` in a session of its own, so a Ctrl-C at the terminal reaches only
    this process, which then stops the worker itself; --parent-pid makes it stop on its own
    if this process is killed outright."""
    command = [sys.executable, "-m", "reinstate.cli", "worker", "--parent-pid", str(os.getpid())]
    return subprocess.Popen(command, start_new_session=True)  # noqa: S603 (our own command)


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    """Ask the worker to finish the job in hand and stop; if it takes too long, end it (its job
    is then run again by the next worker)."""
    if worker.poll() is not None:
        return
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=WORKER_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def _exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
