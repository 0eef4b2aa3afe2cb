""" "Download all my data": one zip with everything an account keeps, from every app.

    README.txt                     what is where
    profile.json                   the account: names, contact, where they work, platform accounts
    cases/<id>/case.json           the case (deadline, plan, checklist, the reading, corrections)
    cases/<id>/notice.txt          the notice as received
    cases/<id>/evidence.json       each item's facts, and its file's name in this zip
    cases/<id>/evidence/<A - name> the originals, byte for byte (withdrawn ones under withdrawn/)
    cases/<id>/contacts.json       the support log
    cases/<id>/appeal.json         the explanation, plan, record and letter versions
    cases/<id>/sent.json           when and how the appeal was sent, and the decisions
    cases/<id>/letters/letter-N.txt each letter version's text
    cases/<id>/packets/<file>      the packets built on the web, if any
    health/blocks.csv              delivery blocks, one row each
    health/records.json            watch levels, targets, readings, payment changes, documents,
                                   alerts
    records/records.json           the driver's own records (records/), each file's name here
    records/files/<id> - <name>    their originals, byte for byte

Built outside any transaction (a large locker takes a while, and SQLite would hold every
writer meanwhile); the audit event is written once the file is complete.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.db import models, transaction
from django.utils import timezone

from reinstate.accounts.models import PlatformAccount, User
from reinstate.appeals.models import LetterVersion, Packet
from reinstate.appeals.presenters import appeal_json
from reinstate.appeals.sent_presenters import decision_json, sending_json
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_json
from reinstate.comms.presenters import contact_json
from reinstate.evidence.blobstore import BlobStore, default_store
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.evidence.presenters import evidence_json
from reinstate.health.models import (
    Alert,
    Block,
    Document,
    PaymentChange,
    Reading,
    Target,
    WatchLevel,
)
from reinstate.lib.iso import iso
from reinstate.lib.stored_files import data_storage, fetched
from reinstate.records.presenters import record_json
from reinstate.records.queries import records_of

BLOCK_COLUMNS = [
    "platform",
    "block_start",
    "block_end",
    "arrived_at",
    "status",
    "packages_assigned",
    "packages_delivered",
    "packages_returned",
    "late_deliveries",
    "dnr_reports",
    "earnings",
    "tips",
    "miles",
    "source",
]
# Media that compress no further: stored as they are.
PACKED = ("image/", "video/", "audio/", "application/pdf", "application/zip")
UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')

README = """\
Everything your Reinstate account keeps, downloaded {at}.

profile.json        your account
cases/<number>/     one folder a case: case.json (deadline, plan, checklist), notice.txt,
                    evidence.json and evidence/ (your files, exactly as you added them),
                    contacts.json (the support log), appeal.json, letters/, packets/
health/blocks.csv   your delivery blocks; health/records.json the rest of your health records
records/            the records you kept before any case: records.json and files/

Times are ISO 8601 with their offset.
"""


@dataclass(frozen=True)
class Exported:
    files: int  # files in the zip


def do_export_account(*, user: User, target: BinaryIO, actor: User | None) -> Exported:
    """Write the user's zip to `target`, then record that it was made (no values)."""
    files = write_export(user, target)
    with transaction.atomic():
        record_event(
            kind=EventKind.USER_DATA_EXPORTED, actor=actor, data={"user": user.pk, "files": files}
        )
    return Exported(files=files)


def write_export(user: User, target: BinaryIO) -> int:
    now = timezone.now()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        writer = _Writer(zf)
        writer.text("README.txt", README.format(at=iso(now)))
        writer.json("profile.json", _profile(user))
        for case in Case.objects.filter(owner=user).select_related("owner").order_by("pk"):
            _case(writer, case, now=now)
        _health(writer, user)
        _records(writer, user)
        return writer.count


