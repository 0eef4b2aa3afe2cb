"""The task queue in tests: the real database backend and the real worker, run in-process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django_tasks.signals import task_enqueued

from reinstate.core.worker import Worker


def worker(worker_id: str = "test-worker") -> Worker:
    """A worker that takes every queued job, then stops (db_worker's --batch)."""
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def run_queue(worker_id: str = "test-worker") -> None:
    worker(worker_id).run()


@contextmanager
def worker_on_demand() -> Iterator[None]:
    """Each job queued starts a worker thread that empties the queue, as the worker beside
    `reinstate serve` would. A thread that only runs when there is work, rather than one
    polling all along: nothing else in a test takes the database's write lock behind its back."""
    threads: list[threading.Thread] = []

    def start(sender: Any, **kwargs: Any) -> None:
        thread = threading.Thread(target=_drain, args=(f"on-demand-{len(threads)}",))
        threads.append(thread)
        thread.start()

    task_enqueued.connect(start, weak=False, dispatch_uid="worker_on_demand")
    try:
        yield
    finally:
        task_enqueued.disconnect(dispatch_uid="worker_on_demand")
        for thread in threads:
            thread.join(timeout=60)


def _drain(worker_id: str) -> None:
    try:
        run_queue(worker_id)
    finally:
        connections.close_all()
