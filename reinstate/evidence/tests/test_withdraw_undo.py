"""Withdrawing evidence can be undone: the item and its original are kept for
WITHDRAWN_KEEP_DAYS, out of the case, then deleted for good by `reinstate remind`."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.appeals.packet_build import build_packet
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import do_correct_reading
from reinstate.cases.models import Case
from reinstate.compose.verify import verify_everything
from reinstate.evidence.actions import (
    do_lock_exhibit_labels,
    do_restore_evidence,
    do_withdraw_evidence,
)
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.models import Blob, EvidenceItem, RetiredLabel
from reinstate.evidence.purge import purge_withdrawn
from reinstate.rules.appeal.letter import long_date
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import DISPUTE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

T = datetime(2026, 11, 3, 17, 0, tzinfo=UTC)  # when the tests withdraw


def photos(case: Case, count: int) -> list[EvidenceItem]:
    return [
        add_file(case, files.jpeg(color=(60 * i, 80, 120)), f"{'abcdef'[i]}.jpg").item
        for i in range(count)
    ]


def labels(case: Case) -> list[tuple[str, str]]:
    return [(i.filename, i.exhibit) for i in case.evidence.order_by("position", "pk")]


def test_it_puts_back_an_item_with_its_label_place_ticks_and_bytes(case: Case) -> None:
    delivery = case.checklist.get(key="delivery_photos")
    a = add_file(case, files.jpeg(color=(10, 80, 120)), "a.jpg").item
    b = add_file(case, files.jpeg(color=(90, 80, 120)), "b.jpg", satisfies=[delivery]).item
    add_file(case, files.jpeg(color=(170, 80, 120)), "c.jpg")
    client = client_for(case.owner)
    page = client.post(reverse("evidence:withdraw", args=[case.pk, b.pk]), follow=True)
    text = page.content.decode()
    assert "Exhibit B (“b.jpg”) was withdrawn from this case." in text
    withdrawn_at = EvidenceItem.all_objects.get(pk=b.pk).withdrawn_at
    assert withdrawn_at is not None
    until = (withdrawn_at + timedelta(days=30)).astimezone(ZoneInfo("America/Los_Angeles"))
    assert f"You can put it back until {long_date(until.date())};" in text
    undo = reverse("evidence:put_back", args=[case.pk, b.pk])
    assert f'action="{undo}"' in text and "Undo" in text and "Withdrawn recently" in text
    assert labels(case) == [("a.jpg", "A"), ("c.jpg", "B")]  # closed up, as before

    back = client.post(undo, follow=True)
    assert "“b.jpg” is back in this case, as exhibit B." in back.content.decode()
    assert labels(case) == [("a.jpg", "A"), ("b.jpg", "B"), ("c.jpg", "C")]
    assert list(case.evidence.get(pk=b.pk).satisfies.all()) == [delivery]
    download = client.get(reverse("evidence:download", args=[case.pk, b.pk]))
    data = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert hashlib.sha256(data).hexdigest() == b.blob.sha256
    assert a.pk in case.evidence.values_list("pk", flat=True)
    # A second tap changes nothing.
    again = client.post(undo, follow=True)
    assert "“b.jpg” is already in this case, as exhibit B." in again.content.decode()
    assert AuditEvent.objects.filter(kind="evidence.restored").count() == 1


def test_withdraw_and_put_back_are_in_the_audit_log(case: Case) -> None:
    _, b = photos(case, 2)
    do_withdraw_evidence(item=b, actor=case.owner, now=T)
    withdrawn = AuditEvent.objects.get(kind="evidence.withdrawn")
    assert withdrawn.actor_name == "dana" and withdrawn.case_id_ref == case.pk
    assert withdrawn.data["item"] == b.pk and withdrawn.data["sha256"] == b.blob.sha256
    assert withdrawn.data["kept_until"] == (T + timedelta(days=30)).isoformat()
    do_restore_evidence(item=b, actor=case.owner)
    restored = AuditEvent.objects.get(kind="evidence.restored")
    assert restored.actor_name == "dana" and restored.case_id_ref == case.pk
    assert restored.data == {
        "item": b.pk,
        "exhibit": "B",
        "was": "B",
        "sha256": b.blob.sha256,
        "filename": "b.jpg",
        "how": "put back",
        "relabelled": {},
    }


def test_an_unlocked_item_comes_back_in_its_old_place(case: Case) -> None:
    b = photos(case, 4)[1]
    do_withdraw_evidence(item=b, actor=case.owner)
    add_file(case, files.png(), "e.png")  # added while b was out: it stays after b's old place
    do_restore_evidence(item=b, actor=case.owner)
    expected = [("a.jpg", "A"), ("b.jpg", "B"), ("c.jpg", "C"), ("d.jpg", "D"), ("e.png", "E")]
    assert labels(case) == expected


def test_a_printed_label_comes_back_to_its_own_item_and_never_to_another(case: Case) -> None:
    b = photos(case, 3)[1]
    do_lock_exhibit_labels(case=case, actor=case.owner)  # a packet printed A, B and C
    do_withdraw_evidence(item=b, actor=case.owner)
    d = add_file(case, files.png(), "d.png").item
    assert d.exhibit == "D"  # B is retired while its item is out
    do_restore_evidence(item=b, actor=case.owner)
    b.refresh_from_db()
    assert (b.exhibit, b.label_locked) == ("B", True)
    assert labels(case) == [("a.jpg", "A"), ("b.jpg", "B"), ("c.jpg", "C"), ("d.png", "D")]
    assert not RetiredLabel.objects.filter(case=case).exists()  # its own item holds it again
    # Withdrawn again, the label is retired again.
    do_withdraw_evidence(item=b, actor=case.owner)
    assert add_file(case, files.jpeg(color=(1, 2, 3)), "e.jpg").item.exhibit == "E"


def test_a_printed_label_held_by_another_item_gives_a_new_label(case: Case) -> None:
    b = photos(case, 2)[1]
    do_lock_exhibit_labels(case=case, actor=case.owner)
    do_withdraw_evidence(item=b, actor=case.owner)
    # A state the rules never make, but a restore must not give one label to two files.
    other = add_file(case, files.png(), "c.png").item
    EvidenceItem.objects.filter(pk=other.pk).update(exhibit="B", label_locked=True)
    do_restore_evidence(item=b, actor=case.owner)
    b.refresh_from_db()
    assert (b.exhibit, b.label_locked) == ("C", False)
    assert RetiredLabel.objects.filter(case=case, label="B").exists()


def test_a_withdrawn_item_is_out_of_every_view_of_the_case(case: Case, tmp_path: Path) -> None:
    delivery = case.checklist.get(key="delivery_photos")
    kept = add_file(case, files.pdf(), "receipt.pdf").item
    gone = add_file(case, files.jpeg(), "door.jpg", description="porch", satisfies=[delivery]).item
    do_withdraw_evidence(item=gone, actor=case.owner)
    client = client_for(case.owner)
    locker = client.get(reverse("evidence:locker", args=[case.pk])).content.decode()
    exhibits, withdrawn = locker.split('id="items-h"')[1].split('id="withdrawn-h"')
    assert "door.jpg" not in exhibits and "receipt.pdf" in exhibits
    assert "door.jpg" in withdrawn.split('id="map-h"')[0]
    assert "<svg" not in withdrawn.split('id="map-h"')[1]  # no photo left on the map
    search = client.get(reverse("evidence:search", args=[case.pk]), {"q": "porch"})
    assert "door.jpg" not in search.content.decode()
    for name in ("evidence:item", "evidence:download"):
        assert client.get(reverse(name, args=[case.pk, gone.pk])).status_code == 404
    case_page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "(in your evidence: exhibit" not in case_page  # the tick went with it
    out = io.StringIO()
    call_command("evidence", "list", str(case.pk), stdout=out)
    assert [i["filename"] for i in json.loads(out.getvalue())] == ["receipt.pdf"]
    packet = build_packet(
        case=case, fmt="txt", draft=True, actor=case.owner, out=tmp_path / "packet.txt"
    )
    text = (tmp_path / "packet.txt").read_text()
    assert packet.exhibits == 1 and f"Exhibit A: Other; SHA-256 {kept.blob.sha256}" in text
    assert "Exhibit B" not in text and gone.blob.sha256 not in text


def test_the_locker_lists_what_was_withdrawn_and_when_it_goes(case: Case) -> None:
    gone = add_file(case, files.jpeg(), "door.jpg").item
    do_withdraw_evidence(item=gone, actor=case.owner, now=T)
    page = client_for(case.owner).get(reverse("evidence:locker", args=[case.pk]))
    text = page.content.decode().split('id="withdrawn-h"')[1]
    assert "door.jpg" in text and "Was exhibit A." in text
    assert "Deleted for good after 3 December 2026." in text
    assert reverse("evidence:put_back", args=[case.pk, gone.pk]) in text
    assert "Undo" not in page.content.decode()  # offered only right after withdrawing


def test_the_purge_deletes_the_original_after_the_keep_period_and_not_before(
    case: Case, store: BlobStore, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    gone = add_file(case, files.jpeg(), "door.jpg").item
    sha = gone.blob.sha256
    do_withdraw_evidence(item=gone, actor=case.owner, now=T)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_withdrawn(now=T + timedelta(days=29, hours=23)) == {}
    assert store.hash_of(sha) == sha and verify_everything() == []
    with django_capture_on_commit_callbacks(execute=True):
        counts = purge_withdrawn(now=T + timedelta(days=30, seconds=1))
    assert counts == {"withdrawn_deleted": 1, "originals_deleted": 1}
    assert not EvidenceItem.all_objects.exists() and not Blob.objects.exists()
    assert not store.path_for(sha).exists() and not store.rendition_path(sha, "thumb").exists()
    assert store.leftovers() == []
    event = AuditEvent.objects.get(kind="evidence.deleted")
    assert event.data["sha256"] == sha and event.data["original_deleted"] is True
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_withdrawn(now=T + timedelta(days=31)) == {}  # twice is harmless
    assert AuditEvent.objects.filter(kind="evidence.deleted").count() == 1
    assert verify_everything() == []


def test_the_keep_period_is_a_setting(case: Case, settings: Settings) -> None:
    settings.WITHDRAWN_KEEP_DAYS = 7
    gone = add_file(case, files.jpeg(), "door.jpg").item
    do_withdraw_evidence(item=gone, actor=case.owner, now=T)
    assert purge_withdrawn(now=T + timedelta(days=6)) == {}
    assert purge_withdrawn(now=T + timedelta(days=7))["withdrawn_deleted"] == 1


def test_an_item_put_back_is_not_purged(case: Case, store: BlobStore) -> None:
    gone = add_file(case, files.jpeg(), "door.jpg").item
    do_withdraw_evidence(item=gone, actor=case.owner, now=T)
    do_restore_evidence(item=gone, actor=case.owner)
    assert purge_withdrawn(now=T + timedelta(days=90)) == {}
    assert case.evidence.get().pk == gone.pk and store.path_for(gone.blob.sha256).exists()


def test_an_original_another_case_still_holds_is_never_deleted(
    case: Case,
    other_driver: User,
    open_case: Callable[..., Case],
    store: BlobStore,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    other = open_case(other_driver, DISPUTE)
    mine = add_file(case, files.pdf(), "r.pdf").item
    theirs = add_file(other, files.pdf(), "r.pdf").item
    sha = mine.blob.sha256
    do_withdraw_evidence(item=mine, actor=case.owner, now=T)
    do_withdraw_evidence(item=theirs, actor=other_driver, now=T + timedelta(days=20))
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_withdrawn(now=T + timedelta(days=31)) == {
            "withdrawn_deleted": 1,
            "originals_deleted": 0,
        }
    # Omar's withdrawn item can still be put back: its original stays.
    assert store.hash_of(sha) == sha
    assert do_restore_evidence(item=theirs, actor=other_driver) is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_withdrawn(now=T + timedelta(days=400)) == {}
    assert other.evidence.get().blob.sha256 == sha and store.hash_of(sha) == sha


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_reinstate_remind_deletes_what_is_due(
    case: Case, store: BlobStore, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    gone = add_file(case, files.jpeg(), "door.jpg").item
    do_withdraw_evidence(item=gone, actor=case.owner, now=T)
    printed = []
    with django_capture_on_commit_callbacks(execute=True):
        for hour in ("09", "10"):  # cron twice
            out = io.StringIO()
            call_command("remind", "--as-of", f"2026-12-10T{hour}:00:00+00:00", stdout=out)
            printed.append(json.loads(out.getvalue()))
    assert [(p["withdrawn_deleted"], p["originals_deleted"]) for p in printed] == [(1, 1), (0, 0)]
    assert not EvidenceItem.all_objects.exists()
    assert not store.path_for(gone.blob.sha256).exists()


def test_adding_the_same_file_again_puts_the_withdrawn_item_back(case: Case) -> None:
    photo = files.jpeg()
    first, _ = add_file(case, photo, "door.jpg").item, add_file(case, files.png(), "chat.png")
    do_withdraw_evidence(item=first, actor=case.owner)
    response = client_for(case.owner).post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": SimpleUploadedFile("door-copy.jpg", photo)},
        follow=True,
    )
    assert "“door.jpg” had been withdrawn: it is back as exhibit A." in response.content.decode()
    assert labels(case) == [("door.jpg", "A"), ("chat.png", "B")]
    assert EvidenceItem.all_objects.count() == 2 and case.evidence.get(exhibit="A") == first
    assert AuditEvent.objects.get(kind="evidence.restored").data["how"] == "added again"
    again = add_file(case, photo, "door.jpg")  # and once back, the same file is a duplicate
    assert again.duplicate and not again.restored and again.item.pk == first.pk


def test_an_outsider_gets_404_on_put_back(case: Case, other_driver: User) -> None:
    gone = add_file(case, files.jpeg(), "door.jpg").item
    do_withdraw_evidence(item=gone, actor=case.owner)
    outsider = client_for(other_driver)
    url = reverse("evidence:put_back", args=[case.pk, gone.pk])
    assert outsider.post(url).status_code == 404
    assert outsider.get(reverse("evidence:locker", args=[case.pk])).status_code == 404
    assert not case.evidence.exists()
    # Through the outsider's own case the item is not found either.
    own = reverse("evidence:put_back", args=[999999, gone.pk])
    assert outsider.post(own).status_code == 404
    assert client_for(case.owner).get(url).status_code == 405  # a change is a POST


def test_a_checklist_item_only_withdrawn_evidence_satisfies_goes_with_its_reason(
    case: Case,
) -> None:
    delivery = case.checklist.get(key="delivery_photos")
    gone = add_file(case, files.jpeg(), "door.jpg", satisfies=[delivery]).item
    do_withdraw_evidence(item=gone, actor=case.owner)
    do_correct_reading(
        case=case,
        actor=case.owner,
        platform=case.platform,
        kind=case.kind,
        reason="conduct_or_safety",
        stated_deadline=case.stated_deadline,
    )
    assert not case.checklist.filter(key="delivery_photos").exists()


def test_putting_back_recovers_an_original_a_cut_off_purge_left_in_the_trash(
    case: Case, store: BlobStore
) -> None:
    item = add_file(case, files.jpeg(color=(5, 150, 90)), "gate.jpg").item
    original = store.path_for(item.blob.sha256)
    data = original.read_bytes()
    do_withdraw_evidence(item=item, actor=case.owner, now=T)
    store.trash(item.blob.sha256)  # what a purge killed before its commit leaves behind
    assert not original.exists()
    assert do_restore_evidence(item=item, actor=case.owner, store=store) is not None
    assert original.read_bytes() == data
    assert not list(store.trash_dir.iterdir())
