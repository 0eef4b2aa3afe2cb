"""The blob store: evidence originals, content-addressed by SHA-256, under REINSTATE_HOME.

    blobs/aa/bb/<sha256>          an original, read-only, never modified
    blobs/tmp/                    uploads being received (a crash leaves them here, named)
    blobs/trash/                  originals being deleted, until their transaction commits
    renditions/aa/bb/<sha256>-page.jpg, -thumb.jpg   derived, rebuilt when missing

An original is received into a temporary file while it is hashed, flushed to disk (fsync),
then renamed into place (atomic on one file system); the same content is stored once.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

CHUNK = 1 << 20
HEX = frozenset("0123456789abcdef")


class TooLarge(ValueError):
    """More bytes than allowed arrived; nothing was kept."""


@dataclass(frozen=True)
class Staged:
    """An upload received into the store's temporary folder, with its hash and size."""

    path: Path
    sha256: str
    size: int


class BlobStore:
    def __init__(self, home: Path) -> None:
        self.root = home / "blobs"
        self.tmp = self.root / "tmp"
        self.trash_dir = self.root / "trash"
        self.renditions = home / "renditions"

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not set(sha256) <= HEX:
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def rendition_path(self, sha256: str, size: str) -> Path:
        self.path_for(sha256)  # the same check of the name
        return self.renditions / sha256[:2] / sha256[2:4] / f"{sha256}-{size}.jpg"

    @contextmanager
    def receive(self, source: BinaryIO, *, max_bytes: int, head: bytes = b"") -> Iterator[Staged]:
        """Copy a stream (after `head`, its first bytes already read) into a temporary file,
        hashing it; the file is gone after the block unless `commit` moved it into place.
        Over `max_bytes`, stops reading and raises TooLarge."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        temp = self.tmp / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with temp.open("xb") as out:
                for chunk in _chunks(source, head):
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(size)
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            yield Staged(temp, digest.hexdigest(), size)
        finally:
            temp.unlink(missing_ok=True)

    def commit(self, staged: Staged) -> bool:
        """Put a staged file in place. False when that content is stored already (the copy
        on disk is kept; a missing one is restored from this upload)."""
        final = self.path_for(staged.sha256)
        if final.exists():
            return False
        final.parent.mkdir(parents=True, exist_ok=True)
        staged.path.chmod(0o400)  # never changed, and read by nobody but the app
        staged.path.replace(final)
        _fsync_dir(final.parent)
        return True

    def open(self, sha256: str) -> BufferedReader:
        return self.path_for(sha256).open("rb")

    def hash_of(self, sha256: str) -> str:
        with self.open(sha256) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()

    def trash(self, sha256: str) -> Path | None:
        """Move an original aside, to delete once its removal is committed (`empty`), or to
        put back if it is not (`restore`)."""
        source = self.path_for(sha256)
        if not source.exists():
            return None
        self.trash_dir.mkdir(parents=True, exist_ok=True)
        target = self.trash_dir / f"{sha256}.{uuid.uuid4().hex}"
        source.replace(target)
        return target

    def restore(self, trashed: Path) -> None:
        final = self.path_for(trashed.name.split(".")[0])
        if not final.exists():
            trashed.replace(final)
        else:
            trashed.unlink(missing_ok=True)

    def recover(self, sha256: str) -> bool:
        """Put an original back from the trash when a deletion was cut off between setting it
        aside and committing (the row still names it). True when one was put back."""
        if self.path_for(sha256).exists():
            return False
        for trashed in sorted(self.trash_dir.glob(f"{sha256}.*")):
            self.restore(trashed)
            return True
        return False

    def empty(self, trashed: Path, sha256: str) -> None:
        trashed.unlink(missing_ok=True)
        for size in ("page", "thumb"):
            self.rendition_path(sha256, size).unlink(missing_ok=True)

    def stored(self) -> Iterator[tuple[str, Path]]:
        """Every original on disk, by the hash its name claims."""
        for path in sorted(self.root.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*")):
            yield path.name, path

    def leftovers(self) -> list[Path]:
        """Files a crash left behind: an upload never finished, a deletion never completed."""
        found = [*self.tmp.glob("*"), *self.trash_dir.glob("*")] if self.root.exists() else []
        return sorted(found)


def _chunks(source: BinaryIO, head: bytes) -> Iterator[bytes]:
    if head:
        yield head
    while chunk := source.read(CHUNK):
        yield chunk


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable: the directory entry is flushed too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def default_store() -> BlobStore:
    return BlobStore(Path(settings.REINSTATE_HOME))
