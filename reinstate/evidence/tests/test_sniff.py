from __future__ import annotations

import pytest

from reinstate.evidence.sniff import EvidenceFileError, sniff
from reinstate.testing import files


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (files.jpeg(), "image/jpeg"),
        (files.png(), "image/png"),
        (files.heic(), "image/heic"),
        (files.pdf(), "application/pdf"),
        (b"GIF89a" + b"\x00" * 20, "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", "video/quicktime"),
        (b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00", "audio/mp4"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"OggS\x00\x02", "audio/ogg"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm", "video/webm"),
        ("Chat with support, 3 Nov: “your case is escalated”".encode(), "text/plain"),
        (b"From: support@flex.amazon.com\nSubject: Your account\n\nHello", "message/rfc822"),
        (b'<?xml version="1.0"?><gpx version="1.1"><trk></trk></gpx>', "application/gpx+xml"),
    ],
)
def test_it_names_a_file_from_its_first_bytes(data: bytes, media_type: str) -> None:
    assert sniff(data[:4096], "no-extension").media_type == media_type


def test_it_ignores_a_name_that_agrees_with_the_family() -> None:
    # An iPhone screenshot saved as .jpg is still a picture: no complaint.
    assert sniff(files.png(), "IMG_0001.JPG").media_type == "image/png"


@pytest.mark.parametrize(
    "data",
    [
        files.HTML_AS_PNG,
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"  <script>fetch('/')</script>",
        b"<?xml version='1.0'?><root/>",
    ],
)
def test_it_refuses_markup_that_a_browser_would_run(data: bytes) -> None:
    with pytest.raises(EvidenceFileError, match="web page or other markup"):
        sniff(data, "receipt.png")


def test_it_refuses_a_file_named_as_a_picture_that_is_not_one() -> None:
    with pytest.raises(EvidenceFileError, match="named like a picture but it is really a PDF"):
        sniff(files.pdf(), "photo.png")


def test_it_refuses_an_empty_file_and_unknown_bytes() -> None:
    with pytest.raises(EvidenceFileError, match="empty"):
        sniff(b"", "x.jpg")
    with pytest.raises(EvidenceFileError, match="can't tell what kind of file"):
        sniff(b"\x00\x01\x02\x03garbage\x00", "x.bin")


def test_a_multibyte_character_cut_at_the_end_is_still_text() -> None:
    text = ("é" * 2048).encode()  # 4096 bytes; cut at 4095 splits a character
    assert sniff(text[:4095], "notes.txt").family == "text"
