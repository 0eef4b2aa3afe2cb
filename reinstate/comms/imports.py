"""Importing files into the support log: emails (.eml, .mbox) and chat transcripts (.txt).

Shared by `reinstate comms import` and the import page. Each file is read by its kind; emails
from every file are imported together as one stream (one transaction, one event), and each
chat transcript is one contact.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.comms.actions import (
    CommsInputError,
    ImportResult,
    chat_key,
    do_add_contact,
    do_import_mails,
)
from reinstate.comms.mail import (
    MAX_MESSAGE_BYTES,
    About,
    Mail,
    MailFilter,
    Skipped,
    decode_text,
    read_mbox,
    read_message,
)
from reinstate.comms.models import Channel, Direction, PendingImport
from reinstate.lib.stored_files import data_storage, fetched, is_local, put
from reinstate.rules.comms.chat import ChatError, Turn, split_turns

MAX_CHAT_BYTES = 2 * 1000 * 1000
KINDS = {".eml": "email", ".mbox": "mbox", ".mbx": "mbox", ".txt": "chat"}


@dataclass(frozen=True)
class Picked:
    keys: frozenset[str]

    def matches(self, mail: Mail) -> bool:
        return mail.key in self.keys


@dataclass(frozen=True)
class Source:
    name: str
    open: Callable[[], BinaryIO]


def file_source(path: Path, name: str | None = None) -> Source:
    def opener() -> BinaryIO:
        return path.open("rb")

    return Source(name or path.name, opener)


def kind_of(name: str) -> str | None:
    return KINDS.get(PurePath(name).suffix.lower())


def import_files(
    *,
    case: Case,
    actor: User | None,
    sources: Sequence[Source],
    now: datetime,
    about: About | None = None,
    chat_at: datetime | None = None,
) -> ImportResult:
    result = do_import_mails(case=case, actor=actor, mails=mails_in(sources), now=now, about=about)
    for source in sources:
        if kind_of(source.name) == "chat":
            # Without a time given, the chat's time is unknown: it is logged as such.
            _import_chat(case, actor, source, chat_at or now, result, at_known=chat_at is not None)
    return result


def mails_in(sources: Sequence[Source]) -> Iterator[Mail | Skipped]:
    for source in sources:
        kind = kind_of(source.name)
        if kind is None:
            yield Skipped(source.name, _("Not an email or chat file: use .eml, .mbox or .txt."))
        elif kind == "mbox":
            with source.open() as handle:
                for found in read_mbox(handle):
                    yield _named(found, source.name)
        elif kind == "email":
            with source.open() as handle:
                data = handle.read(MAX_MESSAGE_BYTES + 1)
            if len(data) > MAX_MESSAGE_BYTES:
                too_large = _("Larger than %(size)s MB.") % {"size": MAX_MESSAGE_BYTES // 1_000_000}
                yield Skipped(source.name, too_large)
            else:
                yield read_message(data, source.name)


def _named(found: Mail | Skipped, file_name: str) -> Mail | Skipped:
    if isinstance(found, Skipped):
        return Skipped(f"{file_name}, {found.item}", found.reason)
    return found


def read_chat(data: bytes) -> tuple[str, list[Turn]]:
    """A transcript's text and its turns; refuses what is empty or not a chat."""
    if len(data) > MAX_CHAT_BYTES:
        raise CommsInputError(_("This chat is too long (over 2 MB). Paste it in parts."))
    text = decode_text(data, None).replace("\x00", "").strip()
    if not text:
        raise CommsInputError(_("The chat is empty. Paste the conversation as you copied it."))
    try:
        turns = split_turns(text)
    except ChatError as error:
        raise CommsInputError(str(error)) from None
    if not any(turn.speaker for turn in turns):
        raise CommsInputError(
            _(
                "No one speaking was found. Each line should start with a name and a colon, "
                "like “Agent: …” or “You: …”."
            )
        )
    return text, turns


def chat_summary(turns: Sequence[Turn]) -> tuple[str, str]:
    """(summary, agent) of a chat: the driver's first words, and the first agent's name."""
    mine = next((t.text for t in turns if t.side == "driver" and t.text), "")
    theirs = next((t for t in turns if t.side == "platform"), None)
    # Stored as the contact's summary, in English whatever the page's language.
    summary = f"Chat: {mine}" if mine else "Chat with support"  # i18n: stored
    return summary[:200], theirs.speaker if theirs else ""


def _import_chat(
    case: Case,
    actor: User | None,
    source: Source,
    at: datetime,
    result: ImportResult,
    *,
    at_known: bool = True,
) -> None:
    with source.open() as handle:
        data = handle.read(MAX_CHAT_BYTES + 1)
    try:
        text, turns = read_chat(data)
        key = chat_key(text)
        if case.contacts.filter(source_key=key).exists():
            result.duplicates += 1
            return
        summary, agent = chat_summary(turns)
        contact = do_add_contact(
            case=case,
            actor=actor,
            channel=Channel.IN_APP_CHAT,
            direction=Direction.TO_PLATFORM,
            at=at,
            at_known=at_known,
            summary=summary,
            agent=agent,
            body=text,
            turns=turns,
            source_key=key,
        )
    except CommsInputError as error:
        result.skipped.append(Skipped(source.name, str(error)))
        return
    result.added += 1
    for ticket in contact.tickets.all():
        if ticket.number not in result.tickets:
            result.tickets.append(ticket.number)


