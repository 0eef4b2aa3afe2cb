"""Writes to the evidence locker. Each runs in one transaction and appends an audit event.

Adding a file: stream it into the store's temporary folder while hashing it, read what it is,
then (in one transaction, holding the original's row) move it into place and record the item.
A file refused at any step leaves nothing behind. Its preview (renditions) is made by a queued
job once that transaction commits (evidence/tasks.py): the request never decodes the picture.

Withdrawing takes an item out of its case but keeps it, and its original, for
settings.WITHDRAWN_KEEP_DAYS: the driver can put it back (or add the same file again, which
does the same). reinstate.evidence.purge deletes it for good after that.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import PurePosixPath, PureWindowsPath
from typing import BinaryIO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case, ChecklistItem
from reinstate.evidence.blobstore import BlobStore, Staged, TooLarge, default_store
from reinstate.evidence.file_facts import FileFacts, inspect_file
from reinstate.evidence.models import Blob, EvidenceItem, IncidentDay, RetiredLabel
from reinstate.evidence.sniff import SNIFF_BYTES, EvidenceFileError, sniff
from reinstate.evidence.tasks import queue_renditions, renditions_at_intake
from reinstate.rules.evidence.exhibits import Exhibit, assign_labels

MAX_DESCRIPTION = 300


@dataclass(frozen=True)
class Added:
    item: EvidenceItem
    duplicate: bool
    restored: bool = False  # the file had been withdrawn from the case: it is back


def size_text(size: int) -> str:
    for unit, step in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= step:
            return f"{size / step:.1f}".removesuffix(".0") + f" {unit}"
    return ngettext("%(count)s byte", "%(count)s bytes", size) % {"count": size}


def limit_for(family: str | None) -> int:
    if family == "video":
        return max(settings.EVIDENCE_VIDEO_MAX_BYTES, settings.EVIDENCE_MAX_BYTES)
    return int(settings.EVIDENCE_MAX_BYTES)


def too_large_message(name: str, family: str | None) -> str:
    limit = size_text(limit_for(family))
    if family == "video":
        text = _(
            "“%(name)s” is larger than %(limit)s, the most a video can be. Nothing was added. "
            "Send a shorter video, a smaller copy or a screenshot."
        )
    else:
        text = _(
            "“%(name)s” is larger than %(limit)s, the most a file can be. Nothing was added. "
            "Send a shorter video, a smaller copy or a screenshot."
        )
    return text % {"name": name, "limit": limit}


def safe_filename(name: str) -> str:
    """The last part of a name a browser or a person gave, without folders or control
    characters: "../../x" is kept as "x", never as a path."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r"\s+", " ", base).strip(" .")
    return base[:200] or "evidence"


def guess_kind(facts: FileFacts) -> str:
    if facts.media_type == "image/png":
        return EvidenceItem.Kind.SCREENSHOT
    if facts.family == "image":
        return EvidenceItem.Kind.PHOTO
    if facts.media_type == "message/rfc822":
        return EvidenceItem.Kind.EMAIL
    if facts.media_type == "application/gpx+xml":
        return EvidenceItem.Kind.GPS_TRACE
    return EvidenceItem.Kind.OTHER


def do_add_evidence(
    *,
    case: Case,
    actor: User | None,
    source: BinaryIO,
    filename: str,
    kind: str | None = None,
    description: str = "",
    proves: str = "",
    note: str = "",
    satisfies: Sequence[ChecklistItem] = (),
    store: BlobStore | None = None,
    inline_renditions: bool | None = None,
) -> Added:
    """Keep one file as evidence for a case. The same file again gives the item it already is;
    a file withdrawn from the case (and not yet deleted for good) is put back as it was.
    Its preview is queued, or made here with `inline_renditions` (tasks.renditions_at_intake)."""
    store = store or default_store()
    name = safe_filename(filename)
    if kind is not None and kind not in EvidenceItem.Kind.values:
        raise EvidenceFileError(_("Unknown kind of evidence %(kind)r.") % {"kind": kind})
    _check_checklist(case, satisfies)
    head = source.read(SNIFF_BYTES)
    family = sniff(head, name).family
    try:
        with store.receive(source, head=head, max_bytes=limit_for(family)) as staged:
            existing = _item_holding(case, staged.sha256)
            if existing is not None and existing.withdrawn_at is None:
                return Added(existing, duplicate=True)
            if existing is not None:  # withdrawn: put back, holding the row as _record does
                with transaction.atomic():
                    Blob.objects.select_for_update().filter(sha256=staged.sha256).first()
                    held = _held(case, actor, staged, store)
                if held is not None:
                    return held
                # Deleted for good a moment ago: added below as a new item.
            facts = inspect_file(staged.path, name)
            renditions = renditions_at_intake(store, staged, facts.media_type, inline_renditions)
            record = partial(
                _record,
                case=case,
                actor=actor,
                staged=staged,
                facts=facts,
                renditions=renditions,
                store=store,
                name=name,
                kind=kind or guess_kind(facts),
                description=description.strip()[:MAX_DESCRIPTION],
                proves=proves.strip(),
                note=note.strip(),
                satisfies=satisfies,
            )
            try:
                return record()
            except IntegrityError:
                # Another process stored the same content (or the same item) at this moment:
                # once it has, this add finds its row, or its item as a duplicate.
                return record()
    except TooLarge:
        raise EvidenceFileError(too_large_message(name, family)) from None


