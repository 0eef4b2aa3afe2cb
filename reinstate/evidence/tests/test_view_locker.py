from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import Organisation, User
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_it_adds_several_files_at_once_and_shows_time_and_place(case: Case) -> None:
    client = client_for(case.owner)
    photos = case.checklist.get(key="delivery_photos")
    response = client.post(
        reverse("evidence:add", args=[case.pk]),
        {
            "evidence_files": [upload("door.jpg", files.jpeg()), upload("chat.png", files.png())],
            "description": "At 12 Elm St",
            "satisfies": [photos.pk],
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Added “door.jpg” as exhibit A." in page
    assert "Added “chat.png” as exhibit B." in page
    assert "Mon 2 Nov 2026, 2:03:05 PM PST" in page  # the photo's time, in Dana's zone
    assert "34.05224, -118.24368" in page  # its place
    assert "<svg" in page and "Map of where your photos were taken" in page
    assert (
        "Still missing" in page
        and "Delivery photos" not in page.split("Still missing")[1].split("</section>")[0]
    )
    item = case.evidence.get(exhibit="A")
    assert item.description == "At 12 Elm St" and list(item.satisfies.all()) == [photos]


def test_an_upload_from_the_script_gets_json(case: Case) -> None:
    response = client_for(case.owner).post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": upload("r.pdf", files.pdf())},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json() == {"added": ["Added “r.pdf” as exhibit A."], "problems": []}


def test_no_file_chosen_is_a_form_error(case: Case) -> None:
    response = client_for(case.owner).post(reverse("evidence:add", args=[case.pk]), {})
    assert response.status_code == 400
    assert "Choose at least one photo or file." in response.content.decode()


def test_the_item_page_shows_what_was_read_and_edits_the_description(case: Case) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    client = client_for(case.owner)
    url = reverse("evidence:item", args=[case.pk, item.pk])
    page = client.get(url).content.decode()
    for fact in (
        item.blob.sha256,
        "Apple iPhone 13",
        "34.052235, -118.243683",
        "JPEG photo",
        "by dana",
    ):
        assert fact in page
    assert "as the photo recorded it, with its time zone" in page
    photos = case.checklist.get(key="delivery_photos")
    client.post(
        url,
        {
            "kind": "photo",
            "description": "Front door",
            "proves": "Delivered",
            "note": "",
            "satisfies": [photos.pk],
        },
    )
    item.refresh_from_db()
    assert (item.description, item.proves) == ("Front door", "Delivered")
    assert list(item.satisfies.all()) == [photos]


def test_download_is_the_original_byte_for_byte_as_an_attachment(case: Case) -> None:
    data = files.jpeg()
    item = add_file(case, data, "door.jpg").item
    response = client_for(case.owner).get(reverse("evidence:download", args=[case.pk, item.pk]))
    assert b"".join(response.streaming_content) == data  # type: ignore[attr-defined]
    assert response["Content-Disposition"] == 'attachment; filename="door.jpg"'
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_preview_is_a_rendition_and_is_rebuilt_when_missing(case: Case, store: object) -> None:
    data = files.jpeg((3000, 2000))
    item = add_file(case, data, "door.jpg").item
    client = client_for(case.owner)
    url = reverse("evidence:preview", args=[case.pk, item.pk, "page"])
    first = b"".join(client.get(url).streaming_content)  # type: ignore[attr-defined]
    assert first.startswith(b"\xff\xd8") and first != data
    store.rendition_path(item.blob.sha256, "page").unlink()  # type: ignore[attr-defined]
    response = client.get(url)
    assert response["Content-Type"] == "image/jpeg" and response["Content-Disposition"] == "inline"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == first  # type: ignore[attr-defined]
    assert (
        client.get(reverse("evidence:preview", args=[case.pk, item.pk, "huge"])).status_code == 404
    )


def test_search_finds_pdf_text_descriptions_and_notes(case: Case) -> None:
    add_file(case, files.pdf("Brake pads replaced at Midas"), "invoice.pdf")
    add_file(case, files.jpeg(), "door.jpg", description="Parcel at the front door")
    add_file(case, files.png(), "s.png", note="Support promised a callback")
    client = client_for(case.owner)
    url = reverse("evidence:search", args=[case.pk])
    for words, expected in [
        ("midas brake", "invoice.pdf"),
        ("FRONT door", "door.jpg"),
        ("callback", "s.png"),
    ]:
        page = client.get(url, {"q": words}).content.decode()
        assert "1 item match" in page and expected in page
    assert (
        "Nothing matches"
        in client.get(url, {"q": "zebra"}, HTTP_HX_REQUEST="true").content.decode()
    )


def test_the_day_in_question_flags_a_photo_from_another_day(case: Case) -> None:
    add_file(case, files.jpeg(), "door.jpg")
    client = client_for(case.owner)
    client.post(reverse("evidence:day", args=[case.pk]), {"day": "2026-11-03"})
    page = client.get(reverse("evidence:locker", args=[case.pk])).content.decode()
    assert "not on the day in question (Tue 3 Nov 2026)" in page


def test_an_advocate_of_the_shared_organisation_sees_the_evidence(
    case: Case, advocate: User
) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    url = reverse("evidence:download", args=[case.pk, item.pk])
    assert client_for(advocate).get(url).status_code == 404
    case.organisation = Organisation.objects.get(membership__user=advocate)
    case.save()
    assert client_for(advocate).get(url).status_code == 200


def test_an_outsider_gets_404_on_every_evidence_url(case: Case, other_driver: User) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    client = client_for(other_driver)
    gets = [
        reverse("evidence:locker", args=[case.pk]),
        reverse("evidence:item", args=[case.pk, item.pk]),
        reverse("evidence:preview", args=[case.pk, item.pk, "thumb"]),
        reverse("evidence:preview", args=[case.pk, item.pk, "page"]),
        reverse("evidence:download", args=[case.pk, item.pk]),
        reverse("evidence:search", args=[case.pk]) + "?q=door",
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        (reverse("evidence:add", args=[case.pk]), {"evidence_files": upload("x.jpg", files.png())}),
        (
            reverse("evidence:item", args=[case.pk, item.pk]),
            {"kind": "other", "description": "mine"},
        ),
        (reverse("evidence:withdraw", args=[case.pk, item.pk]), {}),
        (reverse("evidence:move", args=[case.pk, item.pk]), {"direction": "down"}),
        (reverse("evidence:day", args=[case.pk]), {"day": "2026-01-01"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    item.refresh_from_db()
    assert item.description == "" and EvidenceItem.objects.count() == 1
    # Another case's item through one's own case is 404 too.
    own = client_for(other_driver)
    assert own.get(reverse("evidence:download", args=[999999, item.pk])).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(case: Case) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    response = Client().get(reverse("evidence:download", args=[case.pk, item.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_upload_without_the_csrf_token_is_refused(case: Case) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(case.owner)
    response = client.post(
        reverse("evidence:add", args=[case.pk]), {"evidence_files": upload("a.jpg", files.jpeg())}
    )
    assert response.status_code == 403
    assert not EvidenceItem.objects.exists()


def test_withdraw_from_the_page(case: Case) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    response = client_for(case.owner).post(
        reverse("evidence:withdraw", args=[case.pk, item.pk]), follow=True
    )
    assert "Exhibit A (“door.jpg”) was withdrawn" in response.content.decode()
    assert not case.evidence.exists()


def test_the_case_page_ticks_the_checklist_from_evidence(case: Case) -> None:
    photos = case.checklist.get(key="delivery_photos")
    client = client_for(case.owner)
    url = reverse("cases:detail", args=[case.pk])
    before = client.get(url).content.decode()
    assert "(in your evidence" not in before
    add_file(case, files.jpeg(), "door.jpg", satisfies=[photos])
    page = client.get(url).content.decode()
    assert "(in your evidence: exhibit A)" in page
    assert reverse("evidence:locker", args=[case.pk]) in page
    missing_before = int(before.split(" required document")[0].rsplit(">", 1)[-1].strip())
    missing_after = int(page.split(" required document")[0].rsplit(">", 1)[-1].strip())
    assert missing_after == missing_before - 1
