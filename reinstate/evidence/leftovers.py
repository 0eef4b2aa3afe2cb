"""`reinstate verify --clean`: remove what an interrupted add or deletion left in the data
folder, and nothing else. (Withdrawn evidence keeps its rows until deleted for good, so its
originals are on record and never removed here.)

Removed, with the reason it is safe:
- blobs/tmp/*: an upload that never finished; it is written while it arrives, so one that has
  not changed for an hour is abandoned.
- blobs/aa/bb/<sha256> that no Blob row names: an add stores its file just before its row
  commits, so only one an hour old is taken as a crash's leftover.
- blobs/trash/<sha256>.*: a deletion whose row was deleted but whose file was not. When the row
  still exists the deletion was rolled back: that file may be the only copy, it is kept.
- renditions/aa/bb/<sha256>-page.jpg|-thumb.jpg that no Blob row names: made before the row of
  their add commits, so an hour old as well (derived data: nothing is lost with them).

Nothing else is removed. A preview still on its way an hour after its upload (its queued job
lost, evidence/tasks.py) is queued again and listed with what was kept.

In a bucket (REINSTATE_S3_BUCKET) the originals and renditions are objects: the same rules
apply to them by their last-modified time; blobs/tmp/ stays on this machine.

Each folder is read entry by entry without following links (a link is reported and left, never
its target), a file's row is checked again just before it goes, and nothing outside the data
folder is ever unlinked.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.evidence.blobstore import HEX, BlobStore, default_store
from reinstate.evidence.models import Blob
from reinstate.evidence.tasks import requeue_stale_previews
from reinstate.lib.stored_files import walk

MIN_AGE = timedelta(hours=1)
RENDITION = re.compile(r"([0-9a-f]{64})-(?:page|thumb)\.jpg")

LINK = "a link, not a file the store made: not followed and not removed"
UNKNOWN = "not a file the store makes: left alone"
ON_RECORD = "evidence refers to it now: not removed"
TRASHED_ON_RECORD = (
    "an original that evidence still refers to, set aside by a deletion that did not finish: "
    "not removed (it may be the only copy)"
)
TRASHED_YOUNG = "a deletion that may still be finishing (less than an hour old)"
TRASHED = "an original whose deletion did not finish: no evidence refers to it"
PREVIEW_REQUEUED = "a preview still on its way after an hour: its making was queued again"


@dataclass
class Cleaned:
    removed: list[dict[str, str]] = field(default_factory=list)
    kept: list[dict[str, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def as_json(self) -> dict[str, Any]:
        return {"removed": self.removed, "kept": self.kept}


def clean_store(store: BlobStore | None = None, *, now: datetime | None = None) -> Cleaned:
    """Remove the leftovers that are safe to remove; say what was removed and what was kept.
    Records one audit event when something was removed."""
    sweep = _Sweep(store or default_store(), now or timezone.now())
    sweep.run()
    done = sweep.done
    for blob in requeue_stale_previews(sweep.now - MIN_AGE):
        path = sweep.store.rendition_name(blob.sha256, "page")
        done.kept.append({"path": path, "why": PREVIEW_REQUEUED})
    if done.removed:
        record_event(
            kind=EventKind.EVIDENCE_CLEANED,
            actor=None,
            data={"removed": len(done.removed), "kept": len(done.kept), **done.counts},
        )
    return done


def _is_sha(name: str) -> bool:
    return len(name) == 64 and set(name) <= HEX


def _is_pair(name: str) -> bool:
    return len(name) == 2 and set(name) <= HEX


class _Sweep:
    def __init__(self, store: BlobStore, now: datetime) -> None:
        self.store = store
        self.home = store.root.parent
        self.real_home = self.home.resolve()
        self.now = now
        self.cutoff = (now - MIN_AGE).timestamp()
        self.known = set(Blob.objects.values_list("sha256", flat=True))
        self.done = Cleaned()

    def run(self) -> None:
        for path in self._children(self.store.root):
            if path == self.store.tmp:
                for temp in self._children(path):
                    self._temp(temp)
            elif path == self.store.trash_dir:
                for trashed in self._children(path):
                    self._trashed(trashed)
            elif _is_pair(path.name):
                for stored in self._two_levels(path):
                    self._stored(stored)
        for path in self._children(self.store.renditions):
            if _is_pair(path.name):
                for rendition in self._two_levels(path):
                    self._rendition(rendition)
        if not self.store.local:
            self._bucket()

    def _bucket(self) -> None:
        """The same rules for a bucket's objects (no links there; its temporary files are on
        this machine, swept above). An object's age is its last-modified time."""
        for name in self.store.stored_names():
            sha256 = name.rsplit("/", 1)[-1]
            if not _is_sha(sha256):
                self._keep_name(name, UNKNOWN)
            elif sha256 in self.known:
                continue
            elif self._young_object(name):
                why = "a stored file no evidence refers to yet: an add may be finishing"
                self._keep_name(name, f"{why} (less than an hour old)")
            else:
                why = "a stored file that no evidence refers to (an add that did not finish)"
                self._remove_object(name, why, "unreferenced_originals", sha256)
        for name in walk(self.store.storage, "blobs/trash"):
            sha256 = name.rsplit("/", 1)[-1].split(".")[0]
            if not _is_sha(sha256):
                self._keep_name(name, UNKNOWN)
            elif sha256 in self.known:
                self._keep_name(name, TRASHED_ON_RECORD)
            elif self._young_object(name):
                self._keep_name(name, TRASHED_YOUNG)
            else:
                self._remove_object(name, TRASHED, "deleted_originals", sha256)
        for name in walk(self.store.storage, "renditions"):
            match = RENDITION.fullmatch(name.rsplit("/", 1)[-1])
            if match is None:
                self._keep_name(name, UNKNOWN)
            elif match.group(1) in self.known:
                continue
            elif self._young_object(name):
                self._keep_name(name, "a picture made for an add that may still be finishing")
            else:
                why = "a picture made from an original that no evidence refers to"
                self._remove_object(name, why, "renditions", match.group(1))

    def _young_object(self, name: str) -> bool:
        return self.store.storage.get_modified_time(name).timestamp() > self.cutoff

    def _remove_object(self, name: str, why: str, count: str, sha256: str) -> None:
        if Blob.objects.filter(sha256=sha256).exists():  # committed since the sweep began
            self._keep_name(name, ON_RECORD)
            return
        self.store.storage.delete(name)
        self.done.removed.append({"path": name, "why": why})
        self.done.counts[count] += 1

    def _keep_name(self, name: str, why: str) -> None:
        self.done.kept.append({"path": name, "why": why})

    def _temp(self, path: Path) -> None:
        if not self._plain_file(path):
            return
        if self._young(path):
            self._keep(path, "an upload that may still be arriving (less than an hour old)")
        else:
            self._remove(path, "an upload that did not finish", "temp_files", None)

    def _trashed(self, path: Path) -> None:
        if not self._plain_file(path):
            return
        sha256 = path.name.split(".")[0]
        if not _is_sha(sha256):
            self._keep(path, UNKNOWN)
        elif sha256 in self.known:
            self._keep(path, TRASHED_ON_RECORD)
        elif self._young(path):
            self._keep(path, TRASHED_YOUNG)
        else:
            self._remove(path, TRASHED, "deleted_originals", sha256)

    def _stored(self, path: Path) -> None:
        if not self._plain_file(path):
            return
        sha256 = path.name
        if not _is_sha(sha256):
            self._keep(path, UNKNOWN)
        elif sha256 in self.known:
            if path != self.store.path_for(sha256):
                self._keep(path, "a copy of an original on record, in the wrong folder")
        elif self._young(path):
            self._keep(
                path,
                "a stored file no evidence refers to yet: an add may be finishing "
                "(less than an hour old)",
            )
        else:
            why = "a stored file that no evidence refers to (an add that did not finish)"
            self._remove(path, why, "unreferenced_originals", sha256)

    def _rendition(self, path: Path) -> None:
        if not self._plain_file(path):
            return
        match = RENDITION.fullmatch(path.name)
        if match is None:
            self._keep(path, UNKNOWN)
            return
        sha256 = match.group(1)
        if sha256 in self.known:
            return
        if self._young(path):
            self._keep(
                path,
                "a picture made for an add that may still be finishing (less than an hour old)",
            )
        else:
            why = "a picture made from an original that no evidence refers to"
            self._remove(path, why, "renditions", sha256)

    def _children(self, folder: Path) -> list[Path]:
        """A real folder's entries; a link in place of a folder is reported, never entered."""
        if folder.is_symlink():
            self._keep(folder, LINK)
            return []
        if not folder.is_dir():
            return []
        with os.scandir(folder) as entries:
            return sorted(Path(entry.path) for entry in entries)

    def _two_levels(self, folder: Path) -> list[Path]:
        """The files of aa/bb/ under a store folder (its layout by the hash's first bytes)."""
        found = []
        for sub in self._children(folder):
            if _is_pair(sub.name):
                found += self._children(sub)
        return found

    def _plain_file(self, path: Path) -> bool:
        """A regular file of our own; a link or anything else is reported and left."""
        if path.is_symlink():
            self._keep(path, LINK)
            return False
        if not path.is_file():
            self._keep(path, UNKNOWN)
            return False
        return True

    def _young(self, path: Path) -> bool:
        return path.lstat().st_mtime > self.cutoff

    def _remove(self, path: Path, why: str, count: str, sha256: str | None) -> None:
        # The row may have been committed since the sweep began (an add of the same content).
        if sha256 is not None and Blob.objects.filter(sha256=sha256).exists():
            self._keep(path, ON_RECORD)
            return
        # Checked again at the last moment: a folder swapped for a link since it was read
        # must not take the unlink out of the data folder.
        if path.is_symlink() or not path.parent.resolve().is_relative_to(self.real_home):
            self._keep(path, LINK)
            return
        try:
            path.unlink()
        except FileNotFoundError:
            return  # another clean removed it first
        self.done.removed.append({"path": self._shown(path), "why": why})
        self.done.counts[count] += 1

    def _keep(self, path: Path, why: str) -> None:
        self.done.kept.append({"path": self._shown(path), "why": why})

    def _shown(self, path: Path) -> str:
        return str(path.relative_to(self.home))