def _item_holding(case: Case, sha256: str) -> EvidenceItem | None:
    """The case's item for this content, withdrawn or not (there is at most one)."""
    return EvidenceItem.all_objects.filter(case=case, blob__sha256=sha256).first()


def _held(case: Case, actor: User | None, staged: Staged, store: BlobStore) -> Added | None:
    """What adding content the case already has gives, holding its original's row: the same
    item; a withdrawn one is put back. None when the case has no item for it."""
    existing = _item_holding(case, staged.sha256)
    if existing is None:
        return None
    if existing.withdrawn_at is None:
        return Added(existing, duplicate=True)
    # A withdrawn item's original is kept; were it lost, this upload is the same bytes.
    store.commit(staged)
    existing.case = case
    _put_back(existing, actor=actor, how="added again")
    return Added(existing, duplicate=False, restored=True)


def _record(
    *,
    case: Case,
    actor: User | None,
    staged: Staged,
    facts: FileFacts,
    renditions: bool | None,
    store: BlobStore,
    name: str,
    kind: str,
    description: str,
    proves: str,
    note: str,
    satisfies: Sequence[ChecklistItem],
) -> Added:
    with transaction.atomic():
        # Hold the original's row: a deletion for good of the same content (purge) waits, or
        # has finished and moved its file aside, so the file put in place here stays.
        blob = Blob.objects.select_for_update().filter(sha256=staged.sha256).first()
        held = _held(case, actor, staged, store)
        if held is not None:
            return held
        if blob is None:
            blob = Blob.objects.create(
                sha256=staged.sha256,
                size=staged.size,
                media_type=facts.media_type,
                family=facts.family,
                label=facts.label,
                info=facts.info(),
                text=facts.text,
                has_renditions=bool(renditions),
            )
            if renditions is None:  # not made inline: queued
                queue_renditions(blob)
        store.commit(staged)
        last = case.evidence.aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
        item = EvidenceItem.objects.create(
            case=case,
            blob=blob,
            kind=kind,
            filename=name,
            description=description,
            proves=proves,
            note=note,
            exhibit="?",
            position=position,
            added_by=actor,
        )
        item.satisfies.set(satisfies)
        _relabel(case, actor=None)
        item.refresh_from_db(fields=["exhibit"])
        record_event(
            kind=EventKind.EVIDENCE_ADDED,
            actor=actor,
            case_id=case.pk,
            data={
                "item": item.pk,
                "exhibit": item.exhibit,
                "sha256": blob.sha256,
                "bytes": blob.size,
                "media_type": blob.media_type,
                "filename": name,
                "kind": kind,
                "satisfies": sorted(c.key for c in satisfies),
            },
        )
    return Added(item, duplicate=False)


def _check_checklist(case: Case, satisfies: Sequence[ChecklistItem]) -> None:
    if any(c.case_id != case.pk for c in satisfies):
        raise EvidenceFileError(_("A checklist item chosen belongs to another case."))


