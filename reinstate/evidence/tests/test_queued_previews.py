"""Previews are made by the task queue, not by the upload: a placeholder until the job ran."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.integrity import check_store
from reinstate.evidence.leftovers import PREVIEW_REQUEUED
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.evidence.tasks import NO_PREVIEW, make_blob_renditions
from reinstate.testing import files
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.evidence import add_file
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue

# Real commits: the upload's on_commit queues the job, the worker reads it as another process.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def queued(settings: Settings) -> None:
    settings.REINSTATE_RENDITIONS_INLINE = False


def upload(case: Case, name: str, data: bytes) -> EvidenceItem:
    response = client_for(case.owner).post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": [SimpleUploadedFile(name, data)]},
    )
    assert response.status_code == 302
    return EvidenceItem.objects.get(case=case, filename=name)


def renditions_of(store: BlobStore, blob: Blob) -> list[bool]:
    return [store.rendition_path(blob.sha256, size).exists() for size in ("page", "thumb")]


def preview(case: Case, item: EvidenceItem, size: str = "page", user: User | None = None) -> str:
    url = reverse("evidence:preview", args=[case.pk, item.pk, size])
    response = client_for(user or case.owner).get(url)
    return f"{response.status_code} {response.get('Content-Type', '')}"


def test_it_stores_the_upload_and_leaves_the_picture_to_the_queue(
    case: Case, store: BlobStore
) -> None:
    item = upload(case, "door.jpg", files.jpeg((1600, 1200)))
    assert store.path_for(item.blob.sha256).exists()
    assert renditions_of(store, item.blob) == [False, False]
    assert item.blob.preview_pending and not item.blob.has_renditions
    assert DBTaskResult.objects.filter(task_path__endswith="make_renditions").count() == 1

    run_queue()

    item.blob.refresh_from_db()
    assert renditions_of(store, item.blob) == [True, True]
    assert item.blob.has_renditions and not item.blob.preview_pending
    assert preview(case, item) == "200 image/jpeg"


def test_the_pages_show_a_placeholder_until_the_job_ran(case: Case) -> None:
    item = upload(case, "door.jpg", files.jpeg())
    client = client_for(case.owner)
    details = client.get(reverse("evidence:item", args=[case.pk, item.pk])).content.decode()
    locker = client.get(reverse("evidence:locker", args=[case.pk])).content.decode()
    shown = reverse("evidence:preview", args=[case.pk, item.pk, "page"])
    thumb = reverse("evidence:preview", args=[case.pk, item.pk, "thumb"])
    assert "Preview on its way" in details and "door.jpg · JPEG photo" in details
    assert shown not in details
    assert "Preview on its way" in locker and thumb not in locker
    assert preview(case, item).startswith("404 text/plain")

    run_queue()

    details = client.get(reverse("evidence:item", args=[case.pk, item.pk])).content.decode()
    assert shown in details and "Preview on its way" not in details


def test_running_the_job_twice_is_harmless(case: Case, store: BlobStore) -> None:
    item = upload(case, "door.jpg", files.jpeg())
    run_queue()
    made = store.rendition_path(item.blob.sha256, "page").read_bytes()

    assert make_blob_renditions(item.blob.pk) == "already made"
    item.blob.refresh_from_db()
    assert item.blob.has_renditions and not item.blob.preview_pending
    assert store.rendition_path(item.blob.sha256, "page").read_bytes() == made


def test_renditions_made_before_the_job_are_only_noted(case: Case, store: BlobStore) -> None:
    """A packet build that needed the picture first made it: the job does not make it again."""
    item = upload(case, "door.jpg", files.jpeg())
    blob = item.blob
    store.make_renditions(store.path_for(blob.sha256), blob.sha256, blob.media_type)
    assert make_blob_renditions(blob.pk) == "already made"
    blob.refresh_from_db()
    assert blob.has_renditions and not blob.preview_pending


def test_files_without_a_picture_queue_nothing(case: Case) -> None:
    item = upload(case, "note.txt", b"I knocked twice and waited.")
    assert not item.blob.preview_pending
    assert not DBTaskResult.objects.exists()
    details = client_for(case.owner).get(reverse("evidence:item", args=[case.pk, item.pk]))
    assert "Preview on its way" not in details.content.decode()


def test_a_photo_cut_short_is_still_refused_at_once(case: Case, store: BlobStore) -> None:
    data = files.jpeg((2000, 1500))
    response = client_for(case.owner).post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": [SimpleUploadedFile("cut.jpg", data[: len(data) // 2])]},
        follow=True,
    )
    assert "This picture is incomplete or damaged" in response.content.decode()
    assert not Blob.objects.exists() and list(store.stored()) == []
    assert not DBTaskResult.objects.exists()


def test_a_picture_the_job_cannot_decode_gets_no_preview_and_says_why(
    case: Case, store: BlobStore
) -> None:
    item = upload(case, "door.jpg", files.jpeg((2000, 1500)))
    original = store.path_for(item.blob.sha256)
    kept = original.read_bytes()
    original.write_bytes(kept[: len(kept) // 2])  # the disk lost its end after the upload
    run_queue()
    item.blob.refresh_from_db()
    assert not item.blob.has_renditions and not item.blob.preview_pending
    assert NO_PREVIEW in item.blob.info["notes"]
    details = client_for(case.owner).get(reverse("evidence:item", args=[case.pk, item.pk]))
    page = details.content.decode()
    assert "No preview could be made" in page and "Preview on its way" not in page


def test_verify_does_not_count_a_preview_on_its_way_as_a_problem(case: Case) -> None:
    upload(case, "door.jpg", files.jpeg())
    assert check_store() == []


def test_a_job_for_content_deleted_meanwhile_does_nothing(case: Case) -> None:
    item = upload(case, "door.jpg", files.jpeg())
    blob_id = item.blob.pk
    EvidenceItem.all_objects.filter(pk=item.pk).delete()
    Blob.objects.filter(pk=blob_id).delete()
    run_queue()
    assert make_blob_renditions(blob_id) == "gone"


def test_the_command_line_makes_the_preview_at_once(case: Case, tmp_path: Path) -> None:
    photo = tmp_path / "door.jpg"
    photo.write_bytes(files.jpeg())
    ok(reinstate("evidence", "add", str(case.pk), str(photo)))
    blob = EvidenceItem.objects.get(case=case).blob
    assert blob.has_renditions and not blob.preview_pending
    assert not DBTaskResult.objects.exists()


def test_an_outsider_gets_404_on_a_preview_waiting_or_made(case: Case, other_driver: User) -> None:
    item = add_file(case, files.jpeg(), inline_renditions=False).item
    assert preview(case, item, user=other_driver).startswith("404")
    run_queue()
    assert preview(case, item, user=other_driver).startswith("404")
    assert preview(case, item) == "200 image/jpeg"


def test_verify_clean_queues_again_a_preview_whose_job_was_lost(
    case: Case, store: BlobStore
) -> None:
    item = upload(case, "door.jpg", files.jpeg())
    DBTaskResult.objects.all().delete()  # its process died between the commit and the queue
    assert ok(reinstate("verify", "--clean"))["kept"] == []  # an hour not yet gone
    Blob.objects.update(created_at=timezone.now() - timedelta(hours=2))

    kept = ok(reinstate("verify", "--clean"))["kept"]

    assert [entry["why"] for entry in kept] == [PREVIEW_REQUEUED]
    run_queue()
    item.blob.refresh_from_db()
    assert item.blob.has_renditions and renditions_of(store, item.blob) == [True, True]
