"""The backup file: a plain tar (originals are photos and PDFs: compressing gains little) of the
database snapshot, originals, renditions, packets and the secret key, ending with manifest.json,
which gives each file's path, size and SHA-256."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.utils.translation import gettext as _

from reinstate.lib.errors import UserInputError

FORMAT = "reinstate-backup"
VERSION = 1
MANIFEST = "manifest.json"
# Every path in a backup starts with one of these; anything else is refused on restore.
TOP = frozenset({"database", "blobs", "renditions", "packets", "secret_key"})
CHUNK = 1 << 20


class BackupError(UserInputError):
    """A backup that cannot be made or read as asked: one line, exit 2."""


@dataclass(frozen=True)
class Entry:
    path: str
    bytes: int
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "bytes": self.bytes, "sha256": self.sha256}


class _Hashing:
    """A file read by tarfile, hashed on the way through (one read of each original)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


class Writer:
    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.entries: list[Entry] = []

    def add(self, source: Path, name: str) -> Entry:
        """Copy one file in; FileNotFoundError when it is gone (the caller decides)."""
        with source.open("rb") as handle:
            stat = Path(source).stat()
            info = _info(name, stat.st_size, int(stat.st_mtime))
            hashing = _Hashing(handle)
            self.tar.addfile(info, hashing)
        entry = Entry(name, info.size, hashing.digest.hexdigest())
        self.entries.append(entry)
        return entry

    def finish(self, header: dict[str, Any]) -> dict[str, Any]:
        manifest = {**header, "files": [e.as_json() for e in self.entries]}
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        self.tar.addfile(_info(MANIFEST, len(data), int(time.time())), io.BytesIO(data))
        return manifest


def _info(name: str, size: int, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, mtime
    return info


@contextmanager
def opened(path: Path) -> Iterator[tuple[tarfile.TarFile, dict[str, Any]]]:
    """The backup's tar and its checked manifest; a clear BackupError for anything else."""
    if not path.is_file():
        raise BackupError(_("No backup file %(path)s.") % {"path": path})
    try:
        tar = tarfile.open(path, "r:")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError):
        raise BackupError(
            _("%(path)s is not a Reinstate backup (not a tar file).") % {"path": path}
        ) from None
    with tar:
        yield tar, _manifest(tar, path)


def _manifest(tar: tarfile.TarFile, path: Path) -> dict[str, Any]:
    not_backup = _("%(path)s is not a Reinstate backup (no readable %(manifest)s).") % {
        "path": path,
        "manifest": MANIFEST,
    }
    try:
        handle = tar.extractfile(MANIFEST)
        manifest = json.loads(handle.read()) if handle else None
    except (KeyError, tarfile.TarError, OSError, ValueError):
        raise BackupError(not_backup) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(not_backup)
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise BackupError(_("%(path)s: its manifest has no valid format version.") % {"path": path})
    if version > VERSION:
        raise BackupError(
            _(
                "%(path)s is a backup of format %(version)s; this Reinstate reads format "
                "%(known)s: restore it with the newer Reinstate that made it."
            )
            % {"path": path, "version": version, "known": VERSION}
        )
    files = manifest.get("files")
    if not isinstance(files, list) or not all(_well_formed(f) for f in files):
        raise BackupError(
            _("%(path)s: its manifest's list of files is malformed.") % {"path": path}
        )
    db = manifest.get("database")
    if not isinstance(db, dict) or db.get("path") not in {f["path"] for f in files}:
        raise BackupError(_("%(path)s: its manifest names no database file.") % {"path": path})
    return manifest


def _well_formed(entry: Any) -> bool:
    """A manifest entry we may write to disk: a relative path inside the parts we know."""
    if not isinstance(entry, dict):
        return False
    name, size, digest = entry.get("path"), entry.get("bytes"), entry.get("sha256")
    if not (isinstance(name, str) and isinstance(size, int) and isinstance(digest, str)):
        return False
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and not PurePosixPath(name).is_absolute()
        and parts[0] in TOP
        and ".." not in parts
        and "\\" not in name
    )


def extract_checked(tar: tarfile.TarFile, entry: dict[str, Any], target: Path) -> str | None:
    """Write one file of the backup to target, hashing it; what is wrong with it, or None."""
    try:
        handle = tar.extractfile(entry["path"])
    except (KeyError, tarfile.TarError, OSError):
        handle = None
    if handle is None:
        return "is missing from the backup"
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    try:
        with handle, target.open("xb") as out:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
    except (tarfile.TarError, OSError) as error:
        return f"cannot be read ({error})"
    if size != entry["bytes"]:
        return f"is {size} bytes, not the {entry['bytes']} the manifest records"
    if digest.hexdigest() != entry["sha256"]:
        return "does not match its SHA-256 in the manifest"
    return None
