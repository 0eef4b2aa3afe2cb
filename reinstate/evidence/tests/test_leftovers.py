"""`reinstate verify --clean`: what an unfinished upload or deletion left is removed; evidence,
anything younger than an hour and anything a link points at are kept."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest

from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.compose.verify import verify_everything
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.leftovers import LINK, clean_store
from reinstate.testing import files
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.evidence import add_file

OLD_TEMP = "an upload that did not finish"
UNREFERENCED = "a stored file that no evidence refers to (an add that did not finish)"
ORPHAN_PICTURE = "a picture made from an original that no evidence refers to"


def aged(path: Path, hours: float) -> Path:
    """Make the file look last written `hours` ago (a link itself, not what it points at)."""
    when = time.time() - hours * 3600
    os.utime(path, (when, when), follow_symlinks=False)
    return path


def temp_file(store: BlobStore, name: str, hours: float) -> Path:
    store.tmp.mkdir(parents=True, exist_ok=True)
    path = store.tmp / name
    path.write_bytes(b"half an upload")
    return aged(path, hours)


def stray_original(store: BlobStore, data: bytes, hours: float) -> Path:
    """An original stored by an add that stopped before its row was committed."""
    with store.receive(io.BytesIO(data), max_bytes=1000) as staged:
        store.commit(staged)
    return aged(store.path_for(staged.sha256), hours)


def removed(store: BlobStore) -> list[tuple[str, str]]:
    return [(entry["path"], entry["why"]) for entry in clean_store(store).removed]


@pytest.mark.django_db
def test_it_removes_an_old_temp_file_and_keeps_a_fresh_one(store: BlobStore) -> None:
    old = temp_file(store, "crashed.part", hours=2)
    fresh = temp_file(store, "arriving.part", hours=0.25)
    cleaned = clean_store(store)
    assert cleaned.as_json() == {
        "removed": [{"path": "blobs/tmp/crashed.part", "why": OLD_TEMP}],
        "kept": [
            {
                "path": "blobs/tmp/arriving.part",
                "why": "an upload that may still be arriving (less than an hour old)",
            }
        ],
    }
    assert not old.exists() and fresh.exists()


@pytest.mark.django_db
def test_it_removes_an_old_original_no_evidence_refers_to(store: BlobStore) -> None:
    old = stray_original(store, b"an add that crashed", hours=3)
    young = stray_original(store, b"an add finishing now", hours=0)
    assert removed(store) == [(str(old.relative_to(store.root.parent)), UNREFERENCED)]
    assert not old.exists() and young.exists()
    # What verify still names is the young one, which may be about to get its row.
    assert [p["path"] for p in verify_everything()] == [str(young)]


def test_it_never_removes_an_original_evidence_refers_to(case: Case, store: BlobStore) -> None:
    kept = add_file(case, files.jpeg()).item.blob.sha256
    set_aside = add_file(case, files.jpeg(color=(10, 200, 10)), "two.jpg").item.blob.sha256
    for path in [
        store.path_for(kept),
        store.rendition_path(kept, "page"),
        store.rendition_path(kept, "thumb"),
    ]:
        aged(path, hours=24 * 90)
    # A withdrawal killed before its commit: the row is still there, its file was moved to
    # trash and is the only copy left.
    trashed = store.trash(set_aside)
    assert trashed is not None
    aged(trashed, hours=24)
    cleaned = clean_store(store)
    assert cleaned.removed == []
    assert [entry["path"] for entry in cleaned.kept] == [f"blobs/trash/{trashed.name}"]
    assert "not removed (it may be the only copy)" in cleaned.kept[0]["why"]
    assert store.hash_of(kept) == kept and trashed.exists()
    assert store.rendition_path(kept, "page").exists()
    assert store.rendition_path(kept, "thumb").exists()
    assert not AuditEvent.objects.filter(kind="evidence.cleaned").exists()


@pytest.mark.django_db
def test_it_removes_renditions_whose_original_has_no_row(store: BlobStore) -> None:
    gone, arriving = "ab" * 32, "cd" * 32
    for sha256, hours in ((gone, 5), (arriving, 0.1)):
        for size in ("page", "thumb"):
            path = store.rendition_path(sha256, size)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files.jpeg((32, 32)))
            aged(path, hours)
    assert removed(store) == [
        (f"renditions/ab/ab/{gone}-page.jpg", ORPHAN_PICTURE),
        (f"renditions/ab/ab/{gone}-thumb.jpg", ORPHAN_PICTURE),
    ]
    assert store.rendition_path(arriving, "page").exists()


@pytest.mark.django_db
def test_a_link_out_of_the_data_folder_is_not_followed(
    store: BlobStore, home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    secret = outside / "ef" / "01" / ("ef01" + "0" * 60)
    secret.parent.mkdir(parents=True)
    secret.write_bytes(b"not ours")
    aged(secret, hours=48)
    store.tmp.mkdir(parents=True)
    (store.root / "ef").symlink_to(outside / "ef", target_is_directory=True)
    aged(store.root / "ef", hours=48)
    (store.tmp / "upload.part").symlink_to(secret)
    aged(store.tmp / "upload.part", hours=48)
    pictures = store.renditions / "12"
    pictures.parent.mkdir(parents=True)
    pictures.symlink_to(outside, target_is_directory=True)
    cleaned = clean_store(store)
    assert cleaned.removed == []
    assert sorted(entry["path"] for entry in cleaned.kept) == [
        "blobs/ef",
        "blobs/tmp/upload.part",
        "renditions/12",
    ]
    assert {entry["why"] for entry in cleaned.kept} == {LINK}
    assert secret.read_bytes() == b"not ours"
    assert (store.tmp / "upload.part").is_symlink() and (store.root / "ef").is_symlink()


def test_it_records_one_event_and_a_second_run_removes_nothing(
    case: Case, store: BlobStore
) -> None:
    add_file(case, files.jpeg())
    temp_file(store, "crashed.part", hours=2)
    stray_original(store, b"an add that crashed", hours=2)
    assert len(clean_store(store).removed) == 2
    events = list(AuditEvent.objects.filter(kind="evidence.cleaned"))
    assert [(e.actor_id, e.actor_name, e.case_id_ref) for e in events] == [(None, "system", None)]
    assert events[0].data == {
        "removed": 2,
        "kept": 0,
        "temp_files": 1,
        "unreferenced_originals": 1,
    }
    assert verify_everything() == []  # the chain still holds, nothing is left over
    assert clean_store(store).as_json() == {"removed": [], "kept": []}
    assert AuditEvent.objects.filter(kind="evidence.cleaned").count() == 1


@pytest.mark.django_db
def test_the_command_prints_what_it_removed_and_exits_0(home: Path) -> None:
    assert ok(reinstate("verify")) == {"ok": True, "problems": []}  # an empty store
    store = BlobStore(home)
    temp_file(store, "crashed.part", hours=2)
    assert reinstate("verify").returncode == 1  # verify alone still names it, as before
    assert ok(reinstate("verify", "--clean")) == {
        "removed": [{"path": "blobs/tmp/crashed.part", "why": OLD_TEMP}],
        "kept": [],
    }
    assert ok(reinstate("verify")) == {"ok": True, "problems": []}
    both = reinstate("verify", "--clean", "--case", "1")
    assert both.returncode == 2 and len(both.stderr.splitlines()) == 1
    assert "without --case" in both.stderr and both.stdout == ""
