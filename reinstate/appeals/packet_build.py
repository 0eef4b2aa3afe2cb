"""Building a packet: gather, render to a temporary file, then rename it into place.

The previous packet stays downloadable until the new file is complete (the rename is atomic),
and progress is written to the Packet row, so any web process can report it. A packet that is
not a draft locks the exhibit labels it printed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from reinstate.accounts.models import User
from reinstate.appeals import tasks
from reinstate.appeals.actions import (
    do_fail_packet,
    do_finish_packet,
    do_report_progress,
    do_request_packet,
)
from reinstate.appeals.facts import letter_language
from reinstate.appeals.models import Packet
from reinstate.appeals.packet_content import PacketContent, PacketRefused, gather
from reinstate.appeals.packet_docx import write_docx
from reinstate.appeals.packet_pdf import render_pdf
from reinstate.appeals.packet_text import TextCount, character_count, plain_text
from reinstate.appeals.queries import approved_letter
from reinstate.cases.models import Case
from reinstate.core.disk_full import is_disk_full
from reinstate.evidence.actions import do_lock_exhibit_labels
from reinstate.evidence.blobstore import default_store
from reinstate.lib.stored_files import data_storage, is_local, put, walk

log = logging.getLogger(__name__)
FORMATS = ("pdf", "txt", "docx")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def packets_dir() -> Path:
    return Path(settings.REINSTATE_HOME) / "packets"


def check_buildable(case: Case, *, fmt: str, draft: bool) -> None:
    """Refuse early, before any work is queued."""
    if fmt not in FORMATS:
        raise PacketRefused(f"Unknown format {fmt!r}: choose pdf, txt or docx.")
    if not draft and approved_letter(case) is None:
        raise PacketRefused(
            _(
                "No approved letter yet: approve a version of the letter first, "
                "or build a draft (--draft), which marks every page DRAFT."
            )
        )


def build_packet(
    *,
    case: Case,
    fmt: str,
    draft: bool,
    actor: User | None,
    out: Path | None = None,
    packet: Packet | None = None,
    now: datetime | None = None,
) -> Packet:
    """Build the packet to `out` (the command line) or into the data folder (the web)."""
    check_buildable(case, fmt=fmt, draft=draft)
    packet = packet or do_request_packet(case=case, fmt=fmt, draft=draft, actor=actor)
    try:
        _build(packet, out=out, actor=actor, now=now or timezone.now())
    except Exception as error:
        if isinstance(error, PacketRefused):
            message = str(error)
        elif is_disk_full(error):
            message = gettext_noop(
                "The server's disk is full, so the packet could not be saved. Your case is "
                "safe; tell whoever runs this site, then build it again."
            )
        else:
            message = gettext_noop("The packet could not be built.")
        do_fail_packet(packet=packet, error=message)
        raise
    return packet


def _build(packet: Packet, *, out: Path | None, actor: User | None, now: datetime) -> None:
    case = packet.case
    store = default_store()
    try:
        # In the letter's language, whatever the page's (or the worker's) language is.
        with translation.override(letter_language(case)):
            content = gather(case, store=store, draft=packet.draft, now=now)
        digest, size, pages = _write(packet, content, out=out)
    finally:
        store.close()  # the originals fetched from a bucket
    packet.path = "" if out else stored_name(packet)
    packet.sha256, packet.bytes, packet.pages = digest, size, pages
    packet.exhibits = len(content.exhibits)
    packet.letter = approved_letter(case) if not packet.draft else None
    with transaction.atomic():
        do_finish_packet(packet=packet, actor=actor)
        if not packet.draft:
            do_lock_exhibit_labels(case=case, actor=actor)
    if out is None:
        _remove_older(packet)


def stored_name(packet: Packet) -> str:
    """Where a built packet is kept in the data storage (the folder, or the bucket)."""
    return f"packets/{packet.case_id}/{packet.pk}.{packet.format}"


def _write(
    packet: Packet, content: PacketContent, *, out: Path | None
) -> tuple[str, int, int | None]:
    """The packet's file in its place (its hash, size and pages); nothing is left behind when
    writing it fails (the work folder, a partial file)."""
    storage = data_storage()
    name = stored_name(packet)
    # On disk the file is written beside its place and renamed into it; for a bucket it is
    # written in the work folder and sent up whole once complete.
    target = out or (Path(storage.path(name)) if is_local(storage) else None)
    work_root = packets_dir() / "tmp"
    work_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=work_root, prefix=f"{packet.pk}-"))
    temp: Path | None = None
    try:
        beside = target.parent if target is not None else work
        beside.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            dir=beside, prefix=f".{packet.pk}.{packet.format}.", suffix=".tmp"
        )
        os.close(fd)
        temp = Path(temp_name)
        with translation.override(letter_language(packet.case)):
            pages = _render(packet, content, temp, work)
        digest, size = _hash_and_sync(temp)
        if target is not None:
            temp.replace(target)
        else:
            put(storage, name, temp)
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return digest, size, pages


def _render(packet: Packet, content: PacketContent, temp: Path, work: Path) -> int | None:
    def progress(step: str) -> None:
        do_report_progress(packet=packet, progress=step)

    if packet.format == "pdf":
        built = render_pdf(content, out=temp, work=work, progress=progress)
        return built.pages
    if packet.format == "txt":
        temp.write_text(plain_text(content), encoding="utf-8")
    else:
        write_docx(content, temp)
    return None


def text_count(packet: Packet) -> TextCount | None:
    """The character count of a plain-text packet against the web form's limit."""
    if packet.format != "txt" or not packet.path:
        return None
    try:
        with open_packet(packet.path) as handle:
            text = handle.read().decode("utf-8")
    except FileNotFoundError:  # removed since (verify names it); the page goes on without it
        return None
    return character_count(text, limit=settings.WEB_FORM_LIMIT)


