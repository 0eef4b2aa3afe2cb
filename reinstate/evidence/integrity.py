"""Checking the blob store against the database and the audit log (`reinstate verify`).

Renditions (previews) are not checked: they are derived data, made by a queued job after an
upload (evidence/tasks.py) and made again on demand when one is missing (the preview page, the
packet build). A preview on its way is no problem; one stuck for an hour is queued again by
`reinstate verify --clean` (evidence/leftovers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.evidence.blobstore import BlobStore, default_store
from reinstate.evidence.models import Blob, EvidenceItem


@dataclass(frozen=True)
class StoreProblem:
    kind: str  # "blob", "evidence" or "leftover"
    path: str
    problem: str
    sha256: str | None = None
    cases: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"kind": self.kind, "path": self.path, "problem": self.problem}
        if self.sha256:
            found["sha256"] = self.sha256
        if self.cases:
            found["cases"] = self.cases
        return found


def check_store(case_id: int | None = None, store: BlobStore | None = None) -> list[StoreProblem]:
    """Re-hash every original (or one case's); with no case, also name the files on disk that
    no row accounts for: what an interrupted add or deletion left."""
    store = store or default_store()
    blobs = Blob.objects.order_by("sha256")
    if case_id is not None:
        blobs = blobs.filter(items__case_id=case_id).distinct()
    problems = [p for blob in blobs.iterator() if (p := _check_blob(blob, store))]
    problems += _check_items_against_log(case_id)
    if case_id is None:
        problems += _unaccounted(store)
    return problems


def _check_blob(blob: Blob, store: BlobStore) -> StoreProblem | None:
    # Withdrawn items count: their originals are kept, and checked, until deleted for good.
    cases = sorted(
        set(EvidenceItem.all_objects.filter(blob=blob).values_list("case_id", flat=True))
    )
    try:
        size = store.size(blob.sha256)
        if size != blob.size:
            problem = f"its size is {size} bytes, not the {blob.size} recorded"
        elif store.hash_of(blob.sha256) != blob.sha256:
            problem = "its content was changed: it no longer matches its SHA-256"
        else:
            return None
    except FileNotFoundError:
        problem = "the stored original is missing"
    return StoreProblem("blob", store.shown(blob.sha256), problem, blob.sha256, cases)


def _check_items_against_log(case_id: int | None) -> list[StoreProblem]:
    """Each item must point at the original the audit log says was added."""
    added = AuditEvent.objects.filter(kind=EventKind.EVIDENCE_ADDED).order_by("seq")
    if case_id is not None:
        added = added.filter(case_id_ref=case_id)
    logged = {event.data.get("item"): event.data.get("sha256") for event in added.iterator()}
    items = EvidenceItem.all_objects.select_related("blob").order_by("pk")
    if case_id is not None:
        items = items.filter(case_id=case_id)
    problems = []
    for item in items.iterator():
        if logged.get(item.pk) != item.blob.sha256:
            problems.append(
                StoreProblem(
                    "evidence",
                    f"case {item.case_id}, exhibit {item.exhibit} (item {item.pk})",
                    "the audit log records another original for this item"
                    if item.pk in logged
                    else "the audit log has no record of this item being added",
                    item.blob.sha256,
                    [item.case_id],
                )
            )
    return problems


def _unaccounted(store: BlobStore) -> list[StoreProblem]:
    known = set(Blob.objects.values_list("sha256", flat=True))
    problems = [
        StoreProblem(
            "leftover",
            str(path),
            "a stored file that no evidence refers to (an add that did not finish)",
            sha256,
        )
        for sha256, path in store.stored()
        if sha256 not in known
    ]
    problems += [
        StoreProblem("leftover", str(path), "an upload or deletion that did not finish")
        for path in store.leftovers()
    ]
    return problems
