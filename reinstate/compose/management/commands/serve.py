"""reinstate serve [--host HOST] [--port PORT] [--server gunicorn|waitress] [--workers N]
[--threads N] [--no-worker]: the web app, with a worker beside it (`reinstate worker`, in its own
process) that builds the queued packets.

The web app runs on gunicorn, one process per core (REINSTATE_WORKERS, default the number of
CPUs, at least 2), each with a few threads (REINSTATE_THREADS): one Python process can use only
one core. Where gunicorn cannot run (Windows), or with --server waitress, it runs on waitress:
one process, its threads sharing one core."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

# How long the worker may take to finish the job in hand once told to stop.
WORKER_STOP_SECONDS = 30
SERVERS = ("gunicorn", "waitress")


def gunicorn_runs_here() -> bool:
    """gunicorn forks: it needs a POSIX system (not Windows)."""
    if os.name != "posix":
        return False
    try:
        import gunicorn  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


def default_workers() -> int:
    """REINSTATE_WORKERS, else one web process per CPU this process may use, at least 2."""
    configured = os.environ.get("REINSTATE_WORKERS", "").strip()
    if configured:
        return int(configured)
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cpus = os.cpu_count() or 1
    return max(2, cpus)


def default_threads() -> int:
    """REINSTATE_THREADS: threads per web process. A few, so a process waiting on the database
    or the disk (an upload being hashed and written) still answers other requests."""
    return int(os.environ.get("REINSTATE_THREADS", "").strip() or 4)


class Command(BaseCommand):
    help = "Serve the web app, with a worker for the queued work."
    requires_system_checks = "__all__"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--server",
            choices=SERVERS,
            default=os.environ.get("REINSTATE_SERVER") or None,
            help="gunicorn (several processes; the default where it runs) or waitress (one)",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="web processes, with gunicorn (REINSTATE_WORKERS; default: the CPUs, at least 2)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="threads per web process (REINSTATE_THREADS; default 4, 8 with waitress)",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="start no worker: `reinstate worker` runs elsewhere",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from reinstate.wsgi import application

        server = options["server"] or ("gunicorn" if gunicorn_runs_here() else "waitress")
        if server == "gunicorn" and not gunicorn_runs_here():
            raise CommandError(_("gunicorn cannot run on this system: use --server waitress."))
        workers = default_workers() if options["workers"] is None else options["workers"]
        if workers < 1:
            raise CommandError(_("The number of web processes must be at least 1."))
        call_command("migrate", interactive=False, verbosity=0)
        # No database connection may cross a fork into gunicorn's processes.
        connections.close_all()
        url = f"http://{options['host']}:{options['port']}/"
        line: dict[str, Any] = {"url": url, "server": server}
        if server == "gunicorn":
            line["workers"] = workers
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()

        worker = None if options["no_worker"] else start_worker()
        try:
            if server == "gunicorn":
                threads = options["threads"] or default_threads()
                serve_gunicorn(application, options["host"], options["port"], workers, threads)
            else:
                # SIGTERM (systemd, docker stop, kill) ends waitress the way Ctrl-C does, so the
                # worker below is stopped too. (gunicorn handles both signals itself.)
                signal.signal(signal.SIGTERM, _exit)
                serve_waitress(
                    application, options["host"], options["port"], options["threads"] or 8
                )
        finally:
            if worker is not None:
                stop_worker(worker)


def serve_waitress(application: WSGIHandler, host: str, port: int, threads: int) -> None:
    from waitress import serve

    from reinstate.evidence.uploads import request_limit

    serve(
        application,
        host=host,
        port=port,
        threads=threads,
        # Waitress spools a body to disk before the app sees it: refuse one larger than
        # the largest evidence upload there, before it fills the disk.
        max_request_body_size=request_limit(),
    )


def serve_gunicorn(
    application: WSGIHandler, host: str, port: int, workers: int, threads: int
) -> None:
    """gunicorn's arbiter in this process, forking `workers` web processes (Django already
    loaded, so they start at once and share its memory); it returns on Ctrl-C or SIGTERM once
    they have finished the requests in hand. A body reaches Django as it arrives (the evidence
    upload checks its size itself, evidence/views.py)."""
    from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

    class Gunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            settings = {
                "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread" if threads > 1 else "sync",
                # A process takes only the connections its threads can serve now and closes
                # each after its response: the others wait in the listening socket for the
                # first process with a thread free. (Holding connections open, one busy
                # process would queue requests while another sat idle; a proxy in front keeps
                # the browsers' connections open itself.)
                "worker_connections": threads,
                "keepalive": 0,
                # A 50 MB upload on a slow phone connection takes a while.
                "timeout": 120,
                "graceful_timeout": WORKER_STOP_SECONDS,
                # Django logs what matters; one line per request would drown it.
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "reinstate",
                # A process that has served this many requests is replaced (a slow leak
                # cannot grow for ever); jittered, so not all at once.
                "max_requests": 5000,
                "max_requests_jitter": 500,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> WSGIHandler:
            return application

    try:
        Gunicorn().run()
    except SystemExit as stop:
        # The arbiter exits when it stops: 0 after Ctrl-C or SIGTERM.
        if stop.code not in (0, None):
            raise


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