def do_withdraw_evidence(
    *, item: EvidenceItem, actor: User | None, now: datetime | None = None
) -> EvidenceItem:
    """Take an item out of its case: gone from the locker, the labels, the checklist and the
    packet at once, as if deleted. Its row and its original are kept for
    settings.WITHDRAWN_KEEP_DAYS so that it can be put back (do_restore_evidence); after that
    reinstate.evidence.purge deletes both. The audit log keeps that it existed and its hash."""
    now = now or timezone.now()
    with transaction.atomic():
        # The original's row is the lock every change to its items takes (add, put back, purge).
        Blob.objects.select_for_update().filter(pk=item.blob_id).first()
        item = EvidenceItem.all_objects.select_related("case", "blob").get(pk=item.pk)
        if item.withdrawn_at is not None:
            return item  # a second tap
        case = item.case
        if item.label_locked:
            RetiredLabel.objects.get_or_create(case=case, label=item.exhibit)
        item.withdrawn_at = now
        item.save(update_fields=["withdrawn_at"])
        relabelled = _relabel(case, actor=None)
        record_event(
            kind=EventKind.EVIDENCE_WITHDRAWN,
            actor=actor,
            case_id=case.pk,
            data={
                "item": item.pk,
                "exhibit": item.exhibit,
                "sha256": item.blob.sha256,
                "bytes": item.blob.size,
                "filename": item.filename,
                "kind": item.kind,
                "original_deleted": False,
                "kept_until": kept_until(now).isoformat(),
                "relabelled": relabelled,
            },
        )
    return item


def kept_until(withdrawn_at: datetime) -> datetime:
    """Until when an item withdrawn then can be put back: the first `reinstate remind` after
    it deletes the item for good."""
    return withdrawn_at + timedelta(days=settings.WITHDRAWN_KEEP_DAYS)


def do_restore_evidence(
    *, item: EvidenceItem, actor: User | None, store: BlobStore | None = None
) -> EvidenceItem | None:
    """Put a withdrawn item back in its case, in its old place. None when it was deleted for
    good meanwhile; an item already back is returned as it is."""
    with transaction.atomic():
        Blob.objects.select_for_update().filter(pk=item.blob_id).first()
        current = EvidenceItem.all_objects.select_related("case", "blob").filter(pk=item.pk)
        found = current.first()
        if found is None or found.withdrawn_at is None:
            return found
        # A purge cut off by a crash may have left the original set aside in the trash.
        (store or default_store()).recover(found.blob.sha256)
        _put_back(found, actor=actor, how="put back")
    return found


def _put_back(item: EvidenceItem, *, actor: User | None, how: str) -> None:
    """Bring a withdrawn item back into its case; the caller holds its original's row."""
    case = item.case
    was = item.exhibit
    # Its old place: what now stands at or after its position moves down one, so it returns
    # before the items that came after it (positions are only an order; a move renumbers).
    case.evidence.filter(position__gte=item.position).update(position=F("position") + 1)
    # Its label. A label a packet printed is never given to another file, so a locked label,
    # retired at withdrawal, can only be held by this item: it gets that label back and the
    # retirement is lifted (the item's lock now keeps the label from any other). Should some
    # other item hold it all the same (a locked item with that label, in the case or withdrawn),
    # this one takes a new label instead and the old one stays retired. An unlocked label was
    # never printed: the item is labelled by its place, as a new item is.
    if item.label_locked and not _label_held(item):
        RetiredLabel.objects.filter(case=case, label=item.exhibit).delete()
    else:
        item.label_locked = False
        item.exhibit = "?"
    item.withdrawn_at = None
    item.save(update_fields=["position", "exhibit", "label_locked", "withdrawn_at"])
    relabelled = _relabel(case, actor=None)
    item.refresh_from_db(fields=["exhibit", "position"])
    record_event(
        kind=EventKind.EVIDENCE_RESTORED,
        actor=actor,
        case_id=case.pk,
        data={
            "item": item.pk,
            "exhibit": item.exhibit,
            "was": was,
            "sha256": item.blob.sha256,
            "filename": item.filename,
            "how": how,
            "relabelled": relabelled,
        },
    )


def _label_held(item: EvidenceItem) -> bool:
    """Another item of the case has this label: one in the case, or a withdrawn one whose
    label a packet printed (a withdrawn unlocked item is relabelled when it comes back)."""
    others = EvidenceItem.all_objects.filter(case_id=item.case_id, exhibit=item.exhibit)
    others = others.exclude(pk=item.pk)
    return others.filter(Q(withdrawn_at__isnull=True) | Q(label_locked=True)).exists()


