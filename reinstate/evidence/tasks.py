"""The evidence's queued work: making an original's preview (see core/worker.py for who runs it).

An upload keeps the original and queues this job, so decoding pictures happens in the fixed
number of worker processes, never in a web request. The job is idempotent: renditions already
made (by an earlier run, or by a packet build that needed them first) are only noted.

Marking the Blob row is not an action with an audit event: renditions are derived data that
can be deleted and made again at any time, and their making changes nothing the driver did.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop
from django_tasks import task

from reinstate.evidence.blobstore import BlobStore, Staged, default_store
from reinstate.evidence.cut_short import is_cut_short
from reinstate.evidence.models import Blob
from reinstate.evidence.renditions import incomplete
from reinstate.evidence.sniff import EvidenceFileError

# Stored in the file's notes in English, shown with _() like inspect_file's notes.
NO_PREVIEW = gettext_noop(
    "No preview could be made: the picture may be incomplete or damaged (cut short while it "
    "was copied). The original is kept as it was sent; send the original photo again if you "
    "have it."
)


def can_preview(media_type: str) -> bool:
    """Whether renditions.make_renditions may make a picture of this kind of file."""
    return media_type.startswith("image/") or media_type == "application/pdf"


def renditions_at_intake(
    store: BlobStore, staged: Staged, media_type: str, inline: bool | None
) -> bool | None:
    """At an add, before the record: None when the preview is to be queued, after refusing a
    JPEG or PNG cut short (found from its structure, without decoding it). `inline` (by default
    settings.REINSTATE_RENDITIONS_INLINE, off) makes it now instead, as callers that may have
    no worker running need (the command line): whether it was made, and a picture that cannot
    be decoded to its end refused."""
    if inline is None:
        inline = bool(getattr(settings, "REINSTATE_RENDITIONS_INLINE", False))
    if inline:
        return store.make_renditions(staged.path, staged.sha256, media_type)
    if is_cut_short(staged.path, media_type):
        raise EvidenceFileError(incomplete())
    return None


def queue_renditions(blob: Blob) -> None:
    """Inside the caller's transaction: mark the preview as on its way and queue its making
    once the transaction commits (a job must never find a row that is not there yet)."""
    if blob.has_renditions or not can_preview(blob.media_type):
        return
    if not blob.preview_pending:
        Blob.objects.filter(pk=blob.pk).update(preview_pending=True)
        blob.preview_pending = True
    blob_id = blob.pk
    transaction.on_commit(lambda: make_renditions.enqueue(blob_id))


def requeue_stale_previews(before: datetime) -> list[Blob]:
    """Queue again the previews still on their way for originals kept before `before` (a job
    lost with its process between the commit and the queue, or one that failed): `reinstate
    verify --clean` calls this. A job that was only slow makes nothing twice."""
    stale = list(Blob.objects.filter(preview_pending=True, created_at__lt=before))
    for blob in stale:
        make_renditions.enqueue(blob.pk)
    return stale


@task()
def make_renditions(blob_id: int) -> str:
    """Make the page image and thumbnail of the Blob `blob_id`; safe to run twice."""
    return make_blob_renditions(blob_id)


def make_blob_renditions(blob_id: int, store: BlobStore | None = None) -> str:
    """What the job does, also called inline (`reinstate evidence add`). Says what it did."""
    blob = Blob.objects.filter(pk=blob_id).first()
    if blob is None:
        return "gone"  # deleted for good before its job ran: nothing to show
    if blob.has_renditions:
        _settle(blob_id, made=True, damaged=False)
        return "already made"
    store = store or default_store()
    made = damaged = found = False
    try:
        found = store.renditions_kept(blob.sha256)  # a packet build or an earlier run made them
        made = found or store.ensure_renditions(blob.sha256, blob.media_type)
    except EvidenceFileError:
        damaged = True
    except FileNotFoundError:
        pass  # the original is lost: `reinstate verify` reports that, not a preview
    finally:
        store.close()
        # Whatever happened, the preview is no longer on its way: the pages then offer the
        # original to download rather than a placeholder that never goes.
        _settle(blob_id, made=made, damaged=damaged)
    if found:
        return "already made"
    return "made" if made else "damaged" if damaged else "no preview"


def _settle(blob_id: int, *, made: bool, damaged: bool) -> None:
    with transaction.atomic():
        blob = Blob.objects.select_for_update().filter(pk=blob_id).first()
        if blob is None:
            return
        blob.has_renditions = made or blob.has_renditions
        blob.preview_pending = False
        notes = list(blob.info.get("notes", []))
        if damaged and NO_PREVIEW not in notes:
            blob.info = {**blob.info, "notes": [*notes, NO_PREVIEW]}
        blob.save(update_fields=["has_renditions", "preview_pending", "info"])
