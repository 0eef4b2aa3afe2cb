"""Photos as phones and editors really save them (issue 15): AVIF, HEIF stills whose main
brand is not a HEIC one, and capture times held only in XMP."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from reinstate.evidence.file_facts import inspect_file
from reinstate.evidence.sniff import sniff

XMP_ATTRIBUTE = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:DateTimeOriginal="2026-11-03T10:02:17.250-08:00"/></rdf:RDF></x:xmpmeta>'
)
XMP_ELEMENT = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
    b"<xmp:CreateDate>2026-11-03T18:02Z</xmp:CreateDate></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def ftyp(main: bytes, *compatible: bytes) -> bytes:
    body = main + b"\x00\x00\x00\x00" + b"".join(compatible)
    return (8 + len(body)).to_bytes(4, "big") + b"ftyp" + body + b"\x00\x00\x00\x08free"


def saved(fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, fmt, **options)
    return out.getvalue()


def test_it_names_an_avif_a_photo() -> None:
    found = sniff(saved("AVIF"), "IMG_0042.avif")
    assert (found.media_type, found.family) == ("image/avif", "image")


def test_it_reads_the_brands_a_heif_still_is_compatible_with() -> None:
    assert sniff(ftyp(b"avci", b"avci", b"mif1", b"miaf"), "IMG.HEIC").media_type == "image/heic"
    assert sniff(ftyp(b"msf1", b"msf1"), "burst.heic").family == "image"
    # A video stays a video, even one that lists an image brand among its others.
    assert sniff(ftyp(b"isom", b"isom", b"mif1", b"mp42"), "clip.mp4").family == "video"
    assert sniff(ftyp(b"mp42", b"mp42", b"isom"), "clip.mp4").family == "video"


def test_it_reads_an_avif_with_its_exif_time(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:11:03 10:02:17"  # DateTimeOriginal
    path = tmp_path / "photo.avif"
    path.write_bytes(saved("AVIF", exif=exif.tobytes()))
    facts = inspect_file(path, "photo.avif")
    assert (facts.media_type, facts.width, facts.height) == ("image/avif", 64, 48)
    assert facts.taken_local == "2026-11-03T10:02:17"


@pytest.mark.parametrize(
    ("xmp", "local", "offset"),
    [
        (XMP_ATTRIBUTE, "2026-11-03T10:02:17", "-08:00"),
        (XMP_ELEMENT, "2026-11-03T18:02:00", "+00:00"),
    ],
)
def test_it_takes_the_capture_time_from_xmp_when_exif_has_none(
    tmp_path: Path, xmp: bytes, local: str, offset: str
) -> None:
    path = tmp_path / "edited.jpg"
    path.write_bytes(saved("JPEG", xmp=xmp))
    facts = inspect_file(path, "edited.jpg")
    assert (facts.taken_local, facts.taken_offset) == (local, offset)
    assert facts.notes == ["The photo has no readable GPS position."]


def test_a_photo_with_neither_says_it_has_no_time(tmp_path: Path) -> None:
    path = tmp_path / "plain.jpg"
    path.write_bytes(saved("JPEG"))
    facts = inspect_file(path, "plain.jpg")
    assert facts.taken_local is None
    assert facts.notes == ["The photo carries no time or place (it has no EXIF block)."]
