"""Taking a backup: the database snapshot first, then the files its rows name.

Originals are only ever added (and, rarely, deleted for good), never changed: every original a
snapshot's row names is on disk when the copy reaches it, unless it was deleted in between. An
original added after the snapshot is not copied (no row of the backup names it, so a restore
would only show it to `verify` as a leftover).

With the files in an S3 bucket (REINSTATE_S3_BUCKET) the backup holds the database and the
secret key only, and says so: the bucket is kept by its own versioning and replication."""

from __future__ import annotations

import os
import re
import tarfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from reinstate.compose.backup import archive
from reinstate.compose.backup.archive import BackupError, Writer
from reinstate.compose.backup.database import Snapshot, take_snapshot
from reinstate.evidence.blobstore import BlobStore
from reinstate.lib.stored_files import data_storage, describe

ATTEMPTS = 3
# Names `--dir` gives its backups; `--keep` removes only files named like this.
TIMED = re.compile(r"reinstate-\d{8}T\d{6}\.\d{6}Z\.tar")


class Vanished(Exception):
    """An original the snapshot names was deleted before it was copied."""


@dataclass
class Made:
    file: Path
    bytes: int
    originals: int
    database: str
    files: int
    seconds: float
    removed: list[str] = field(default_factory=list)
    bucket: str | None = None  # the originals and packets are there, not in this file

    def as_json(self) -> dict[str, Any]:
        made = {
            "file": str(self.file),
            "bytes": self.bytes,
            "originals": self.originals,
            "database": self.database,
            "files": self.files,
            "seconds": round(self.seconds, 3),
        }
        if self.bucket is not None:
            made["stored_files"] = {"in": self.bucket, "copied": False, "note": BUCKET_NOTE}
        return made


BUCKET_NOTE = (
    "The originals, renditions and packets are in the bucket, not in this backup: keep "
    "versioning (and replication) on for the bucket, as docs/deploy.md says. This backup holds "
    "the database and the secret key; restoring it with the same bucket configured brings "
    "everything back."
)


def timed_name(now: datetime | None = None) -> str:
    return f"reinstate-{(now or datetime.now(UTC)).strftime('%Y%m%dT%H%M%S.%fZ')}.tar"


def make_backup(out: Path, *, force: bool = False) -> Made:
    if out.exists() and not force:
        raise BackupError(_("%(path)s exists already: pass --force to replace it.") % {"path": out})
    if not out.parent.is_dir():
        raise BackupError(
            _("No folder %(folder)s to write the backup into.") % {"folder": out.parent}
        )
    started = time.monotonic()
    for attempt in range(ATTEMPTS):
        try:
            made = _attempt(out)
        except Vanished as gone:
            # A deletion ran between the snapshot and the copy: a new snapshot no longer
            # names that original.
            if attempt == ATTEMPTS - 1:
                raise RuntimeError(f"original {gone} was deleted during the backup") from None
            continue
        made.seconds = time.monotonic() - started
        return made
    raise AssertionError("unreachable")


def _attempt(out: Path) -> Made:
    home = Path(settings.REINSTATE_HOME)
    store = BlobStore(home, data_storage())
    part = out.with_name(f".{out.name}.{uuid.uuid4().hex}.part")
    with TemporaryDirectory(dir=out.parent, prefix=".reinstate-backup-") as work:
        snapshot = take_snapshot(Path(work))  # first: see the module's docstring
        try:
            with tarfile.open(part, "w:", format=tarfile.PAX_FORMAT) as tar:
                writer = Writer(tar)
                writer.add(snapshot.file, f"database/{snapshot.file.name}")
                if store.local:
                    _add_files(writer, snapshot, store, home)
                else:  # a bucket keeps its own copies (versioning, replication)
                    _add_secret_key(writer, home)
                manifest = writer.finish(_header(snapshot))
            _durable_rename(part, out)
        finally:
            part.unlink(missing_ok=True)
    return Made(
        out, out.stat().st_size, len(snapshot.originals), snapshot.engine,
        len(manifest["files"]), 0.0,
        bucket=None if store.local else describe(store.storage),
    )  # fmt: skip


def _add_files(writer: Writer, snapshot: Snapshot, store: BlobStore, home: Path) -> None:
    for sha256 in snapshot.originals:
        name = store.path_for(sha256).relative_to(home).as_posix()
        try:
            writer.add(_original(store, sha256), name)
        except FileNotFoundError:
            raise Vanished(sha256) from None
        for size in ("page", "thumb"):
            rendition = store.rendition_path(sha256, size)
            # Derived and rebuilt when missing: one being remade is simply left out.
            if rendition.is_file():
                _add_if_there(writer, rendition, home)
    for packet in snapshot.packets:
        # The newest packet replaces an older one's file: one gone meanwhile is left out.
        _add_if_there(writer, home / packet, home)
    _add_secret_key(writer, home)


def _add_secret_key(writer: Writer, home: Path) -> None:
    if (home / "secret_key").is_file():
        # Sessions, reset links and calendar feed addresses stay valid after a restore.
        _add_if_there(writer, home / "secret_key", home)


def _original(store: BlobStore, sha256: str) -> Path:
    """The original in place, or, while a deletion not yet committed holds it aside, in the
    trash (the snapshot may still name it)."""
    path = store.path_for(sha256)
    if path.is_file():
        return path
    aside = sorted(store.trash_dir.glob(f"{sha256}.*"))
    return aside[0] if aside else path


def _add_if_there(writer: Writer, path: Path, home: Path) -> None:
    try:
        resolved = path.resolve()
        if not resolved.is_relative_to(home.resolve()):
            return  # a packet path naming something outside the data folder: never copied
        writer.add(path, path.relative_to(home).as_posix())
    except FileNotFoundError:
        pass


def _header(snapshot: Snapshot) -> dict[str, Any]:
    try:
        app_version: str | None = version("reinstate")
    except PackageNotFoundError:
        app_version = None
    return {
        "format": archive.FORMAT,
        "version": archive.VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "app_version": app_version,
        "database": {"engine": snapshot.engine, "path": f"database/{snapshot.file.name}"},
        "originals": len(snapshot.originals),
    }


def _durable_rename(part: Path, out: Path) -> None:
    with part.open("rb+") as handle:
        os.fsync(handle.fileno())
    part.replace(out)
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rotate(folder: Path, keep: int) -> list[str]:
    """Delete the oldest timed backups in folder beyond the newest `keep`; their names."""
    timed = sorted(p for p in folder.iterdir() if TIMED.fullmatch(p.name) and p.is_file())
    old = timed[: max(len(timed) - keep, 0)]
    for path in old:
        path.unlink(missing_ok=True)
    return [str(p) for p in old]