# The import page: files wait on disk between the preview and the driver's pick.
PREVIEW_ROWS = 500
RUNNING = [PendingImport.Status.QUEUED, PendingImport.Status.READING, PendingImport.Status.SAVING]


PENDING = "comms-pending"


def pending_folder() -> Path:
    return Path(settings.REINSTATE_HOME) / PENDING


@dataclass
class Preview:
    mails: list[Mail] = field(default_factory=list)  # about the case, the first PREVIEW_ROWS
    matching: int = 0
    not_about_case: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def do_stage_import(
    *, case: Case, actor: User, uploads: Sequence[tuple[str, Any]]
) -> PendingImport:
    """Keep uploaded email files until the driver picks what to import. `uploads` are
    (name, file with chunks()) pairs, as Django gives them."""
    storage = data_storage()
    # On disk the upload is written where it waits; for a bucket, in a temporary folder and
    # then sent up (the worker that imports it may be on another machine).
    local = is_local(storage)
    folder = pending_folder() if local else Path(tempfile.mkdtemp(prefix="reinstate-"))
    folder.mkdir(parents=True, exist_ok=True)
    # One pending import per person; one a worker is importing is left to finish.
    mine = PendingImport.objects.filter(user=actor)
    _drop_pending(mine.exclude(status__in=RUNNING))
    files = []
    try:
        for name, upload in uploads:
            stored = secrets.token_hex(16)
            with (folder / stored).open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            if not local:
                put(storage, pending_name(stored), folder / stored)
            files.append({"name": PurePath(name).name[:200], "path": stored})
    finally:
        if not local:
            shutil.rmtree(folder, ignore_errors=True)
    with transaction.atomic():
        pending = PendingImport.objects.create(case=case, user=actor, files=files)
        record_event(
            kind=EventKind.COMMS_IMPORT_STAGED,
            actor=actor,
            case_id=case.pk,
            data={"files": [f["name"] for f in files]},
        )
    return pending


def pending_name(path: str) -> str:
    """A waiting upload's name in the data storage (the folder, or the bucket)."""
    return f"{PENDING}/{path}"


@contextmanager
def pending_sources(pending: PendingImport) -> Iterator[list[Source]]:
    """The import's files to read: on disk where they wait, from a bucket as temporary copies
    (removed when the block ends)."""
    storage = data_storage()
    with ExitStack() as copies:
        yield [
            file_source(copies.enter_context(fetched(storage, pending_name(f["path"]))), f["name"])
            for f in pending.files
        ]


def preview(pending: PendingImport, about: MailFilter) -> Preview:
    found = Preview()
    with pending_sources(pending) as sources:
        return _previewed(found, sources, about)


def _previewed(found: Preview, sources: list[Source], about: MailFilter) -> Preview:
    for mail in mails_in(sources):
        if isinstance(mail, Skipped):
            found.skipped.append(mail)
        elif not about.matches(mail):
            found.not_about_case += 1
        else:
            found.matching += 1
            if len(found.mails) < PREVIEW_ROWS:
                found.mails.append(mail)
    return found


def do_finish_import(
    *, pending: PendingImport, actor: User | None, keys: Sequence[str], now: datetime
) -> ImportResult:
    """Import the picked messages of a pending import, then forget its files.

    The contacts and the import's "done" commit together: a worker killed before the commit
    leaves nothing written, and a job run again after it finds the import done."""
    if not keys:
        raise CommsInputError(_("Tick at least one message to import."))
    with transaction.atomic(), pending_sources(pending) as sources:
        result = import_files(
            case=pending.case, actor=actor, sources=sources, now=now, about=Picked(frozenset(keys))
        )
        PendingImport.objects.filter(pk=pending.pk).update(
            status=PendingImport.Status.DONE, result=result.as_json(), reason=""
        )
    drop_files(pending)
    return result


def drop_stale_imports(*, now: datetime) -> int:
    """Forget uploads never imported (the driver left the preview): a day is long enough."""
    old = PendingImport.objects.filter(created_at__lt=now - timedelta(days=1))
    # One a worker is in the middle of is left to it (the queue takes a dead worker's back).
    busy = [PendingImport.Status.READING, PendingImport.Status.SAVING]
    stale = list(old.exclude(status__in=busy))
    _drop_pending(stale)
    return len(stale)


def drop_files(pending: PendingImport) -> None:
    forget_pending_files([f["path"] for f in pending.files])


def forget_pending_files(paths: Sequence[str]) -> None:
    """Delete waiting uploads (gone already is fine)."""
    storage = data_storage()
    for path in paths:
        storage.delete(pending_name(path))


def _drop_pending(pendings: Any) -> None:
    for pending in pendings:
        drop_files(pending)
        pending.delete()
