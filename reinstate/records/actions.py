"""Writes to a driver's records. Each appends one audit event.

A record's files are refused or kept together: every file is staged and read first (a file that
is not what it claims, or too large, refuses the whole record, with the reason), then one
transaction keeps the originals, the record and its event.

Adding records to a case goes through the case's own actions: each file is added to the
evidence as any upload is (the same original, so its hash and its photo time are the record's),
a call or chat with support becomes a contact of the support log at its own time, and a record
without a file becomes a short text exhibit of the driver's words; then one
transaction notes which records went in, so none is offered or added twice.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.appeals.facts import letter_language
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.comms.actions import CommsInputError, Upload, do_add_contact
from reinstate.comms.models import Channel, Contact, Direction
from reinstate.evidence.actions import do_add_evidence
from reinstate.evidence.blobstore import BlobStore, default_store
from reinstate.evidence.models import EvidenceItem
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.lib.dates import when
from reinstate.lib.errors import UserInputError
from reinstate.lib.tz import parse_time_zone
from reinstate.records.models import Kind, Record, RecordFile, RecordUse
from reinstate.records.originals import Received, keep, received

MAX_NOTE = 5000
MAX_WHO = 200
MAX_FILES = 20
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
# A phone's clock and the server's may differ a little; a record is of what already happened.
CLOCK_SLACK = timedelta(hours=1)


class RecordInputError(UserInputError):
    """A record that cannot be kept as given; the message says what to change."""


def check_record(*, at: datetime, kind: str, note: str, files: int, now: datetime) -> None:
    """The checks a record must pass, in words a person can act on."""
    if kind not in Kind.values:
        raise RecordInputError(
            _("Unknown kind of record %(kind)r: use one of %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(Kind.values)}
        )
    if at.tzinfo is None:
        raise RecordInputError(_("The time needs a time zone offset, like 2026-11-03T10:00-08:00."))
    if at > now + CLOCK_SLACK:
        raise RecordInputError(
            _("That time is in the future. Say when it happened, today or before.")
        )
    if at < EARLIEST:
        raise RecordInputError(_("That date is too long ago. Check the year."))
    if len(note) > MAX_NOTE:
        raise RecordInputError(
            _("The note is too long: keep it under %(count)s characters.") % {"count": MAX_NOTE}
        )
    if files > MAX_FILES:
        raise RecordInputError(
            _("Keep at most %(count)s files with one record.") % {"count": MAX_FILES}
        )
    if kind in (Kind.SUPPORT_CALL, Kind.SUPPORT_CHAT) and not note.strip():
        raise RecordInputError(_("Write what was said, in a few words."))
    if kind == Kind.NOTE and not note.strip() and not files:
        raise RecordInputError(_("Write a note or add a photo or file: the record is empty."))


def do_add_record(
    *,
    owner: User,
    at: datetime,
    kind: str,
    note: str = "",
    who: str = "",
    files: Sequence[Upload] = (),
    time_zone: str | None = None,
    now: datetime | None = None,
    store: BlobStore | None = None,
) -> Record:
    """Keep one record, with its files as originals in the blob store."""
    now = now or timezone.now()
    store = store or default_store()
    note = note.strip()
    who = " ".join(who.split())[:MAX_WHO]
    zone = parse_time_zone(time_zone or owner.time_zone).key
    check_record(at=at, kind=kind, note=note, files=len(files), now=now)
    with ExitStack() as stack:
        staged: list[Received] = []
        for upload in files:
            try:
                staged.append(stack.enter_context(received(upload.source, upload.name, store)))
            except EvidenceFileError as error:
                raise RecordInputError(
                    _("“%(name)s”: %(error)s Nothing was kept; your note is still here.")
                    % {"name": upload.name, "error": error}
                ) from None
        try:
            return _keep_record(owner, at, zone, kind, note, who, staged, store)
        except IntegrityError:
            # Another process stored one of these originals at this moment: its row is found.
            return _keep_record(owner, at, zone, kind, note, who, staged, store)


def _keep_record(
    owner: User,
    at: datetime,
    zone: str,
    kind: str,
    note: str,
    who: str,
    staged: list[Received],
    store: BlobStore,
) -> Record:
    with transaction.atomic():
        record = Record.objects.create(
            owner=owner, at=at, time_zone=zone, kind=kind, note=note, who=who
        )
        kept = []
        for file in staged:
            blob = keep(file, store)
            _, new = RecordFile.objects.get_or_create(
                record=record, blob=blob, defaults={"filename": file.name}
            )
            if new:
                kept.append(
                    {
                        "sha256": blob.sha256,
                        "bytes": blob.size,
                        "media_type": blob.media_type,
                        "filename": file.name,
                    }
                )
        record_event(
            kind=EventKind.RECORDS_ADDED,
            actor=owner,
            data={"record": record.pk, "kind": kind, "at": at.isoformat(), "files": kept},
        )
    return record


@dataclass
class AddedToCase:
    """What adding records to a case did: new evidence items, those the case held already,
    and the contacts added to its support log."""

    records: list[int] = field(default_factory=list)
    items: list[EvidenceItem] = field(default_factory=list)
    already: list[EvidenceItem] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "records": self.records,
            "evidence_added": [item.pk for item in self.items],
            "evidence_already_in_case": [item.pk for item in self.already],
            "contacts_added": [contact.pk for contact in self.contacts],
        }


def contact_key(record: Record) -> str:
    """The support-log key of a record's call or chat: the log never holds it twice."""
    return f"reinstate-record:{record.pk}"


