"""Eight writers appending to the audit chain at once, on PostgreSQL (where web processes and
workers really write side by side; SQLite lets one writer in at a time anyway): the head row's
lock puts them in line, so the chain never forks and `verify` passes."""

from __future__ import annotations

import os
import threading

import pytest
from django.db import connection, transaction

from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent, ChainHead
from reinstate.audit.queries import verify_chain

WRITERS = 8
EACH = 25

pytestmark = [
    pytest.mark.database,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the PostgreSQL pass (DATABASE_URL=postgres://..., as .ci/run does)",
    ),
]


def _writer(number: int, start: threading.Barrier, failures: list[BaseException]) -> None:
    try:
        start.wait()
        for n in range(EACH):
            with transaction.atomic():  # as an action does: its write, then its event
                record_event(
                    kind=EventKind.USER_PROFILE_CHANGED, actor=None, data={"w": number, "n": n}
                )
    except BaseException as error:  # reported by the test, from its own thread
        failures.append(error)
    finally:
        connection.close()  # each thread has its own connection


@pytest.mark.django_db(transaction=True)  # the writers' own connections see what commits
def test_eight_writers_at_once_leave_one_unbroken_chain() -> None:
    # No head row yet: the first writers also race to make it.
    assert not ChainHead.objects.exists()
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []
    threads = [
        threading.Thread(target=_writer, args=(number, start, failures))
        for number in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    events = list(AuditEvent.objects.order_by("seq").values_list("seq", "prev_hash", "hash"))
    assert [seq for seq, _, _ in events] == list(range(1, WRITERS * EACH + 1))
    previous = ["0" * 64, *(digest for _, _, digest in events[:-1])]
    assert [prev for _, prev, _ in events] == previous  # no fork: each follows the one before
    head = ChainHead.objects.get()
    assert (head.count, head.last_hash) == (WRITERS * EACH, events[-1][2])
    assert verify_chain() == []
    # Every writer's events are all there, in each writer's own order.
    for number in range(WRITERS):
        mine = AuditEvent.objects.filter(data__w=number).order_by("seq")
        assert [event.data["n"] for event in mine] == list(range(EACH))
