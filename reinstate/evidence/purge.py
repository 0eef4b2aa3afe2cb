"""Deleting withdrawn evidence for good, once it can no longer be put back.

Called from `reinstate remind` (reinstate/health/management/commands/remind.py), so one cron
line does it. An item withdrawn more than settings.WITHDRAWN_KEEP_DAYS ago is deleted, and its
original with it when no item of any case (withdrawn or not) holds that original any more.

Safe to run twice, or two at once: each item is read again holding its original's row (the lock
adding, withdrawing and putting back take too), so one already deleted or put back is skipped.
The file goes as a withdrawal used to delete it: moved to blobs/trash/ inside the transaction,
emptied once the deletion is committed, moved back if it is not. A crash in between leaves the
row and the file (in blobs/trash/), never a row without its file.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction

from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.evidence.blobstore import BlobStore, default_store
from reinstate.evidence.holders import held_originals
from reinstate.evidence.models import Blob, EvidenceItem

log = logging.getLogger(__name__)


def purge_withdrawn(*, now: datetime, store: BlobStore | None = None) -> Counter[str]:
    """Delete what was withdrawn before the keep period; counts what went, and failures."""
    store = store or default_store()
    cutoff = now - timedelta(days=settings.WITHDRAWN_KEEP_DAYS)
    due = EvidenceItem.all_objects.filter(withdrawn_at__lte=cutoff).order_by("pk")
    counts: Counter[str] = Counter()
    for pk, blob_id in list(due.values_list("pk", "blob_id")):
        try:
            deleted = _purge_one(pk, blob_id, cutoff=cutoff, store=store)
        except Exception:  # a disk or database error: log it, keep going, report it
            log.exception("deleting withdrawn evidence item %s failed", pk)
            counts["failed"] += 1
            continue
        if deleted is not None:
            counts["withdrawn_deleted"] += 1
            counts["originals_deleted"] += deleted
    return counts


def _purge_one(pk: int, blob_id: int, *, cutoff: datetime, store: BlobStore) -> bool | None:
    """Delete one item if it is still withdrawn and due. None when there was nothing to do;
    else whether its original was deleted too."""
    trashed: Path | None = None
    try:
        with transaction.atomic():
            blob = Blob.objects.select_for_update().filter(pk=blob_id).first()
            item = EvidenceItem.all_objects.filter(pk=pk, withdrawn_at__lte=cutoff).first()
            if blob is None or item is None:
                return None  # put back, or deleted by another run
            facts = {
                "item": item.pk,
                "exhibit": item.exhibit,
                "sha256": blob.sha256,
                "bytes": blob.size,
                "filename": item.filename,
                "withdrawn_at": item.withdrawn_at.isoformat() if item.withdrawn_at else None,
            }
            item.delete()
            orphaned = not held_originals([blob.pk])  # no item, nor a driver's record
            if orphaned:
                blob.delete()
            record_event(
                kind=EventKind.EVIDENCE_DELETED,
                actor=None,
                case_id=item.case_id,
                data={**facts, "original_deleted": orphaned},
            )
            if orphaned:
                # Last, so that only the commit itself can fail after it.
                trashed = store.trash(blob.sha256)
                if trashed is not None:
                    sha256, path = blob.sha256, trashed
                    transaction.on_commit(lambda: store.empty(path, sha256))
    except BaseException:
        if trashed is not None:
            store.restore(trashed)
        raise
    return orphaned
