"""Where the app's files live: the data folder (REINSTATE_HOME), or an S3-compatible bucket.

Both are Django storages (settings.STORAGES["data"]) with the same names inside: blobs/aa/bb/
<sha256>, renditions/..., packets/<case>/<packet>.<format>. On disk a file is still written to a
temporary file and renamed into place (fsync'd, atomic); a bucket has no rename, so a file goes
up whole in one PUT, which S3 makes visible all at once or not at all.

Tools that read a file by its path (pypdf, typst, pdftocairo, python-docx) get a copy fetched
into a temporary folder when the file is in a bucket (`fetched`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

ALIAS = "data"
CHUNK = 1 << 20


class HomeStorage(FileSystemStorage):
    """The data folder, read at each use (tests and `--home` change REINSTATE_HOME)."""

    def __init__(self, location: str | Path | None = None, **options: Any) -> None:
        super().__init__(location=location, **options)
        self._home = location

    @property
    def base_location(self) -> str:
        return str(self._home or settings.REINSTATE_HOME)

    @property
    def location(self) -> str:
        return str(Path(self.base_location).absolute())


def data_storage() -> Storage:
    return storages[ALIAS]


def is_local(storage: Storage) -> bool:
    """A storage on this machine's disk (whose files have a path)."""
    return isinstance(storage, FileSystemStorage)


def describe(storage: Storage) -> str:
    """Where files go, for a person: the folder, or s3://bucket/prefix."""
    if isinstance(storage, FileSystemStorage):
        return str(storage.location)
    bucket = getattr(storage, "bucket_name", "?")
    prefix = getattr(storage, "location", "")
    return f"s3://{bucket}/{prefix}".rstrip("/")


def put(storage: Storage, name: str, source: Path) -> None:
    """Store a finished local file under `name`, replacing what was there (bucket only: on
    disk the callers rename into place themselves). One PUT: the S3 backend is configured to
    overwrite (file_overwrite), never to pick another name."""
    with source.open("rb") as handle:
        saved = storage.save(name, File(handle, name=Path(name).name))
    if saved != name:  # a storage that renamed it to avoid a clash: ours never should
        storage.delete(saved)
        raise OSError(f"the storage kept {name!r} as {saved!r}")


@contextmanager
def fetched(storage: Storage, name: str, *, suffix: str = "") -> Iterator[Path]:
    """A path to the file: its own on disk, else a copy in a temporary folder (removed after)."""
    if is_local(storage):
        yield Path(storage.path(name))
        return
    folder = Path(tempfile.mkdtemp(prefix="reinstate-"))
    try:
        yield fetch_into(storage, name, folder / f"copy{suffix}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fetch_into(storage: Storage, name: str, target: Path) -> Path:
    """Copy a stored file to `target` (FileNotFoundError when it is not stored). Written
    beside it and renamed: a copy cut short is never taken for the whole file."""
    part = target.with_name(f".{target.name}.part")
    try:
        with storage.open(name, "rb") as source, part.open("wb") as out:
            while chunk := source.read(CHUNK):
                out.write(chunk)
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)
    return target


def move(storage: Storage, source: str, target: str) -> None:
    """Rename a stored file (FileNotFoundError when it is not stored). In a bucket, a copy made
    by the server (no bytes pass through this machine) and then the source deleted."""
    bucket: Any = getattr(storage, "bucket", None)
    if is_local(storage):
        path = Path(storage.path(target))
        path.parent.mkdir(parents=True, exist_ok=True)
        Path(storage.path(source)).replace(path)
    elif bucket is not None:
        if not storage.exists(source):
            raise FileNotFoundError(source)
        copy = {"Bucket": bucket.name, "Key": _key(storage, source)}
        bucket.Object(_key(storage, target)).copy_from(CopySource=copy)
        storage.delete(source)
    else:  # another kind of storage: through this machine
        with storage.open(source, "rb") as handle:
            storage.save(target, File(handle, name=Path(target).name))
        storage.delete(source)


def _key(storage: Storage, name: str) -> str:
    root = str(getattr(storage, "location", "") or "").strip("/")
    return f"{root}/{name}" if root else name


def walk(storage: Storage, prefix: str) -> Iterator[str]:
    """Every file name under a folder, sorted (one listing call per 1,000 objects in a bucket,
    rather than one per sub-folder)."""
    bucket: Any = getattr(storage, "bucket", None)
    if bucket is not None and not is_local(storage):
        start = _key(storage, f"{prefix}/")
        keys = (obj.key for obj in bucket.objects.filter(Prefix=start))
        yield from sorted(f"{prefix}/{key[len(start) :]}" for key in keys)
        return
    yield from _walk_dirs(storage, prefix)


def _walk_dirs(storage: Storage, prefix: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{prefix}/{name}"
    for folder in sorted(folders):
        yield from _walk_dirs(storage, f"{prefix}/{folder}")