def do_describe_evidence(
    *,
    item: EvidenceItem,
    actor: User,
    kind: str,
    description: str,
    proves: str,
    note: str,
    satisfies: Sequence[ChecklistItem],
) -> EvidenceItem:
    if kind not in EvidenceItem.Kind.values:
        raise EvidenceFileError(_("Unknown kind of evidence %(kind)r.") % {"kind": kind})
    _check_checklist(item.case, satisfies)
    new = {
        "kind": kind,
        "description": description.strip()[:MAX_DESCRIPTION],
        "proves": proves.strip(),
        "note": note.strip(),
    }
    changes = {f: v for f, v in new.items() if getattr(item, f) != v}
    old_keys = sorted(item.satisfies.values_list("key", flat=True))
    new_keys = sorted(c.key for c in satisfies)
    if not changes and old_keys == new_keys:
        return item
    with transaction.atomic():
        for field, value in changes.items():
            setattr(item, field, value)
        item.save()
        item.satisfies.set(satisfies)
        record_event(
            kind=EventKind.EVIDENCE_DESCRIBED,
            actor=actor,
            case_id=item.case_id,
            data={
                "item": item.pk,
                "exhibit": item.exhibit,
                "changed": sorted(changes),
                "satisfies": {"from": old_keys, "to": new_keys},
            },
        )
    return item


def do_move_evidence(*, item: EvidenceItem, actor: User, step: int) -> dict[str, dict[str, str]]:
    """Move an exhibit up (-1) or down (+1); the labels follow the new order, except those a
    packet has used. Returns what was relabelled."""
    with transaction.atomic():
        items = list(EvidenceItem.objects.select_for_update().filter(case_id=item.case_id))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index + step
        if not 0 <= target < len(items) or step not in (-1, 1):
            return {}
        items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])
        return _relabel(item.case, actor=actor)


def do_lock_exhibit_labels(*, case: Case, actor: User | None) -> int:
    """Fix every current label (a packet has printed them). Returns how many were locked."""
    with transaction.atomic():
        count = case.evidence.filter(label_locked=False).update(label_locked=True)
        if count:
            record_event(
                kind=EventKind.EVIDENCE_LABELS_LOCKED,
                actor=actor,
                case_id=case.pk,
                data={"labels": list(case.evidence.values_list("exhibit", flat=True))},
            )
    return count


def _relabel(case: Case, *, actor: User | None) -> dict[str, dict[str, str]]:
    """Give every item of the case the label its order calls for. Records one event when an
    existing label changed (a new item's first label is recorded with the item)."""
    items = list(case.evidence.order_by("position", "pk"))
    labels = assign_labels(
        [Exhibit(i.pk, i.exhibit, i.label_locked) for i in items],
        retired=set(case.retired_labels.values_list("label", flat=True)),
    )
    changes: dict[str, dict[str, str]] = {}
    for item in items:
        if item.exhibit != labels[item.pk]:
            if item.exhibit != "?":
                changes[str(item.pk)] = {"from": item.exhibit, "to": labels[item.pk]}
            item.exhibit = labels[item.pk]
            item.save(update_fields=["exhibit"])
    if changes and actor is not None:
        record_event(
            kind=EventKind.EVIDENCE_RELABELLED,
            actor=actor,
            case_id=case.pk,
            data={"items": changes},
        )
    return changes


def do_set_incident_day(*, case: Case, actor: User, day: date | None) -> None:
    """The day the case is about; None forgets it."""
    current = IncidentDay.objects.filter(case=case).first()
    if (current.day if current else None) == day:
        return
    with transaction.atomic():
        if day is None:
            IncidentDay.objects.filter(case=case).delete()
        else:
            IncidentDay.objects.update_or_create(case=case, defaults={"day": day, "set_by": actor})
        record_event(
            kind=EventKind.EVIDENCE_DAY_SET,
            actor=actor,
            case_id=case.pk,
            data={"day": day.isoformat() if day else None},
        )


__all__ = [
    "Added",
    "EvidenceFileError",
    "do_add_evidence",
    "do_describe_evidence",
    "do_lock_exhibit_labels",
    "do_move_evidence",
    "do_restore_evidence",
    "do_set_incident_day",
    "do_withdraw_evidence",
    "kept_until",
]
