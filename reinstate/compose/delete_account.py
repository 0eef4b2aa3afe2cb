"""Deleting an account and everything it holds, in every app.

The user's row goes, and with it (the database cascades) their cases and all that hangs on
them: checklist, corrections, evidence items, support log, appeal, letters, packet rows; their
health records, imports, alerts; their platform accounts and memberships. An organisation they
were the only advocate of is closed too (the cases drivers shared with it stop being shared);
one they were the only admin of keeps going, with its earliest other member as admin.

Files: an evidence original (of a case, or of the driver's own records) goes unless an item or
a record of another account holds the same content
(the store keeps each content once, by its SHA-256); it is moved to blobs/trash/ inside the
transaction and deleted after the commit, or put back if the transaction fails, as
evidence/purge.py does. Built packets (REINSTATE_HOME/packets/<case>/) and uploads waiting
for an import (comms-pending/, in the folder or the bucket) are deleted after the commit.

The audit chain stays whole: events are hashed into it, so they cannot be taken out. Their
actor link is cleared by the database; what stays is what the events recorded: the user name
(actor_name, and in some events' data), case and item numbers, evidence file names and SHA-256
hashes, organisation names, dates and counts. Never a notice, a letter, a file's content, the
legal name, an email address or a platform account (those events name the fields changed).
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Count

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.appeals.packet_build import remove_case_packets
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.cases.notice_pictures import intake_folder
from reinstate.comms.imports import forget_pending_files
from reinstate.comms.models import PendingImport
from reinstate.evidence.blobstore import BlobStore, default_store
from reinstate.evidence.holders import held_originals
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.health.models import Block
from reinstate.records.models import RecordFile


@dataclass(frozen=True)
class Deleted:
    username: str
    cases: int
    evidence_items: int
    originals_deleted: int
    originals_kept: int  # held by another account's item too
    health_blocks: int
    organisations_closed: list[int]

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class WhatGoes:
    """What the confirmation page lists before the driver says yes."""

    cases: int
    evidence_items: int
    health_blocks: int
    organisations_closed: list[Organisation]


def sole_organisations(user: User) -> list[Organisation]:
    """The organisations the user is the only advocate of: deleting the user closes them."""
    mine = Membership.objects.filter(user=user).values("organisation_id")
    return list(
        Organisation.objects.filter(pk__in=mine)
        .annotate(advocates=Count("membership"))
        .filter(advocates=1)
        .order_by("name")
    )


def _hand_over_admin(user: User) -> dict[str, str]:
    """Where the user is an organisation's only admin and others stay, its earliest other
    member becomes admin: an organisation always keeps one. {organisation id: new admin}."""
    handed: dict[str, str] = {}
    sole_admin = Membership.objects.filter(user=user, role=Membership.Role.ADMIN)
    for organisation_id in sole_admin.values_list("organisation_id", flat=True):
        others = Membership.objects.filter(organisation_id=organisation_id).exclude(user=user)
        if others.filter(role=Membership.Role.ADMIN).exists():
            continue
        heir = others.select_related("user").order_by("pk").first()
        if heir is not None:
            heir.role = Membership.Role.ADMIN
            heir.save(update_fields=["role"])
            handed[str(organisation_id)] = heir.user.username
    return handed


def what_goes(user: User) -> WhatGoes:
    return WhatGoes(
        cases=Case.objects.filter(owner=user).count(),
        evidence_items=EvidenceItem.all_objects.filter(case__owner=user).count(),
        health_blocks=Block.objects.filter(owner=user).count(),
        organisations_closed=sole_organisations(user),
    )


def do_delete_account(*, user: User, actor: User | None, store: BlobStore | None = None) -> Deleted:
    """Delete the user and all their data. `actor` is the user themself, or None from the
    command line (the server's operator)."""
    store = store or default_store()
    case_ids = list(Case.objects.filter(owner=user).values_list("pk", flat=True))
    user_pk = user.pk
    trashed: list[tuple[Path, str]] = []
    try:
        with transaction.atomic():
            items = EvidenceItem.all_objects.filter(case__owner=user)
            # The originals of their evidence and of their own records (records/).
            kept = RecordFile.objects.filter(record__owner=user).values_list("blob_id", flat=True)
            blob_ids = sorted(set(items.values_list("blob_id", flat=True)) | set(kept))
            # The lock adding, withdrawing and purging take: no other case can start holding
            # one of these originals while we decide whether it is orphaned.
            blobs = list(Blob.objects.select_for_update().filter(pk__in=blob_ids).order_by("pk"))
            item_count = items.count()
            blocks = Block.objects.filter(owner=user).count()
            closing = sole_organisations(user)
            pending_files = [
                f["path"]
                for pending in PendingImport.objects.filter(user=user)
                | PendingImport.objects.filter(case__owner=user)
                for f in pending.files
            ]
            username = user.username
            handed = _hand_over_admin(user)
            record_event(
                kind=EventKind.USER_DELETED,
                actor=actor,
                data={
                    "user": user.pk,
                    "cases": case_ids,
                    "evidence_items": item_count,
                    "organisations_closed": [o.pk for o in closing],
                    **({"admins_handed_over": handed} if handed else {}),
                },
            )
            for organisation in closing:
                organisation.delete()
            user.delete()
            # By another account's evidence or records.
            still_held = held_originals(blob_ids)
            orphaned = [b for b in blobs if b.pk not in still_held]
            for blob in orphaned:
                blob.delete()
            # Last, so that only the commit itself can fail after the files are set aside.
            for blob in orphaned:
                path = store.trash(blob.sha256)
                if path is not None:
                    trashed.append((path, blob.sha256))
            gone = list(trashed)
            # The case's packets, and screenshots still waiting to open a case.
            folders = [intake_folder(user_pk)]
            transaction.on_commit(lambda: _remove_files(store, gone, folders))
            transaction.on_commit(lambda: forget_pending_files(pending_files))
            transaction.on_commit(lambda: remove_case_packets(case_ids))
    except BaseException:
        for path, _ in trashed:
            store.restore(path)
        raise
    return Deleted(
        username=username,
        cases=len(case_ids),
        evidence_items=item_count,
        originals_deleted=len(orphaned),
        originals_kept=len(blobs) - len(orphaned),
        health_blocks=blocks,
        organisations_closed=[o.pk for o in closing],
    )


def _remove_files(store: BlobStore, trashed: list[tuple[Path, str]], folders: list[Path]) -> None:
    for path, sha256 in trashed:
        store.empty(path, sha256)
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
