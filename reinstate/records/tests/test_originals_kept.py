"""An original a record holds is never deleted from under it: not when a case item holding the
same file is purged, nor when another account goes. Deleting the driver's own account takes
their records' originals with it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.compose.delete_account import do_delete_account
from reinstate.evidence.actions import do_withdraw_evidence
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.models import Blob
from reinstate.evidence.purge import purge_withdrawn
from reinstate.records.actions import do_add_records_to_case
from reinstate.records.models import Record, RecordFile
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db

PHOTO = files.jpeg(color=(12, 34, 56))


def test_purging_a_withdrawn_item_keeps_the_records_original(
    driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    record = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    item = do_add_records_to_case(case=case, actor=driver, records=[record]).items[0]
    do_withdraw_evidence(item=item, actor=driver)
    counts = purge_withdrawn(now=timezone.now() + timedelta(days=365))
    assert counts["withdrawn_deleted"] == 1 and counts["originals_deleted"] == 0
    assert counts["failed"] == 0
    sha = record.files.get().blob.sha256
    assert default_store().path_for(sha).read_bytes() == PHOTO


def test_deleting_another_account_keeps_the_original_a_record_holds(
    driver: User, other_driver: User, open_case: Callable[..., Case], keep: Callable[..., Record]
) -> None:
    record = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    omars = open_case(other_driver, FLEX_LATE)
    add_file(omars, PHOTO, "same.jpg")
    deleted = do_delete_account(user=other_driver, actor=None)
    assert deleted.originals_deleted == 0 and deleted.originals_kept == 1
    assert default_store().path_for(record.files.get().blob.sha256).exists()


def test_deleting_the_drivers_account_takes_their_records_originals(
    driver: User,
    keep: Callable[..., Record],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    sha = RecordFile.objects.get().blob.sha256
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        deleted = do_delete_account(user=driver, actor=None)
    assert deleted.originals_deleted == 1
    assert not Record.objects.exists() and not Blob.objects.exists()
    assert not default_store().path_for(sha).exists()
