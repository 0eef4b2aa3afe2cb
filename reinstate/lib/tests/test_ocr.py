"""Reading notices from screenshots drawn in the test: the same four fields as the text."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from reinstate.lib.notice_file import NoticeInputError, notice_from_file, notice_from_screenshots
from reinstate.lib.ocr import ScreenshotError, picture_type, read_screenshot
from reinstate.testing.notice_sets import fields, load
from reinstate.testing.screenshots import (
    blank_picture,
    needs_tesseract,
    phone_screenshot,
    png_bomb_header,
)

DEV = {notice["id"]: notice for notice in load("dev")}
# A deadline with a time, a date, a period ("within 7 days" wrapped on a phone), Spanish, Shipt.
SOME = ["D01", "D07", "D15", "D26", "D23"]


@needs_tesseract
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("notice_id", SOME)
def test_a_screenshot_reads_as_the_text_does(notice_id: str, dark: bool) -> None:
    notice = DEV[notice_id]
    reading = read_screenshot(phone_screenshot(notice["text"], dark=dark))
    assert fields({**notice, "text": reading.text}) == fields(notice)
    assert reading.confidence > 80
    assert reading.engine.startswith("tesseract ")


@needs_tesseract
@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_jpeg_and_webp_screenshots_are_read(image_format: str) -> None:
    notice = DEV["D03"]
    data = phone_screenshot(notice["text"], image_format=image_format)
    assert fields({**notice, "text": read_screenshot(data).text}) == fields(notice)


@needs_tesseract
def test_a_heic_screenshot_is_read() -> None:
    import pillow_heif

    notice = DEV["D11"]
    picture = Image.open(io.BytesIO(phone_screenshot(notice["text"])))
    out = io.BytesIO()
    try:
        pillow_heif.from_pillow(picture).save(out, quality=90)
    except (RuntimeError, ValueError, OSError) as error:
        pytest.skip(f"This libheif cannot write HEIC to test with: {error}")
    assert fields({**notice, "text": read_screenshot(out.getvalue()).text}) == fields(notice)


@needs_tesseract
def test_a_small_screenshot_is_enlarged_and_read() -> None:
    notice = DEV["D01"]
    # An older phone's 640 px screen: small text, doubled before reading.
    data = phone_screenshot(notice["text"], width=640)
    assert fields({**notice, "text": read_screenshot(data).text}) == fields(notice)


@needs_tesseract
def test_a_full_size_phone_screenshot_is_read() -> None:
    # How long it takes is measured in `make bench` (bench/ocr.py), beside Tesseract's own
    # command line: a time asserted here would fail on a loaded machine.
    notice = DEV["D01"]
    data = phone_screenshot(notice["text"])
    assert Image.open(io.BytesIO(data)).size == (1170, 2532)
    assert fields({**notice, "text": read_screenshot(data).text}) == fields(notice)


@needs_tesseract
def test_two_screenshots_of_one_notice_are_joined_in_order() -> None:
    first = "Dear Partner,\nWe have decided to end your participation in the Amazon Flex program."
    second = "You may appeal this decision within 10 calendar days of this message."
    notice = notice_from_screenshots(
        [(phone_screenshot(first), "one.png"), (phone_screenshot(second), "two.png")]
    )
    end_of_first, start_of_second = notice.text.index("Flex program."), notice.text.index("You may")
    assert notice.text.index("Dear Partner") < end_of_first < start_of_second
    assert "\n\n" in notice.text[end_of_first:start_of_second]
    assert notice.ocr is not None and notice.filename == "one.png, two.png"


@needs_tesseract
def test_a_picture_with_no_words_gets_a_clear_message() -> None:
    with pytest.raises(ScreenshotError, match="found no words in this picture"):
        read_screenshot(blank_picture())


def test_a_png_claiming_8000_by_8000_is_refused_before_decoding(monkeypatch) -> None:
    def no_decoding(*args: object) -> None:
        raise AssertionError("the picture was decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr("PIL.ImageFile.ImageFile.load", no_decoding)
    with pytest.raises(ScreenshotError, match="far more pixels than any phone screenshot"):
        read_screenshot(png_bomb_header(8000, 8000))


def test_a_file_that_is_not_a_picture_gets_a_clear_message() -> None:
    with pytest.raises(NoticeInputError, match="named like a picture but it is not one"):
        notice_from_file(b"<html><body>hello</body></html>", "notice.png")
    with pytest.raises(NoticeInputError, match="not text, nor a picture"):
        notice_from_file(b"\x00\x01\x02\xff" * 100, "notice")
    with pytest.raises(ScreenshotError, match="not a picture we can read"):
        read_screenshot(b"%PDF-1.7\n")


def test_a_damaged_picture_gets_a_clear_message() -> None:
    with pytest.raises(NoticeInputError, match="damaged"):
        notice_from_file(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "notice.png")


def test_without_tesseract_the_driver_is_told_to_paste(monkeypatch) -> None:
    monkeypatch.setattr("pytesseract.pytesseract.tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ScreenshotError, match="Paste the notice's text instead"):
        read_screenshot(phone_screenshot("Your account has been deactivated."))


@needs_tesseract
@pytest.mark.parametrize("notice_id", ["D11", "D29"])
def test_a_mail_app_screenshot_from_a_smaller_phone_reads_as_the_text(notice_id: str) -> None:
    # An iPhone XR's 828 px screen, saved as JPEG by a share sheet, under the mail's headers.
    notice = DEV[notice_id]
    headers = "From: Support <no-reply@support.example>\nSubject: About your account"
    text = f"{headers}\n\n{notice['text']}"
    data = phone_screenshot(text, width=828, image_format="JPEG", title="Inbox")
    reading = read_screenshot(data)
    assert fields({**notice, "text": reading.text}) == fields({**notice, "text": text})


def test_it_knows_avif_and_heif_stills_by_their_brands() -> None:
    def ftyp(*brands: bytes) -> bytes:
        return b"\x00\x00\x00\x1cftyp" + brands[0] + b"\x00\x00\x00\x00" + b"".join(brands[1:])

    assert picture_type(ftyp(b"avif", b"avif", b"mif1")) == "image/avif"
    assert picture_type(ftyp(b"avci", b"avci", b"miaf")) == "image/heic"
    assert picture_type(ftyp(b"isom", b"isom", b"mp42")) is None  # a video