def do_add_records_to_case(
    *,
    case: Case,
    actor: User,
    records: Sequence[Record],
    store: BlobStore | None = None,
) -> AddedToCase:
    """Add the driver's records to their case. A record already added is skipped."""
    store = store or default_store()
    if any(record.owner_id != case.owner_id for record in records):
        raise RecordInputError(_("Only the driver's own records can be added to their case."))
    done = set(RecordUse.objects.filter(case=case).values_list("record_id", flat=True))
    result = AddedToCase()
    contacts: dict[int, Contact] = {}
    for record in records:
        if record.pk in done or record.pk in result.records:
            continue
        uploads = _originals(record, store)
        if not uploads and not record.is_support:
            uploads = [_written_note(case, record)]
        try:
            if record.is_support:
                contacts[record.pk] = _support_contact(case, actor, record, uploads, result)
            else:
                for upload in uploads:
                    added = do_add_evidence(
                        case=case,
                        actor=actor,
                        source=upload.source,
                        filename=upload.name,
                        description=record.note,
                    )
                    (result.already if added.duplicate else result.items).append(added.item)
        finally:
            for upload in uploads:
                upload.source.close()
        result.records.append(record.pk)
    if not result.records:
        return result
    with transaction.atomic():
        for pk in result.records:
            RecordUse.objects.get_or_create(
                record_id=pk, case=case, defaults={"contact": contacts.get(pk)}
            )
        record_event(
            kind=EventKind.RECORDS_ADDED_TO_CASE,
            actor=actor,
            case_id=case.pk,
            data={
                "records": result.records,
                "evidence": [item.pk for item in result.items],
                "evidence_already_in_case": [item.pk for item in result.already],
                "contacts": [contact.pk for contact in result.contacts],
            },
        )
    return result


def _originals(record: Record, store: BlobStore) -> list[Upload]:
    uploads: list[Upload] = []
    for file in record.files.select_related("blob"):
        try:
            uploads.append(Upload(name=file.filename, source=store.open(file.blob.sha256)))
        except FileNotFoundError:
            for upload in uploads:
                upload.source.close()
            raise RecordInputError(
                _(
                    "The stored original of “%(name)s” is missing. Nothing was added; ask whoever "
                    "runs this server to run `reinstate verify`."
                )
                % {"name": file.filename}
            ) from None
    return uploads


def _written_note(case: Case, record: Record) -> Upload:
    """A record with no file goes in as a text exhibit: when, what about, and the driver's words,
    headed in the letter's language (it may go to the platform in the packet). The same record
    gives the same bytes, so adding it again finds the item it already is."""
    at = record.at.astimezone(ZoneInfo(record.time_zone))
    with translation.override(letter_language(case)):
        head = f"{when(at, 'moment_zone')}\n{Kind(record.kind).label}"
    text = f"{head}\n\n{record.note}\n" if record.note else f"{head}\n"
    name = f"record-{at:%Y-%m-%d}-{record.pk}.txt"  # i18n: a file name
    return Upload(name=name, source=io.BytesIO(text.encode("utf-8")))


def _support_contact(
    case: Case, actor: User, record: Record, uploads: list[Upload], result: AddedToCase
) -> Contact:
    """The record's call or chat in the case's support log, with its files attached."""
    key = contact_key(record)
    found = case.contacts.filter(source_key=key).first()
    if found is not None:
        return found  # added before an interruption: never twice
    channel = Channel.PHONE if record.kind == Kind.SUPPORT_CALL else Channel.IN_APP_CHAT
    try:
        contact = do_add_contact(
            case=case,
            actor=actor,
            channel=channel,
            direction=Direction.TO_PLATFORM,
            at=record.at,
            summary=record.note,
            agent=record.who,
            body=record.note,
            files=uploads,
            source_key=key,
        )
    except CommsInputError as error:
        # Added by another request at this very moment, or a file the log refused.
        found = case.contacts.filter(source_key=key).first()
        if found is None:
            raise RecordInputError(str(error)) from None
        return found
    result.contacts.append(contact)
    result.items.extend(contact.attachments.all())
    return contact


__all__ = [
    "AddedToCase",
    "RecordInputError",
    "do_add_record",
    "do_add_records_to_case",
]