def _hash_and_sync(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
        os.fsync(handle.fileno())
    return digest.hexdigest(), path.stat().st_size


def _remove_older(packet: Packet) -> None:
    """Only the newest file of each format is kept; older rows stay as the history."""
    older = Packet.objects.filter(case=packet.case, format=packet.format, pk__lt=packet.pk)
    storage = data_storage()
    for old in older.exclude(path=""):
        storage.delete(old.path)
    older.update(path="")


def open_packet(path: str) -> BinaryIO:
    """A built packet's file, by its Packet.path (FileNotFoundError when it is gone)."""
    if not path:
        raise FileNotFoundError("the packet has no file")
    return cast(BinaryIO, data_storage().open(path, "rb"))


def remove_case_packets(case_ids: list[int]) -> None:
    """Every built packet of these cases (a deleted account's)."""
    storage = data_storage()
    if is_local(storage):
        for pk in case_ids:
            shutil.rmtree(packets_dir() / str(pk), ignore_errors=True)
        return
    for pk in case_ids:
        for name in walk(storage, f"packets/{int(pk)}"):
            storage.delete(name)


def build_in_background(packet: Packet, *, actor: User | None) -> None:
    """Queue the build once the request's transaction commits (a worker must see the row).
    The status lives in the Packet row, so any web process can answer the polling page."""
    if getattr(settings, "REINSTATE_BUILD_INLINE", False):  # tests: build within the request
        _run(packet, actor)
        return
    actor_id = actor.pk if actor else None
    transaction.on_commit(lambda: tasks.build_packet.enqueue(packet.pk, actor_id))


def run_queued(packet_id: int, actor_id: int | None, *, attempt: int) -> str:
    """The queued build, in a worker: the packet's status when it ends."""
    packet = Packet.objects.select_related("case").filter(pk=packet_id).first()
    if packet is None or packet.status != Packet.Status.BUILDING:
        return "gone" if packet is None else packet.status  # finished before its worker died
    if attempt > settings.TASK_MAX_ATTEMPTS:
        # Each attempt stopped its worker (out of memory, the machine restarting): another
        # would likely do the same.
        do_fail_packet(packet=packet, error=GAVE_UP.format(tries=attempt - 1))
        return Packet.Status.FAILED
    if attempt > 1:
        _remove_leftovers(packet)
    # Stored in English; the status page translates it (partials/_packet_status.html).
    started = (
        gettext_noop("Starting")
        if attempt == 1
        else gettext_noop("Starting again (the packet builder was restarted)")
    )
    do_report_progress(packet=packet, progress=started)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    _run(packet, actor)
    packet.refresh_from_db(fields=["status"])
    return packet.status


def _remove_leftovers(packet: Packet) -> None:
    """The half-written file and work folder of an attempt whose worker was killed."""
    folder = packets_dir() / str(packet.case_id)
    for temp in folder.glob(f".{packet.pk}.{packet.format}.*.tmp"):
        temp.unlink(missing_ok=True)
    for work in (packets_dir() / "tmp").glob(f"{packet.pk}-*"):
        shutil.rmtree(work, ignore_errors=True)


GAVE_UP = (
    "the packet builder stopped {tries} times while making it. Try building it again; "
    "if this keeps happening, tell whoever runs this site."
)


def _run(packet: Packet, actor: User | None) -> None:
    try:
        build_packet(
            case=packet.case, fmt=packet.format, draft=packet.draft, actor=actor, packet=packet
        )
    except Exception:
        # The row says it failed, in words for the driver; the details go to the log.
        log.exception("packet %s failed", packet.pk)
