"""Originals, renditions and packets in an S3 bucket (REINSTATE_S3_BUCKET), against moto's S3
server running in this process: what is stored where, `verify`, and deletion."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_save_letter
from reinstate.appeals.packet_build import build_packet, open_packet
from reinstate.cases.models import Case
from reinstate.comms.imports import (
    do_finish_import,
    do_stage_import,
    pending_folder,
    preview,
)
from reinstate.comms.mail import MailFilter
from reinstate.compose.backup.make import make_backup
from reinstate.compose.delete_account import do_delete_account
from reinstate.compose.verify import verify_everything
from reinstate.evidence.actions import do_withdraw_evidence
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.leftovers import clean_store
from reinstate.evidence.purge import purge_withdrawn
from reinstate.settings import data_storage
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.mails import email, mbox
from reinstate.testing.notices import DISPUTE
from reinstate.testing.personas import client_for
from reinstate.testing.s3 import Bucket, new_bucket, s3_server

# The storage does not depend on the database: once, in the SQLite pass, is enough.
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the SQLite pass only (the bucket code is the same on PostgreSQL)",
)

PHOTO = files.jpeg(color=(10, 120, 30))
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()
T = datetime(2026, 11, 3, 17, 0, tzinfo=UTC)


def key(data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    return f"blobs/{sha[:2]}/{sha[2:4]}/{sha}"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with s3_server() as address:
        yield address


@pytest.fixture
def bucket(endpoint: str, settings: Settings) -> Bucket:
    made = new_bucket(endpoint)
    settings.STORAGES = {**settings.STORAGES, "data": made.storage_settings()}
    return made


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, DISPUTE)


def test_an_upload_lands_in_the_bucket_under_its_hash_and_the_same_bytes_go_up_once(
    bucket: Bucket, case: Case, other_driver: User, open_case: Callable[..., Case], home: Path
) -> None:
    item = add_file(case, PHOTO, "gate.jpg").item
    add_file(open_case(other_driver, DISPUTE), PHOTO, "same-gate.jpg")
    assert bucket.read(key(PHOTO)) == PHOTO
    assert bucket.versions(key(PHOTO)) == 1  # the second upload sent nothing
    sha = item.blob.sha256
    assert bucket.keys("renditions/") == [
        f"renditions/{sha[:2]}/{sha[2:4]}/{sha}-page.jpg",
        f"renditions/{sha[:2]}/{sha[2:4]}/{sha}-thumb.jpg",
    ]
    assert not list((home / "blobs").rglob(sha))  # nothing kept on this machine

    owner = client_for(case.owner)
    download = owner.get(reverse("evidence:download", args=[case.pk, item.pk]))
    assert b"".join(download.streaming_content) == PHOTO  # type: ignore[attr-defined]
    thumb = owner.get(reverse("evidence:preview", args=[case.pk, item.pk, "thumb"]))
    assert b"".join(thumb.streaming_content)[:2] == b"\xff\xd8"  # type: ignore[attr-defined]
    outsider = client_for(other_driver)
    assert outsider.get(reverse("evidence:download", args=[case.pk, item.pk])).status_code == 404


def test_the_packet_builds_from_the_originals_in_the_bucket_and_is_kept_there(
    bucket: Bucket, case: Case
) -> None:
    add_file(case, PHOTO, "gate.jpg")
    add_file(case, files.pdf("Invoice 4411"), "invoice.pdf")
    do_save_letter(case=case, text="I ask you to reinstate my account.", actor=case.owner)
    packet = build_packet(case=case, fmt="pdf", draft=True, actor=case.owner)
    assert packet.status == packet.Status.READY and packet.exhibits == 2
    assert bucket.keys("packets/") == [f"packets/{case.pk}/{packet.pk}.pdf"]
    with open_packet(packet.path) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == packet.sha256
    url = reverse("appeals:packet_download", args=[case.pk, packet.pk])
    assert client_for(case.owner).get(url).status_code == 200


def test_verify_passes_then_names_a_changed_and_a_missing_original(
    bucket: Bucket, case: Case
) -> None:
    add_file(case, PHOTO, "gate.jpg")
    invoice = files.pdf("Invoice 4411")
    add_file(case, invoice, "invoice.pdf")
    assert verify_everything() == []
    bucket.put(key(PHOTO), PHOTO[:-1] + b"\x00")
    bucket.delete(key(invoice))
    problems = {p["path"]: p["problem"] for p in verify_everything()}
    assert problems == {
        key(PHOTO): "its content was changed: it no longer matches its SHA-256",
        key(invoice): "the stored original is missing",
    }


def test_verify_names_an_object_no_row_holds_and_clean_removes_it_once_old(
    bucket: Bucket, case: Case
) -> None:
    stray = files.jpeg(color=(1, 2, 3))
    bucket.put(key(stray), stray)
    assert [p["path"] for p in verify_everything()] == [key(stray)]
    assert clean_store(now=datetime.now(UTC)).removed == []  # it may be an add finishing
    later = clean_store(now=datetime.now(UTC) + timedelta(hours=2))
    assert [r["path"] for r in later.removed] == [key(stray)]
    assert bucket.keys("blobs/") == [] and verify_everything() == []


def test_deleting_an_account_removes_its_objects_and_keeps_one_another_holds(
    bucket: Bucket,
    case: Case,
    other_driver: User,
    open_case: Callable[..., Case],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    own = files.jpeg(color=(200, 30, 30))
    add_file(case, own, "door.jpg")
    add_file(case, PHOTO, "gate.jpg")
    add_file(open_case(other_driver, DISPUTE), PHOTO, "same-gate.jpg")
    build_packet(case=case, fmt="txt", draft=True, actor=case.owner)
    with django_capture_on_commit_callbacks(execute=True):
        do_delete_account(user=case.owner, actor=None)
    assert bucket.keys("blobs/") == [key(PHOTO)]
    assert [name.rsplit("/", 1)[-1] for name in bucket.keys("renditions/")] == [
        f"{PHOTO_SHA}-page.jpg",
        f"{PHOTO_SHA}-thumb.jpg",
    ]
    assert bucket.keys("packets/") == []
    assert verify_everything() == []


def test_the_purge_deletes_a_withdrawn_original_from_the_bucket(
    bucket: Bucket, case: Case, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    gone = add_file(case, PHOTO, "gate.jpg").item
    do_withdraw_evidence(item=gone, actor=case.owner, now=T)
    with django_capture_on_commit_callbacks(execute=True):
        counts = purge_withdrawn(now=T + timedelta(days=31))
    assert counts == {"withdrawn_deleted": 1, "originals_deleted": 1}
    assert bucket.keys() == []


@pytest.mark.django_db(transaction=True)  # a backup reads what is committed
def test_a_backup_says_the_files_stay_in_the_bucket(
    bucket: Bucket, case: Case, tmp_path: Path
) -> None:
    add_file(case, PHOTO, "gate.jpg")
    made = make_backup(tmp_path / "backup.tar").as_json()
    kept = made["stored_files"]
    assert kept["in"] == f"s3://{bucket.name}/{bucket.prefix}" and not kept["copied"]
    assert "versioning" in kept["note"]
    with tarfile.open(tmp_path / "backup.tar") as tar:
        assert not [name for name in tar.getnames() if name.startswith("blobs/")]


def test_the_bucket_is_set_by_environment_variables_alone(
    endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = new_bucket(endpoint)
    assert data_storage("") == {"BACKEND": "reinstate.lib.stored_files.HomeStorage"}
    for name, value in {
        "REINSTATE_S3_ENDPOINT_URL": endpoint,
        "REINSTATE_S3_REGION": "us-east-1",
        "REINSTATE_S3_PREFIX": "/site-b/",
        "AWS_ACCESS_KEY_ID": "testing",  # read by boto3 itself
        "AWS_SECRET_ACCESS_KEY": "testing",
    }.items():
        monkeypatch.setenv(name, value)
    configured = data_storage(made.name)
    assert configured["BACKEND"] == "storages.backends.s3.S3Storage"
    storage = storages.create_storage(configured)
    storage.save("packets/1/2.txt", ContentFile(b"a packet"))
    assert Bucket(made.name, endpoint, prefix="site-b").read("packets/1/2.txt") == b"a packet"


def test_a_deletion_sets_the_object_aside_and_puts_it_back_when_it_is_not_committed(
    bucket: Bucket, home: Path
) -> None:
    store = default_store()
    with store.receive(io.BytesIO(PHOTO), max_bytes=10**7) as staged:
        assert store.commit(staged) and not store.commit(staged)  # the second sends nothing
    trashed = store.trash(staged.sha256)
    assert trashed is not None and bucket.keys("blobs/") == [trashed.as_posix()]
    assert not store.exists(staged.sha256)  # an add now would store its own copy
    assert [str(p) for p in store.leftovers()] == [trashed.as_posix()]
    assert store.recover(staged.sha256)  # the row still names it: put back
    assert bucket.keys("blobs/") == [key(PHOTO)] and store.hash_of(staged.sha256) == PHOTO_SHA
    trashed = store.trash(staged.sha256)
    assert trashed is not None
    store.empty(trashed, staged.sha256)
    assert bucket.keys() == [] and not list((home / "blobs").rglob("*.part"))


def test_a_mail_upload_waits_in_the_bucket_for_the_worker_and_is_gone_once_imported(
    bucket: Bucket, case: Case
) -> None:
    """A worker on another machine reads the waiting upload from the bucket, not a folder."""
    mails = [email(message_id=f"<m{i}@flex.example>", subject=f"Update {i}") for i in range(3)]
    upload = SimpleUploadedFile("export.mbox", mbox(*mails))
    pending = do_stage_import(case=case, actor=case.owner, uploads=[("export.mbox", upload)])
    [waiting] = bucket.keys("comms-pending/")
    assert waiting == f"comms-pending/{pending.files[0]['path']}"
    assert not pending_folder().exists()  # nothing kept on this machine's disk
    assert preview(pending, MailFilter(subject="Update 1")).matching == 1
    do_finish_import(
        pending=pending, actor=case.owner, keys=["m0@flex.example", "m2@flex.example"], now=T
    )
    assert sorted(case.contacts.values_list("subject", flat=True)) == ["Update 0", "Update 2"]
    assert bucket.keys("comms-pending/") == []
