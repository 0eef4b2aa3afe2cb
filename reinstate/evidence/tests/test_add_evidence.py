from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.evidence.actions import do_add_evidence, do_lock_exhibit_labels, do_move_evidence
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.evidence.presenters import evidence_json
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import DISPUTE

pytestmark = pytest.mark.django_db


def test_it_keeps_a_photo_with_what_was_read_from_it(case: Case, store: BlobStore) -> None:
    data = files.jpeg()
    added = add_file(case, data, "IMG_0042.JPG", description="Parcel at the door")
    item = added.item
    assert not added.duplicate
    assert (item.exhibit, item.kind, item.filename) == ("A", "photo", "IMG_0042.JPG")
    assert store.path_for(item.blob.sha256).read_bytes() == data
    assert store.rendition_path(item.blob.sha256, "thumb").exists()
    shown = evidence_json(item)
    assert shown["taken_at"] == "2026-11-02T14:03:05-08:00"
    assert shown["gps"] == {"lat": pytest.approx(34.052235), "lon": pytest.approx(-118.243683)}
    assert shown["media_type"] == "image/jpeg" and shown["bytes"] == len(data)
    event = AuditEvent.objects.get(kind="evidence.added")
    assert event.data["sha256"] == item.blob.sha256 and event.actor_name == "dana"


def test_the_same_file_again_is_the_same_item_marked_duplicate(case: Case) -> None:
    first = add_file(case, files.jpeg(), "a.jpg")
    again = add_file(case, files.jpeg(), "copy of a.jpg")
    assert again.duplicate and again.item.pk == first.item.pk
    assert EvidenceItem.objects.count() == 1
    assert AuditEvent.objects.filter(kind="evidence.added").count() == 1


def test_two_cases_share_one_stored_original(
    case: Case, other_driver: User, open_case: Callable[..., Case], store: BlobStore
) -> None:
    other = open_case(other_driver, DISPUTE)
    add_file(case, files.pdf(), "r.pdf")
    add_file(other, files.pdf(), "r.pdf")
    assert Blob.objects.count() == 1 and EvidenceItem.objects.count() == 2
    assert len(list(store.stored())) == 1


def test_kinds_are_guessed_and_exhibits_follow_on(case: Case) -> None:
    kinds = [
        add_file(case, data, name).item
        for data, name in [
            (files.jpeg(), "p.jpg"),
            (files.png(), "Screenshot.png"),
            (b"From: support@x.com\nSubject: hi\n\nbody", "mail.eml"),
            (files.pdf(), "r.pdf"),
        ]
    ]
    assert [(i.exhibit, i.kind) for i in kinds] == [
        ("A", "photo"),
        ("B", "screenshot"),
        ("C", "email"),
        ("D", "other"),
    ]


def test_it_satisfies_checklist_items_of_its_own_case_only(
    case: Case, other_driver: User, open_case: Callable[..., Case]
) -> None:
    photos = case.checklist.get(key="delivery_photos")
    item = add_file(case, files.jpeg(), satisfies=[photos]).item
    assert list(item.satisfies.all()) == [photos]
    foreign = open_case(other_driver, DISPUTE).checklist.first()
    with pytest.raises(EvidenceFileError, match="another case"):
        add_file(case, files.png(), "s.png", satisfies=[foreign])


def test_a_refused_file_leaves_nothing_stored(case: Case, store: BlobStore) -> None:
    for data, name in [
        (files.HTML_AS_PNG, "x.png"),
        (b"", "empty.jpg"),
        (files.png_bomb(), "bomb.png"),
        (files.jpeg((1600, 1200))[:3000], "cut.jpg"),
    ]:
        with pytest.raises(EvidenceFileError):
            add_file(case, data, name)
    assert not Blob.objects.exists() and not EvidenceItem.objects.exists()
    assert list(store.stored()) == [] and store.leftovers() == []
    assert not list(store.renditions.rglob("*.jpg")) if store.renditions.exists() else True


def test_a_file_over_the_limit_is_refused_while_it_streams(
    case: Case, store: BlobStore, settings: object
) -> None:
    settings.EVIDENCE_MAX_BYTES = 10_000  # type: ignore[attr-defined]
    with pytest.raises(EvidenceFileError, match="larger than 10 KB"):
        add_file(case, files.jpeg((1200, 900), quality=95), "big.jpg")
    assert store.leftovers() == [] and not Blob.objects.exists()


def test_a_video_may_be_larger_than_other_files(case: Case, settings: object) -> None:
    settings.EVIDENCE_MAX_BYTES = 1000  # type: ignore[attr-defined]
    video = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00" + b"\x00" * 5000
    assert add_file(case, video, "dashcam.mp4").item.blob.media_type == "video/mp4"


def test_moving_relabels_and_locked_labels_stay(case: Case) -> None:
    a, b, c = (
        add_file(case, files.jpeg(color=(60 * i, 80, 120)), f"{i}.jpg").item for i in range(3)
    )
    do_move_evidence(item=c, actor=case.owner, step=-1)
    assert _labels(case) == {a.pk: "A", c.pk: "B", b.pk: "C"}
    assert AuditEvent.objects.filter(kind="evidence.relabelled").count() == 1
    do_lock_exhibit_labels(case=case, actor=case.owner)
    do_move_evidence(item=b, actor=case.owner, step=-1)
    assert _labels(case) == {a.pk: "A", c.pk: "B", b.pk: "C"}
    d = add_file(case, files.jpeg(color=(250, 250, 250)), "d.jpg").item
    assert d.exhibit == "D"


def _labels(case: Case) -> dict[int, str]:
    return dict(case.evidence.values_list("pk", "exhibit"))


def test_unknown_kind_is_refused(case: Case) -> None:
    with pytest.raises(EvidenceFileError, match="Unknown kind"):
        do_add_evidence(
            case=case, actor=None, source=io.BytesIO(b"hi"), filename="x.txt", kind="selfie"
        )
