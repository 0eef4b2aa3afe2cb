"""My records: the list (newest first, an empty state saying why), the add form (what was typed
survives a refusal), a record and its files; nobody but the driver sees any of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.records.models import Record
from reinstate.testing import files
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_it_says_why_to_keep_records_before_there_are_any(driver: User) -> None:
    page = client_for(driver).get(reverse("records:list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nothing kept yet" in text and "Your records are your side" in text
    assert reverse("records:add") in text


def test_the_main_navigation_leads_to_my_records(driver: User) -> None:
    page = client_for(driver).get(reverse("cases:list"))
    assert f'href="{reverse("records:list")}"' in page.content.decode()


def test_it_lists_records_newest_first(driver: User, keep: Callable[..., Record]) -> None:
    older = keep(driver, "2026-10-01T10:00:00-07:00", note="First week")
    newer = keep(driver, "2026-10-20T10:00:00-07:00", kind="locked_building", note="Gate 4")
    text = client_for(driver).get(reverse("records:list")).content.decode()
    assert text.index(f"record-{newer.pk}") < text.index(f"record-{older.pk}")
    assert "Locked building" in text and "Gate 4" in text


def test_adding_a_record_with_a_photo_on_the_drivers_clock(driver: User) -> None:
    photo = SimpleUploadedFile("door.jpg", files.jpeg(), content_type="image/jpeg")
    response = client_for(driver).post(
        reverse("records:add"),
        {
            "kind": "support_call",
            "note": "Agent said the block would not count against me.",
            "who": "Priya",
            "at": "2026-10-20T14:30",
            "photos": [photo],
        },
    )
    record = Record.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#record-{record.pk}")
    assert record.at.isoformat() == "2026-10-20T21:30:00+00:00"  # 2:30 PM in Los Angeles
    assert record.who == "Priya" and record.files.get().filename == "door.jpg"
    page = client_for(driver).get(reverse("records:detail", args=[record.pk]))
    assert "Priya" in page.content.decode()


def test_the_form_starts_at_now_in_the_drivers_zone(driver: User) -> None:
    page = client_for(driver).get(reverse("records:add"))
    assert page.status_code == 200 and 'type="datetime-local"' in page.content.decode()


@pytest.mark.parametrize(
    ("at", "upload", "says"),
    [
        ("2026-13-45T99:00", None, "Enter the date and time it happened"),
        ("2099-01-01T10:00", None, "in the future"),
        ("2026-10-20T10:00", ("photo.jpg", files.pdf()), "photo.jpg"),
    ],
)
def test_a_refusal_keeps_what_was_typed(
    driver: User, at: str, upload: tuple[str, bytes] | None, says: str
) -> None:
    data: dict[str, object] = {"kind": "note", "note": "Dog in the yard at 12 Elm", "at": at}
    if upload:
        data["photos"] = [SimpleUploadedFile(upload[0], upload[1])]
    page = client_for(driver).post(reverse("records:add"), data)
    text = page.content.decode()
    assert page.status_code == 400
    assert says in text and "Dog in the yard at 12 Elm" in text
    assert not Record.objects.exists()


def test_a_file_too_large_is_named_and_the_note_kept(driver: User, settings: object) -> None:
    settings.EVIDENCE_MAX_BYTES = 10_000  # type: ignore[attr-defined]
    big = SimpleUploadedFile("big.jpg", files.jpeg((1200, 900), quality=95))
    page = client_for(driver).post(
        reverse("records:add"),
        {"kind": "note", "note": "Porch photo", "at": "2026-10-20T10:00", "photos": [big]},
    )
    text = page.content.decode()
    assert page.status_code == 400 and "big.jpg" in text and "Porch photo" in text
    assert not Record.objects.exists()


def test_its_files_come_back_byte_for_byte(driver: User, keep: Callable[..., Record]) -> None:
    photo = files.jpeg()
    record = keep(driver, "2026-10-20T10:00:00-07:00", files={"gate.jpg": photo})
    file = record.files.get()
    client = client_for(driver)
    download = client.get(reverse("records:download", args=[record.pk, file.pk]))
    assert b"".join(download.streaming_content) == photo  # type: ignore[attr-defined]
    assert download["X-Content-Type-Options"] == "nosniff"
    thumb = client.get(reverse("records:preview", args=[record.pk, file.pk, "thumb"]))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"


def test_another_driver_gets_404_on_every_records_url(
    driver: User, other_driver: User, keep: Callable[..., Record]
) -> None:
    record = keep(driver, "2026-10-20T10:00:00-07:00", files={"gate.jpg": files.jpeg()})
    file = record.files.get()
    omar = client_for(other_driver)
    for url in (
        reverse("records:detail", args=[record.pk]),
        reverse("records:download", args=[record.pk, file.pk]),
        reverse("records:preview", args=[record.pk, file.pk, "thumb"]),
    ):
        assert omar.get(url).status_code == 404, url
    assert f"record-{record.pk}" not in omar.get(reverse("records:list")).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(driver: User, keep: Callable[..., Record]) -> None:
    record = keep(driver, "2026-10-20T10:00:00-07:00", files={"gate.jpg": files.jpeg()})
    file = record.files.get()
    for url in (
        reverse("records:list"),
        reverse("records:add"),
        reverse("records:detail", args=[record.pk]),
        reverse("records:download", args=[record.pk, file.pk]),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert Client().post(reverse("records:add"), {"kind": "note"}).status_code == 302
    assert Record.objects.count() == 1
