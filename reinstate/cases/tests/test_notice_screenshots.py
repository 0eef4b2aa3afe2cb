"""A notice given as a screenshot: on the command line, and on the "new case" page, where the
text read is shown for checking before the case opens."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases import notice_pictures
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.testing.cli import reinstate
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for
from reinstate.testing.screenshots import (
    blank_picture,
    needs_tesseract,
    phone_screenshot,
    png_bomb_header,
)

URL = reverse("cases:new")
CHECK = "check it against the picture and correct it before you go on"


@needs_tesseract
def test_notice_read_reads_a_screenshot_as_it_reads_the_text(tmp_path: Path) -> None:
    picture, text = tmp_path / "notice.png", tmp_path / "notice.txt"
    picture.write_bytes(phone_screenshot(FLEX_LATE))
    text.write_text(FLEX_LATE)
    received = ["--received", "2026-11-02T09:00:00-08:00", "--tz", "America/Los_Angeles"]
    from_picture = reinstate("notice", "read", str(picture), *received).json()
    from_text = reinstate("notice", "read", str(text), *received).json()
    for field in ("platform", "kind", "reason", "stated_deadline", "deadline"):
        assert from_picture[field] == from_text[field]
    assert from_picture["ocr"]["engine"].startswith("tesseract ")
    assert 0 <= from_picture["ocr"]["confidence"] <= 100
    assert "ocr" not in from_text


@needs_tesseract
def test_notice_read_says_plainly_when_a_picture_has_no_words(tmp_path: Path) -> None:
    picture = tmp_path / "blank.png"
    picture.write_bytes(blank_picture())
    result = reinstate("notice", "read", str(picture))
    assert result.returncode == 2
    assert "found no words in this picture" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@needs_tesseract
@pytest.mark.django_db
def test_case_new_takes_a_screenshot_as_the_notice(tmp_path: Path) -> None:
    picture = tmp_path / "notice.jpg"
    picture.write_bytes(phone_screenshot(FLEX_LATE, dark=True, image_format="JPEG"))
    assert reinstate("user", "add", "dana", "--tz", "America/Los_Angeles").returncode == 0
    case = reinstate(
        "case", "new", "--user", "dana", "--notice", str(picture),
        "--received", "2026-11-02T09:00:00-08:00",
    ).json()  # fmt: skip
    assert (case["platform"], case["kind"]) == ("amazon_flex", "deactivation")
    # The screenshot is kept as the case's first exhibit, byte for byte.
    kept = EvidenceItem.objects.get(case_id=case["id"])
    assert (kept.exhibit, kept.kind) == ("A", "screenshot")
    assert kept.blob.sha256 == hashlib.sha256(picture.read_bytes()).hexdigest()


@needs_tesseract
@pytest.mark.django_db
def test_the_page_shows_the_text_read_and_opens_the_case_only_when_confirmed(
    driver: User,
) -> None:
    client = client_for(driver)
    form = {"received_date": "2026-11-02", "received_time": "16:00", "platform": ""}
    picture = phone_screenshot(FLEX_LATE)
    upload = SimpleUploadedFile("notice.png", picture, "image/png")
    response = client.post(URL, {**form, "notice_file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert CHECK in page
    assert "within 10 calendar days" in page  # in the paste box, for checking
    assert 'name="read_from_screenshot" value="1"' in page
    assert 'value="2026-11-02"' in page  # what the driver gave is kept
    assert not Case.objects.exists()

    # Dana corrects a word and sends it: now the case opens, from the text she checked.
    text = response.context["form"]["notice_text"].value().replace("9:41\nMessage", "")
    held = response.context["form"]["screenshots"].value()
    confirmed = {**form, "notice_text": text, "read_from_screenshot": "1", "screenshots": held}
    response = client.post(URL, confirmed)
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.platform, case.kind) == ("amazon_flex", "deactivation")
    assert "9:41" not in case.notice_text  # the text she checked, not the raw reading
    # The screenshot is the case's first evidence, byte for byte.
    item = case.evidence.get()
    assert (item.kind, item.filename) == ("screenshot", "notice.png")
    assert item.blob.sha256 == hashlib.sha256(picture).hexdigest()
    held_copies = [p for p in (Path(settings.REINSTATE_HOME) / "intake").rglob("*") if p.is_file()]
    assert not held_copies


@pytest.mark.django_db
def test_pictures_never_confirmed_are_removed_a_day_later(driver: User) -> None:
    token = notice_pictures.hold(driver.pk + 7, [(b"\x89PNG\r\n\x1a\nabandoned", "x.png")])
    [(path, _name)] = notice_pictures.take(driver.pk + 7, token)
    two_days_ago = time.time() - 2 * 86400
    os.utime(path, (two_days_ago, two_days_ago))
    notice_pictures.hold(driver.pk, [(b"\x89PNG\r\n\x1a\nanother driver's", "y.png")])
    assert not path.exists()


@pytest.mark.django_db
def test_a_token_from_someone_else_hands_over_nothing(driver: User) -> None:
    token = notice_pictures.hold(driver.pk + 1, [(b"\x89PNG\r\n\x1a\nnot theirs", "x.png")])
    assert notice_pictures.take(driver.pk, token) == []
    assert notice_pictures.take(driver.pk, "forged") == []
    assert len(notice_pictures.take(driver.pk + 1, token)) == 1


@needs_tesseract
@pytest.mark.django_db
def test_a_refused_confirmation_keeps_the_text_read(driver: User) -> None:
    client = client_for(driver)
    data = {
        "notice_text": FLEX_LATE,
        "read_from_screenshot": "1",
        "received_date": "2999-01-01",  # in the future: refused
        "received_time": "16:00",
    }
    response = client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert CHECK in page and "within 10 calendar days" in page
    assert not Case.objects.exists()


@needs_tesseract
@pytest.mark.django_db
def test_two_screenshots_of_one_long_notice_are_joined(driver: User) -> None:
    first, second = FLEX_LATE.split("\nYou may appeal")
    uploads = [
        SimpleUploadedFile("1.png", phone_screenshot(first), "image/png"),
        SimpleUploadedFile("2.png", phone_screenshot("You may appeal" + second), "image/png"),
    ]
    when = {"received_date": "2026-11-02", "received_time": "16:00"}
    response = client_for(driver).post(URL, {**when, "notice_file": uploads})
    text = response.context["form"]["notice_text"].value()
    assert response.status_code == 200
    # The first picture's text, a blank line, then the second's (its status bar and all).
    assert text.index("several blocks.\n\n") < text.index("You may appeal")


@needs_tesseract
@pytest.mark.django_db
def test_a_screenshot_sent_without_a_day_keeps_its_text_and_asks_for_the_day(
    driver: User,
) -> None:
    upload = SimpleUploadedFile("notice.png", phone_screenshot(FLEX_LATE), "image/png")
    data = {"notice_file": upload, "received_date": "", "received_time": ""}
    response = client_for(driver).post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the day the notice arrived." in page
    assert CHECK in page and "within 10 calendar days" in page
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_three_screenshots_or_a_picture_and_an_email_are_refused(driver: User) -> None:
    picture = blank_picture(width=200, height=200)
    three = [SimpleUploadedFile(f"{i}.png", picture, "image/png") for i in range(3)]
    response = client_for(driver).post(URL, {"notice_file": three})
    assert response.status_code == 400
    assert "one or two screenshots" in response.content.decode()
    mixed = [
        SimpleUploadedFile("1.png", picture, "image/png"),
        SimpleUploadedFile("n.txt", FLEX_LATE.encode(), "text/plain"),
    ]
    response = client_for(driver).post(URL, {"notice_file": mixed})
    assert response.status_code == 400
    assert "not both at once" in response.content.decode()
    assert not Case.objects.exists()


@needs_tesseract
@pytest.mark.django_db
def test_a_picture_with_no_words_is_refused_plainly_on_the_page(driver: User) -> None:
    upload = SimpleUploadedFile("blank.png", blank_picture(), "image/png")
    response = client_for(driver).post(URL, {"notice_file": upload})
    assert response.status_code == 400
    assert "found no words in this picture" in response.content.decode()


@pytest.mark.django_db
def test_a_picture_claiming_8000_by_8000_is_refused_plainly_on_the_page(driver: User) -> None:
    upload = SimpleUploadedFile("huge.png", png_bomb_header(8000, 8000), "image/png")
    response = client_for(driver).post(URL, {"notice_file": upload})
    assert response.status_code == 400
    assert "far more pixels than any phone screenshot" in response.content.decode()
    assert not Case.objects.exists()
