from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.evidence.actions import do_lock_exhibit_labels, do_withdraw_evidence
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.evidence.purge import purge_withdrawn
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import DISPUTE

pytestmark = pytest.mark.django_db


def test_withdrawing_takes_the_item_out_and_keeps_its_original_for_now(
    case: Case, store: BlobStore, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    sha = item.blob.sha256
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = do_withdraw_evidence(item=item, actor=case.owner)
    assert withdrawn.withdrawn_at is not None
    assert not case.evidence.exists() and not EvidenceItem.objects.exists()
    assert EvidenceItem.all_objects.get().pk == item.pk  # kept, so it can be put back
    assert Blob.objects.get().sha256 == sha and store.hash_of(sha) == sha
    assert store.rendition_path(sha, "thumb").exists()
    assert store.leftovers() == []
    event = AuditEvent.objects.get(kind="evidence.withdrawn")
    assert event.data["sha256"] == sha and event.data["filename"] == "door.jpg"
    assert event.data["original_deleted"] is False


def test_an_original_another_case_holds_is_kept(
    case: Case,
    other_driver: User,
    open_case: Callable[..., Case],
    store: BlobStore,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    other = open_case(other_driver, DISPUTE)
    mine = add_file(case, files.pdf(), "r.pdf").item
    add_file(other, files.pdf(), "r.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        do_withdraw_evidence(item=mine, actor=case.owner)
        purge_withdrawn(now=timezone.now() + timedelta(days=365))
    assert not EvidenceItem.all_objects.filter(pk=mine.pk).exists()
    assert store.path_for(mine.blob.sha256).exists()
    assert other.evidence.get().blob.sha256 == mine.blob.sha256


def test_later_labels_close_up_but_locked_ones_stay(case: Case) -> None:
    a, b, c, d = (
        add_file(case, files.jpeg(color=(50 * i, 80, 120)), f"{i}.jpg").item for i in range(4)
    )
    do_lock_exhibit_labels(case=case, actor=case.owner)
    e = add_file(case, files.jpeg(color=(250, 10, 10)), "e.jpg").item
    f = add_file(case, files.jpeg(color=(10, 250, 10)), "f.jpg").item
    do_withdraw_evidence(item=b, actor=case.owner)
    do_withdraw_evidence(item=e, actor=case.owner)
    labels = dict(case.evidence.values_list("pk", "exhibit"))
    # A to D were printed in a packet: C and D keep theirs, B is not reused; F closes up to E.
    assert labels == {a.pk: "A", c.pk: "C", d.pk: "D", f.pk: "E"}


def test_a_withdrawn_items_printed_label_is_never_given_to_another(case: Case) -> None:
    a, b = (add_file(case, files.jpeg(color=(90 * i, 80, 120)), f"{i}.jpg").item for i in range(2))
    do_lock_exhibit_labels(case=case, actor=case.owner)
    do_withdraw_evidence(item=b, actor=case.owner)
    c = add_file(case, files.jpeg(color=(250, 10, 10)), "c.jpg").item
    assert (a.exhibit, c.exhibit) == ("A", "C")  # B named another item in the packet
