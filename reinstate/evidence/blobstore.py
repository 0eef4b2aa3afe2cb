"""The blob store: evidence originals, content-addressed by SHA-256, in the data storage
(settings.STORAGES["data"]: REINSTATE_HOME, or an S3-compatible bucket; lib/stored_files.py).

    blobs/aa/bb/<sha256>          an original, read-only, never modified
    blobs/tmp/                    uploads being received (a crash leaves them here, named)
    blobs/trash/                  originals being deleted, until their transaction commits
    renditions/aa/bb/<sha256>-page.jpg, -thumb.jpg   derived, rebuilt when missing

An original is received into a temporary file (always on this machine) while it is hashed,
flushed to disk (fsync), then renamed into place (atomic on one file system); the same content
is stored once. In a bucket the same names are object keys: an original goes up in one PUT once
received (the same content is not sent twice), and a deletion sets it aside to blobs/trash/ by
a copy the server makes (S3 has no rename), as on disk.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from django.conf import settings
from django.core.files.storage import Storage

from reinstate.evidence import renditions
from reinstate.lib import stored_files
from reinstate.lib.stored_files import HomeStorage, data_storage, is_local

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
    def __init__(self, home: Path, storage: Storage | None = None) -> None:
        """`home` is this machine's data folder (uploads are received there); `storage` where
        originals and renditions are kept: the data folder itself when not given."""
        self.storage = storage if storage is not None else HomeStorage(location=home)
        self.local = is_local(self.storage)
        kept = Path(self.storage.path("")) if self.local else home
        self.root = kept / "blobs"
        self.tmp = home / "blobs" / "tmp"
        self.trash_dir = self.root / "trash"
        self.renditions = kept / "renditions"
        self._work: Path | None = None

    @staticmethod
    def name_for(sha256: str) -> str:
        """The original's name in the storage (its key in a bucket)."""
        if len(sha256) != 64 or not set(sha256) <= HEX:
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return f"blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    @classmethod
    def rendition_name(cls, sha256: str, size: str) -> str:
        cls.name_for(sha256)  # the same check of the name
        return f"renditions/{sha256[:2]}/{sha256[2:4]}/{sha256}-{size}.jpg"

    def path_for(self, sha256: str) -> Path:
        """The original's file on disk (a data folder store only: else use `local_path`)."""
        return self._disk(self.name_for(sha256))

    def rendition_path(self, sha256: str, size: str) -> Path:
        return self._disk(self.rendition_name(sha256, size))

    def _disk(self, name: str) -> Path:
        if not self.local:
            raise ValueError("the store is a bucket: its files have no path on this machine")
        return self.root.parent / name

    def shown(self, sha256: str) -> str:
        """Where the original is, for a report: its path on disk, or its name in the bucket."""
        return str(self.path_for(sha256)) if self.local else self.name_for(sha256)

    def exists(self, sha256: str) -> bool:
        return bool(self.storage.exists(self.name_for(sha256)))

    def size(self, sha256: str) -> int:
        """Its size in bytes (FileNotFoundError when it is not stored)."""
        if self.local:
            path = self.path_for(sha256)
            if not path.is_file():  # a folder in its place is no original either
                raise FileNotFoundError(path)
            return path.stat().st_size
        return int(self.storage.size(self.name_for(sha256)))

    def local_path(self, sha256: str) -> Path:
        """A file on this machine with the original's bytes, for tools that read a path: the
        stored file itself on disk; from a bucket, a copy in this store's work folder, deleted
        by `close` (or when the store is let go). FileNotFoundError when it is not stored."""
        if self.local:
            path = self.path_for(sha256)
            if not path.is_file():
                raise FileNotFoundError(path)
            return path
        target = self._work_folder() / sha256
        if not target.exists():
            stored_files.fetch_into(self.storage, self.name_for(sha256), target)
        return target

    def local_rendition(self, sha256: str, size: str) -> Path | None:
        """The rendition as a file on this machine, or None when it was not made (or lost)."""
        if self.local:
            path = self.rendition_path(sha256, size)
            return path if path.is_file() else None
        target = self._work_folder() / f"{sha256}-{size}.jpg"
        if target.exists():
            return target
        try:
            return stored_files.fetch_into(self.storage, self.rendition_name(sha256, size), target)
        except FileNotFoundError:
            target.unlink(missing_ok=True)
            return None

    def renditions_kept(self, sha256: str) -> bool:
        """Whether both renditions are kept (asked of a bucket, not downloaded)."""
        names = (self.rendition_name(sha256, size) for size in ("page", "thumb"))
        return all(self.storage.exists(name) for name in names)

    def ensure_renditions(self, sha256: str, media_type: str) -> bool:
        """Both renditions kept, made from the original when one is missing: the queued job,
        the preview page and the packet build all come here. False when this kind of file has
        no picture; EvidenceFileError for a damaged picture, FileNotFoundError for a lost
        original."""
        if self.renditions_kept(sha256):
            return True
        return self.make_renditions(self.local_path(sha256), sha256, media_type)

    def open_rendition(self, sha256: str, size: str) -> BinaryIO:
        return cast(BinaryIO, self.storage.open(self.rendition_name(sha256, size), "rb"))

    def make_renditions(self, source: Path, sha256: str, media_type: str) -> bool:
        """Make the page image and thumbnail of an original (renditions.make_renditions) and
        keep them beside it: written in place on disk, sent up to a bucket."""
        if self.local:
            return renditions.make_renditions(
                source,
                media_type,
                page=self.rendition_path(sha256, "page"),
                thumb=self.rendition_path(sha256, "thumb"),
            )
        with tempfile.TemporaryDirectory(prefix="reinstate-") as work:
            page, thumb = Path(work) / "page.jpg", Path(work) / "thumb.jpg"
            made = renditions.make_renditions(source, media_type, page=page, thumb=thumb)
            if made:
                for size, path in (("page", page), ("thumb", thumb)):
                    stored_files.put(self.storage, self.rendition_name(sha256, size), path)
            return made

    def _work_folder(self) -> Path:
        if self._work is None:
            self._work = Path(tempfile.mkdtemp(prefix="reinstate-blobs-"))
            weakref.finalize(self, shutil.rmtree, self._work, True)
        return self._work

    def close(self) -> None:
        """Delete the copies fetched from a bucket (`local_path`, `local_rendition`)."""
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

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
        if not self.local:
            name = self.name_for(staged.sha256)
            if self.storage.exists(name):
                return False
            stored_files.put(self.storage, name, staged.path)
            return True
        final = self.path_for(staged.sha256)
        if final.exists():
            return False
        final.parent.mkdir(parents=True, exist_ok=True)
        staged.path.chmod(0o400)  # never changed, and read by nobody but the app
        staged.path.replace(final)
        _fsync_dir(final.parent)
        return True

    def open(self, sha256: str) -> BinaryIO:
        """The original, to read (FileNotFoundError when it is not stored)."""
        if self.local:
            return self.path_for(sha256).open("rb")
        return cast(BinaryIO, self.storage.open(self.name_for(sha256), "rb"))

    def hash_of(self, sha256: str) -> str:
        with self.open(sha256) as handle:
            digest = hashlib.sha256()
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
            return digest.hexdigest()

    def trash(self, sha256: str) -> Path | None:
        """Move an original aside, to delete once its removal is committed (`empty`), or to
        put back if it is not (`restore`). Inside the transaction that deletes its row: an add
        of the same content waiting for that row then finds no file, and stores its own. (In a
        bucket, a copy by the server to blobs/trash/; the path returned is that name.)"""
        if not self.local:
            if not self.exists(sha256):
                return None
            aside = f"blobs/trash/{sha256}.{uuid.uuid4().hex}"
            stored_files.move(self.storage, self.name_for(sha256), aside)
            return Path(aside)
        source = self.path_for(sha256)
        if not source.exists():
            return None
        self.trash_dir.mkdir(parents=True, exist_ok=True)
        target = self.trash_dir / f"{sha256}.{uuid.uuid4().hex}"
        source.replace(target)
        return target

    def restore(self, trashed: Path) -> None:
        if not self.local:
            final_name = self.name_for(trashed.name.split(".")[0])
            if self.storage.exists(final_name):
                self.storage.delete(trashed.as_posix())
            else:
                stored_files.move(self.storage, trashed.as_posix(), final_name)
            return
        final = self.path_for(trashed.name.split(".")[0])
        if not final.exists():
            trashed.replace(final)
        else:
            trashed.unlink(missing_ok=True)

    def recover(self, sha256: str) -> bool:
        """Put an original back from the trash when a deletion was cut off between setting it
        aside and committing (the row still names it). True when one was put back."""
        if self.exists(sha256):
            return False
        for trashed in self._trashed():
            if trashed.name.startswith(f"{sha256}."):
                self.restore(trashed)
                return True
        return False

    def _trashed(self) -> list[Path]:
        """What deletions set aside (in a bucket, by name)."""
        if self.local:
            return sorted(self.trash_dir.glob("*"))
        return [Path(name) for name in stored_files.walk(self.storage, "blobs/trash")]

    def empty(self, trashed: Path, sha256: str) -> None:
        if self.local:
            trashed.unlink(missing_ok=True)
        else:
            self.storage.delete(trashed.as_posix())
        for size in ("page", "thumb"):
            self.storage.delete(self.rendition_name(sha256, size))

    def stored(self) -> Iterator[tuple[str, Path]]:
        """Every original on disk, by the hash its name claims (in a bucket, the path is its
        key)."""
        if not self.local:
            for name in self.stored_names():
                yield name.rsplit("/", 1)[-1], Path(name)
            return
        for path in sorted(self.root.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*")):
            yield path.name, path

    def stored_names(self) -> Iterator[str]:
        """The storage names of what is under blobs/aa/bb/ (not the temporary folders)."""
        for name in stored_files.walk(self.storage, "blobs"):
            parts = name.split("/")
            if len(parts) == 4 and len(parts[1]) == len(parts[2]) == 2:
                yield name

    def leftovers(self) -> list[Path]:
        """Files a crash left behind: an upload never finished, a deletion never completed."""
        found = [*self.tmp.glob("*")] if self.tmp.exists() else []
        return sorted([*found, *self._trashed()])


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
    return BlobStore(Path(settings.REINSTATE_HOME), data_storage())
