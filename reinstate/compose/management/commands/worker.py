"""reinstate worker [--batch] [--max-tasks N] [--interval S]: runs queued work (packet builds).

reinstate worker --prune: deletes the finished jobs older than REINSTATE_KEEP_JOBS_DAYS (14 by
default; a running worker does it every hour) and stops, printing how many.

django-tasks-db's `db_worker`, with its options, run as core/worker.py's Worker: a heartbeat,
so a job whose worker was killed is run again. `reinstate serve` starts one; run more anywhere
that reaches the same database. Ctrl-C (or SIGTERM) finishes the job in hand, then stops; a
second one stops at once (the job is then run again by the next worker).
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from reinstate.core.worker import Worker, prune_finished


class Command(db_worker.Command):
    help = "Run queued work (packet builds) from the database queue."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # Reloading on code changes stops jobs uncleanly: never by default here (db_worker
        # turns it on with DEBUG).
        parser.set_defaults(reload=False)
        # Set by `reinstate serve`: stop when that process is gone, so no worker is orphaned.
        parser.add_argument("--parent-pid", type=int, default=None, help="(used by serve)")
        parser.add_argument(
            "--prune",
            action="store_true",
            help="delete finished jobs older than REINSTATE_KEEP_JOBS_DAYS, then stop",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["prune"]:
            pruned = prune_finished(timezone.now())
            days = settings.KEEP_JOBS_DAYS
            self.stdout.write(json.dumps({"pruned": pruned, "keep_days": days}))
            return
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            parent_pid=options["parent_pid"],
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
