"""The task worker: django-tasks-db's worker, plus what it lacks when a worker is killed.

django-tasks-db marks a job RUNNING when a worker takes it and never looks at it again, so a
worker killed mid-job (kill -9, a reboot, the out-of-memory killer) would leave it RUNNING for
ever. Each of our workers therefore says it is alive every few seconds, in the database cache
every process shares, and every worker puts a RUNNING job whose worker has stopped saying so
back in the queue. The job then runs again with one more attempt in its TaskContext; the task
decides when to give up (appeals/tasks.py).

Only workers started this way beat: a job taken by a bare `db_worker` would be taken back.
A worker that runs until stopped also queues the scheduled work (settings.TASK_SCHEDULE:
`reinstate remind` every hour by default), so no cron is needed, and deletes the finished jobs
older than settings.KEEP_JOBS_DAYS (at its start, then every hour), so the table stays small.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as DbWorker
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)

BEAT_EVERY = 10.0  # seconds between "still alive" notes
# A worker silent this long is taken for dead: several missed beats, so a slow database
# write or a long pause of the machine does not take a job from a live worker.
ALIVE_FOR = 45
HOST = socket.gethostname()
ANY_ALIVE = "task-worker-any"
PRUNE_EVERY = 3600.0  # seconds between two deletions of old finished jobs
PRUNE_BATCH = 500  # rows deleted per transaction (each one short: SQLite has one writer)


def alive_key(worker_id: str) -> str:
    return f"task-worker-alive:{worker_id}"


def beat(worker_id: str) -> None:
    cache.set(alive_key(worker_id), f"{HOST}:{os.getpid()}", ALIVE_FOR)


def is_alive(worker_id: str) -> bool:
    """Whether the worker beat lately; one of this machine whose process is gone is dead at
    once (a worker restarted after kill -9 need not wait for the beats to lapse)."""
    seen = cache.get(alive_key(worker_id))
    if seen is None:
        return False
    host, _, pid = str(seen).rpartition(":")
    if host != HOST or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def any_worker_alive() -> bool:
    """Whether some worker beat recently (the status page says so when none did)."""
    return cache.get(ANY_ALIVE) is not None


def requeue_abandoned() -> list[str]:
    """Put back in the queue every RUNNING job whose worker stopped beating; their ids."""
    requeued = []
    for job in DBTaskResult.objects.running().only("id", "worker_ids"):
        last = job.worker_ids[-1] if job.worker_ids else ""
        if last and is_alive(last):
            continue
        # Conditional, so two workers recovering at once put it back only once.
        put_back = DBTaskResult.objects.filter(id=job.id, status=TaskResultStatus.RUNNING)
        if put_back.update(status=TaskResultStatus.READY):
            log.warning("job %s: its worker %s stopped; queued again", job.id, last)
            requeued.append(str(job.id))
    return requeued


def enqueue_due(now: datetime) -> list[str]:
    """Queue each scheduled task (settings.TASK_SCHEDULE: its path, every N minutes) not queued
    within its period nor waiting or running; the paths queued. Two workers may both queue
    one at the same moment: scheduled tasks must be safe to run twice."""
    queued = []
    for path, minutes in settings.TASK_SCHEDULE.items():
        if minutes <= 0:
            continue
        jobs = DBTaskResult.objects.filter(task_path=path)
        recent = jobs.filter(enqueued_at__gte=now - timedelta(minutes=minutes))
        waiting = jobs.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        if recent.exists() or waiting.exists():
            continue
        import_string(path).enqueue()
        queued.append(path)
    return queued


def prune_finished(now: datetime, *, keep_days: int | None = None) -> int:
    """Delete the finished jobs (done or failed) that finished more than keep_days
    (settings.KEEP_JOBS_DAYS) before now; how many. 0 days: none is ever deleted. Jobs waiting
    or running are never touched."""
    days = settings.KEEP_JOBS_DAYS if keep_days is None else keep_days
    if days <= 0:
        return 0
    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    old = DBTaskResult.objects.filter(
        status__in=finished, finished_at__lt=now - timedelta(days=days)
    )
    pruned = 0
    while ids := list(old.values_list("id", flat=True)[:PRUNE_BATCH]):
        pruned += DBTaskResult.objects.filter(id__in=ids, status__in=finished).delete()[0]
    if pruned:
        log.info("deleted %s finished jobs older than %s days", pruned, days)
    return pruned


class Worker(DbWorker):
    """django-tasks-db's worker with a heartbeat, the recovery of abandoned jobs, and (when
    started by `reinstate serve`) an end when its parent process ends, so none is orphaned."""

    def __init__(self, *, parent_pid: int | None = None, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.parent_pid = parent_pid
        self._stop = threading.Event()

    def run(self) -> None:
        self._note_alive()  # before taking any job, so no other worker takes it back
        requeue_abandoned()
        if not self.batch:  # a batch run empties the queue and stops: it keeps no schedule
            enqueue_due(timezone.now())
            prune_finished(timezone.now())
        thread = threading.Thread(target=self._keep_beating, name="worker-beat", daemon=True)
        thread.start()
        try:
            super().run()
        finally:
            self._stop.set()
            thread.join(timeout=BEAT_EVERY)
            cache.delete(alive_key(self.worker_id))

    def _note_alive(self) -> None:
        beat(self.worker_id)
        cache.set(ANY_ALIVE, self.worker_id, ALIVE_FOR)

    def _keep_beating(self) -> None:
        waited = 0.0
        since_prune = 0.0
        try:
            while not self._stop.wait(1.0):
                if self.parent_pid and os.getppid() != self.parent_pid:
                    # The server that started this worker is gone (killed, not stopped):
                    # stop as Ctrl-C would, finishing the job in hand.
                    log.warning("the server stopped; the worker stops too")
                    os.kill(os.getpid(), signal.SIGTERM)
                    return
                waited += 1.0
                since_prune += 1.0
                if waited < BEAT_EVERY:
                    continue
                waited = 0.0
                try:
                    self._note_alive()
                    requeue_abandoned()
                    if not self.batch:
                        enqueue_due(timezone.now())
                        if since_prune >= PRUNE_EVERY:
                            since_prune = 0.0
                            prune_finished(timezone.now())
                except Exception:
                    log.exception("worker heartbeat failed; trying again")
        finally:
            # This thread's own connection, which would otherwise stay open.
            connections.close_all()
