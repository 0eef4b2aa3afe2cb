"""A driver keeps records before any trouble: files stored as case evidence is, refusals clear."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

import pytest

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.comms.actions import Upload
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.models import Blob
from reinstate.records.actions import RecordInputError, do_add_record
from reinstate.records.models import Record
from reinstate.records.presenters import record_json
from reinstate.testing import files

from .conftest import NOW

pytestmark = pytest.mark.django_db


def test_it_keeps_a_photo_as_the_locker_keeps_evidence(
    driver: User, keep: Callable[..., Record]
) -> None:
    photo = files.jpeg(exif=files.phone_exif(taken="2026:10:20 10:03:05", offset="-07:00"))
    record = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": photo})

    kept = record.files.get()
    store = default_store()
    assert kept.blob.sha256 == store.hash_of(kept.blob.sha256)
    assert store.path_for(kept.blob.sha256).read_bytes() == photo
    assert kept.blob.media_type == "image/jpeg" and kept.blob.has_renditions
    shown = record_json(record)
    assert shown["files"][0]["taken_at"] == "2026-10-20T10:03:05-07:00"
    assert shown["at"] == "2026-10-20T10:05:00-07:00" and shown["time_zone"] == driver.time_zone
    event = AuditEvent.objects.get(kind="records.added")
    assert event.data["record"] == record.pk
    assert event.data["files"][0]["sha256"] == kept.blob.sha256


def test_the_same_photo_in_two_records_is_stored_once(
    driver: User, keep: Callable[..., Record]
) -> None:
    photo = files.jpeg()
    keep(driver, "2026-10-20T10:05:00-07:00", files={"a.jpg": photo})
    keep(driver, "2026-10-21T10:05:00-07:00", files={"b.jpg": photo})
    assert Blob.objects.count() == 1
    assert len(list(default_store().stored())) == 1


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (files.pdf(), "photo.jpg", "PDF"),
        (b"", "empty.jpg", "empty"),
        (b"<html><script>alert(1)</script></html>", "page.html", "web page"),
    ],
)
def test_a_file_that_is_not_what_it_claims_refuses_the_whole_record(
    driver: User, data: bytes, name: str, says: str
) -> None:
    with pytest.raises(RecordInputError, match=says) as refused:
        do_add_record(
            owner=driver,
            at=NOW,
            kind="note",
            note="Keep this note",
            files=[Upload("fine.jpg", io.BytesIO(files.jpeg())), Upload(name, io.BytesIO(data))],
            now=NOW,
        )
    assert name in str(refused.value)
    assert not Record.objects.exists() and not Blob.objects.exists()
    assert default_store().leftovers() == []


def test_a_file_too_large_is_refused_while_it_streams(driver: User, settings: object) -> None:
    settings.EVIDENCE_MAX_BYTES = 10_000  # type: ignore[attr-defined]
    big = files.jpeg((1200, 900), quality=95)
    with pytest.raises(RecordInputError, match="larger than 10 KB"):
        do_add_record(
            owner=driver, at=NOW, kind="note", files=[Upload("big.jpg", io.BytesIO(big))], now=NOW
        )
    assert not Record.objects.exists() and default_store().leftovers() == []


@pytest.mark.parametrize(
    ("at", "kind", "note", "says"),
    [
        ("2026-11-25T09:00:00-08:00", "note", "x", "in the future"),
        ("1999-12-31T09:00:00-08:00", "note", "x", "too long ago"),
        ("2026-11-03T09:00:00", "note", "x", "time zone"),
        ("2026-11-03T09:00:00-08:00", "note", "", "empty"),
        ("2026-11-03T09:00:00-08:00", "support_call", "", "what was said"),
        ("2026-11-03T09:00:00-08:00", "parcel", "x", "Unknown kind"),
    ],
)
def test_it_refuses_a_record_it_cannot_keep(
    driver: User, at: str, kind: str, note: str, says: str
) -> None:
    with pytest.raises(RecordInputError, match=says):
        do_add_record(owner=driver, at=datetime.fromisoformat(at), kind=kind, note=note, now=NOW)
    assert not Record.objects.exists()


def test_a_problem_on_the_route_needs_no_more_than_its_kind(driver: User) -> None:
    at = datetime.fromisoformat("2026-10-20T10:05:00-07:00")
    record = do_add_record(owner=driver, at=at, kind="locked_building", note="", now=NOW)
    assert record.kind == "locked_building" and record.time_zone == "America/Los_Angeles"