class _Writer:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.count = 0
        self.names: set[str] = set()

    def unique(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        candidate, n = name, 1
        while candidate in self.names:
            n += 1
            candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
        self.names.add(candidate)
        return candidate

    def text(self, name: str, text: str) -> None:
        self.zf.writestr(self.unique(name), text.encode("utf-8"))
        self.count += 1

    def json(self, name: str, value: Any) -> None:
        self.text(name, json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")

    def file(self, name: str, path: Path, *, media_type: str = "") -> str | None:
        if not path.is_file():
            return None
        packed = media_type.startswith(PACKED)
        arcname = self.unique(name)
        compress = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
        self.zf.write(path, arcname, compress_type=compress)
        self.count += 1
        return arcname


def safe_name(name: str) -> str:
    cleaned = UNSAFE.sub("_", name).strip(" .") or "file"
    return cleaned[-120:]


def _profile(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "legal_name": user.legal_name,
        "email": user.email,
        "time_zone": user.time_zone,
        "state": user.state,
        "city": user.city,
        "joined": iso(user.date_joined),
        "platform_accounts": {
            a.platform: a.identifier
            for a in PlatformAccount.objects.filter(user=user).order_by("platform")
        },
        "organisations": [
            {"id": m.organisation_id, "name": m.organisation.name, "role": m.role}
            for m in user.memberships.select_related("organisation").order_by("organisation_id")
        ],
    }


def _case(writer: _Writer, case: Case, *, now: Any) -> None:
    folder = f"cases/{case.pk}"
    record = case_json(case, now=now) | {
        "created_at": iso(case.created_at),
        "notice": {
            "filename": case.notice_filename,
            "subject": case.notice_subject,
            "sender": case.notice_sender,
            "received": iso(case.received_at),
        },
        "reading": case.reading,
        "corrections": [
            {"field": c.field, "old": c.old_value, "new": c.new_value, "at": iso(c.at)}
            for c in case.corrections.all()
        ],
        "outcome_note": case.outcome_note,
    }
    writer.json(f"{folder}/case.json", record)
    writer.text(f"{folder}/notice.txt", case.notice_text)

    store = default_store()
    items = []
    evidence = EvidenceItem.all_objects.filter(case=case).select_related("blob", "case__owner")
    for item in evidence.order_by("position", "pk"):
        sub = "evidence/withdrawn" if item.withdrawn_at else "evidence"
        name = safe_name(f"{item.exhibit} - {item.filename}")
        stored = _add_original(writer, store, f"{folder}/{sub}/{name}", item.blob)
        items.append(
            evidence_json(item)
            | {
                "note": item.note,
                "proves": item.proves,
                "added_at": iso(item.added_at),
                "withdrawn_at": iso(item.withdrawn_at),
                "file": stored,  # null: the original is missing from the store
            }
        )
    writer.json(f"{folder}/evidence.json", items)

    contacts = case.contacts.prefetch_related("tickets", "attachments").order_by("at", "pk")
    writer.json(
        f"{folder}/contacts.json",
        [contact_json(c) | {"body": c.body, "transcript": c.turns} for c in contacts],
    )
    writer.json(f"{folder}/appeal.json", appeal_json(case))
    writer.json(
        f"{folder}/sent.json",
        {
            "sendings": [sending_json(case, sent) for sent in case.sendings.order_by("sent_at")],
            "decisions": [decision_json(d) for d in case.decisions.order_by("decided_on", "pk")],
        },
    )
    for letter in LetterVersion.objects.filter(case=case).order_by("number"):
        writer.text(f"{folder}/letters/letter-{letter.number}-{letter.status}.txt", letter.text)

    storage = data_storage()
    for packet in Packet.objects.filter(case=case).exclude(path="").order_by("pk"):
        try:
            with fetched(storage, packet.path) as path:
                writer.file(f"{folder}/packets/{Path(packet.path).name}", path)
        except FileNotFoundError:
            continue  # rebuilt or deleted meanwhile


def _add_original(writer: _Writer, store: BlobStore, name: str, blob: Blob) -> str | None:
    """The original into the archive; None when it is missing from the store."""
    try:
        path = store.local_path(blob.sha256)
    except FileNotFoundError:
        return None
    try:
        return writer.file(name, path, media_type=blob.media_type)
    finally:
        if not store.local:  # a copy fetched from the bucket: one at a time on this machine
            path.unlink(missing_ok=True)


def _rows(queryset: models.QuerySet[Any], skip: tuple[str, ...] = ("id", "owner")) -> list[Any]:
    out = []
    for row in queryset:
        out.append(
            {
                f.attname: _value(getattr(row, f.attname))
                for f in row._meta.concrete_fields
                if f.name not in skip
            }
        )
    return out


def _value(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _health(writer: _Writer, user: User) -> None:
    out = io.StringIO()
    table = csv.writer(out)
    table.writerow(BLOCK_COLUMNS)
    for block in Block.objects.filter(owner=user).order_by("platform", "block_start"):
        table.writerow(
            ["" if (v := _value(getattr(block, c))) is None else v for c in BLOCK_COLUMNS]
        )
    writer.text("health/blocks.csv", out.getvalue())
    writer.json(
        "health/records.json",
        {
            "watch_levels": _rows(WatchLevel.objects.filter(owner=user)),
            "targets": _rows(Target.objects.filter(owner=user)),
            "readings": _rows(Reading.objects.filter(owner=user)),
            "payment_changes": _rows(PaymentChange.objects.filter(owner=user)),
            "documents": _rows(Document.objects.filter(owner=user)),
            "alerts": _rows(Alert.objects.filter(owner=user)),
        },
    )


def _records(writer: _Writer, user: User) -> None:
    """The driver's own records (records/), with their originals."""
    store = default_store()
    kept = []
    for record in records_of(user).prefetch_related("uses"):
        shown = record_json(record, list(record.uses.all()))
        for file, listed in zip(record.files.all(), shown["files"], strict=True):
            name = f"records/files/{record.pk} - {safe_name(file.filename)}"
            listed["file"] = _add_original(writer, store, name, file.blob)
        kept.append(shown)
    if kept:
        writer.json("records/records.json", kept)
