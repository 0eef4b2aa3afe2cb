from __future__ import annotations

import pytest

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain

pytestmark = pytest.mark.django_db


def test_each_event_carries_the_hash_of_the_one_before(driver: User) -> None:
    first = record_event(kind=EventKind.USER_CREATED, actor=driver, data={"n": 1})
    second = record_event(kind=EventKind.USER_PROFILE_CHANGED, actor=None, data={"n": 2})
    assert second.prev_hash == first.hash
    assert second.seq == first.seq + 1
    assert verify_chain() == []


def test_it_names_an_event_changed_after_it_was_written(driver: User) -> None:
    record_event(kind=EventKind.USER_CREATED, actor=driver, data={"n": 1})
    changed = record_event(kind=EventKind.USER_PROFILE_CHANGED, actor=driver, data={"n": 2})
    record_event(kind=EventKind.USER_CALENDAR_RESET, actor=driver, data={"n": 3})
    AuditEvent.objects.filter(pk=changed.pk).update(data={"n": 20})
    problems = verify_chain()
    assert [(p.seq, p.problem) for p in problems] == [
        (changed.seq, "its content was changed after it was written")
    ]


def test_it_names_a_deleted_event(driver: User) -> None:
    record_event(kind=EventKind.USER_CREATED, actor=driver)
    gone = record_event(kind=EventKind.USER_PROFILE_CHANGED, actor=driver)
    record_event(kind=EventKind.USER_CALENDAR_RESET, actor=driver)
    AuditEvent.objects.filter(pk=gone.pk).delete()
    problems = verify_chain()
    assert {p.seq for p in problems} == {gone.seq + 1}
    assert any("missing" in p.problem for p in problems)
