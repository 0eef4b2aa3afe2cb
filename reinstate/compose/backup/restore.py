"""Restoring a backup into an empty data folder and an empty database.

Every file is checked against the manifest (size and SHA-256) in a staging folder before
anything is put in place: a damaged backup restores nothing. Then the database, then the files
(renamed from staging: the same file system), then migrations (a backup of an older version is
brought forward) and the checks of `reinstate verify`.

"Empty" is what any command leaves in a new data folder: `secret_key`, `static/`, a database
migrated but holding nobody (no user, organisation, case, original or audit event), and empty
`blobs/`, `renditions/`, `packets/` folders. Anything else is someone's data: refused.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import gettext as _

from reinstate.accounts.models import Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.compose.backup import archive, database
from reinstate.compose.backup.archive import BackupError
from reinstate.compose.verify import verify_everything
from reinstate.evidence.models import Blob

ALLOWED = {"secret_key", "static", "blobs", "renditions", "packets"}
ALLOWED |= {f"{database.SQLITE_FILE}{end}" for end in ("", "-wal", "-shm", "-journal")}
DATA_FOLDERS = ("blobs", "renditions", "packets")


@dataclass(frozen=True)
class Restored:
    file: Path
    database: str
    originals: int
    files: int
    problems: list[dict[str, Any]]
    events: int

    def as_json(self) -> dict[str, Any]:
        chain = [p for p in self.problems if p["kind"] == "audit_event"]
        store = [p for p in self.problems if p["kind"] != "audit_event"]
        return {
            "file": str(self.file),
            "database": self.database,
            "originals": self.originals,
            "files": self.files,
            "verify": {"ok": not self.problems, "problems": store + chain},
            "audit_chain": {"ok": not chain, "events": self.events, "problems": chain},
        }


def restore_backup(file: Path) -> Restored:
    home = Path(settings.REINSTATE_HOME)
    with archive.opened(file) as (tar, manifest):
        engine = database.check_engine(manifest.get("database", {}).get("engine"))
        if why := not_empty(home):
            raise BackupError(
                _("%(home)s is not empty (%(why)s): restore into an empty data folder.")
                % {"home": home, "why": why}
            )
        staging = home / f".restore-{uuid.uuid4().hex}"
        try:
            for entry in manifest["files"]:
                problem = archive.extract_checked(tar, entry, staging / entry["path"])
                if problem:
                    raise BackupError(
                        _("%(file)s %(problem)s: the backup is damaged; nothing was restored.")
                        % {"file": entry["path"], "problem": problem}
                    )
            database.restore(engine, staging / manifest["database"]["path"])
            moved = _put_in_place(staging, home, manifest["files"], manifest["database"]["path"])
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    call_command("migrate", interactive=False, verbosity=0)
    return Restored(
        file, engine, int(manifest.get("originals", 0)), moved,
        verify_everything(), AuditEvent.objects.count(),
    )  # fmt: skip


def not_empty(home: Path) -> str | None:
    """Why the data folder is not empty, or None when it is (see the module's docstring)."""
    for entry in sorted(home.iterdir()):
        if entry.name not in ALLOWED:
            return f"it holds {entry.name}"
        if entry.name in DATA_FOLDERS and any(not p.is_dir() for p in entry.rglob("*")):
            return f"{entry.name}/ holds files"
    for model in (User, Organisation, Case, Blob, AuditEvent):
        if model._default_manager.exists():
            return f"the database holds {model._meta.verbose_name_plural}"
    return None


def _put_in_place(staging: Path, home: Path, files: list[dict[str, Any]], db: str) -> int:
    moved = 0
    for entry in files:
        if entry["path"] == db:
            continue
        target = home / entry["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        source = staging / entry["path"]
        # Originals are read-only in the store, as blobstore.commit leaves them.
        source.chmod(0o400 if entry["path"].startswith("blobs/") else 0o600)
        source.replace(target)
        moved += 1
    return moved
