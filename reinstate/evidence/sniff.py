"""What a file is, read from its first bytes (magic numbers), never from its name.

Pure: no Django. A name only matters when it contradicts the content (a "photo.png" that is
really a web page), because that is how a disguised file gets past a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

# Enough of the start of a file to tell every type below apart.
SNIFF_BYTES = 4096


class EvidenceFileError(ValueError):
    """A file that cannot be added; the message says why in plain words and what to do."""


@dataclass(frozen=True)
class Sniffed:
    media_type: str
    family: str  # image, pdf, text, audio or video
    label: str  # how a person calls it: "JPEG photo", "PDF"...


# ISO base media files (MP4, MOV, HEIC, AVIF, M4A) name their main brand at bytes 8..12 after
# "ftyp", and the brands they are compatible with from byte 16 to the end of that box. A photo
# may have a main brand we do not list (an iPhone's "avci" still) but lists "mif1" among them.
_HEIF_BRANDS = {
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avci", b"avcs",
}  # fmt: skip
_AVIF_BRANDS = {b"avif", b"avis"}
_VIDEO_BRANDS = {b"isom", b"iso2", b"mp41", b"mp42", b"M4V ", b"avc1", b"dash", b"qt  "}
_AUDIO_BRANDS = {b"M4A ", b"M4B "}
_QUICKTIME_BRAND = b"qt  "

_MARKUP = re.compile(
    rb"^\s*(<\?xml|<!doctype\s+html|<html|<head|<body|<script|<svg|<iframe|<meta|<!--|<a\s)",
    re.IGNORECASE,
)
_GPS_XML = re.compile(rb"<(gpx|kml)[\s>]", re.IGNORECASE)
_EMAIL_HEADERS = re.compile(
    rb"^(Return-Path|Received|From|Delivered-To|MIME-Version|Message-ID|Date):", re.IGNORECASE
)

_FAMILY_OF_EXTENSION = {
    **dict.fromkeys(("jpg", "jpeg", "png", "heic", "heif", "avif", "gif", "webp"), "image"),
    "pdf": "pdf",
    **dict.fromkeys(("mp3", "m4a", "wav", "ogg", "oga", "flac", "amr", "aac"), "audio"),
    **dict.fromkeys(("mp4", "mov", "m4v", "3gp", "webm", "mkv", "avi"), "video"),
}

ACCEPTED = (
    "photos and screenshots (JPEG, HEIC, AVIF, PNG, WebP, GIF), PDFs, text files, "
    "emails (.eml), GPS traces (GPX, KML), audio and video"
)


def sniff(head: bytes, name: str = "") -> Sniffed:
    """The type of a file from its first bytes; refuses what it cannot name or must not keep."""
    if not head:
        raise EvidenceFileError("This file is empty (0 bytes). Choose the file again.")
    found = _binary(head) or _textual(head)
    if found is None:
        raise EvidenceFileError(
            f"We can't tell what kind of file this is. You can add {ACCEPTED}. "
            "Take a screenshot or save it as a PDF instead."
        )
    claimed = _FAMILY_OF_EXTENSION.get(PurePosixPath(name.lower()).suffix.lstrip("."))
    if claimed and claimed != found.family:
        raise EvidenceFileError(
            f"This file is named like {_a(claimed)} but it is really {_a_label(found)}. "
            "Nothing was added. Take a screenshot or save it as a PDF instead."
        )
    return found


def _binary(head: bytes) -> Sniffed | None:
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image/jpeg", "image", "JPEG photo")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image/png", "image", "PNG picture")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("image/gif", "image", "GIF picture")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image/webp", "image", "WebP picture")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Sniffed("audio/wav", "audio", "WAV recording")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed("video/x-msvideo", "video", "AVI video")
    if b"%PDF-" in head[:1024]:
        return Sniffed("application/pdf", "pdf", "PDF")
    if head[4:8] == b"ftyp":
        return _iso_media(head)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        is_webm = b"webm" in head[:64]
        return Sniffed("video/webm" if is_webm else "video/x-matroska", "video", "video")
    if head.startswith(b"OggS"):
        return Sniffed("audio/ogg", "audio", "Ogg recording")
    if head.startswith(b"fLaC"):
        return Sniffed("audio/flac", "audio", "FLAC recording")
    if head.startswith(b"#!AMR"):
        return Sniffed("audio/amr", "audio", "voice recording (AMR)")
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return Sniffed("audio/mpeg", "audio", "MP3 recording")
    return None


def _iso_media(head: bytes) -> Sniffed:
    brand = head[8:12]
    box_end = min(int.from_bytes(head[:4], "big"), len(head))
    compatible = {head[i : i + 4] for i in range(16, box_end - 3, 4)}
    # A video's main brand wins over an image brand it also lists (some phones add "mif1").
    still = compatible if brand not in _VIDEO_BRANDS | _AUDIO_BRANDS else set()
    if brand in _AVIF_BRANDS or still & _AVIF_BRANDS:
        return Sniffed("image/avif", "image", "AVIF photo")
    if brand in _HEIF_BRANDS or still & _HEIF_BRANDS:
        return Sniffed("image/heic", "image", "HEIC photo")
    if brand in _AUDIO_BRANDS:
        return Sniffed("audio/mp4", "audio", "M4A recording")
    if brand == _QUICKTIME_BRAND:
        return Sniffed("video/quicktime", "video", "QuickTime video")
    if brand.startswith(b"3g"):
        return Sniffed("video/3gpp", "video", "3GP video")
    return Sniffed("video/mp4", "video", "MP4 video")


def _textual(head: bytes) -> Sniffed | None:
    """Text is what decodes as UTF-8 and holds no control bytes; markup that a browser would
    run as a page is refused, except the GPS formats drivers export (GPX, KML)."""
    body = head.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in body or not _is_utf8(body):
        return None
    if _MARKUP.match(body):
        if _GPS_XML.search(body):
            return Sniffed("application/gpx+xml", "text", "GPS trace")
        raise EvidenceFileError(
            "This file is a web page or other markup (HTML, SVG, XML), which we don't keep "
            "because it can run code in a browser. Nothing was added. "
            "Save the page as a PDF or take a screenshot instead."
        )
    if _EMAIL_HEADERS.match(body):
        return Sniffed("message/rfc822", "text", "email")
    return Sniffed("text/plain", "text", "text file")


def _is_utf8(body: bytes) -> bool:
    # The sample may end inside a multi-byte character: allow up to 3 bytes cut off.
    for cut in range(4):
        try:
            (body[: len(body) - cut] if cut else body).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def _a(family: str) -> str:
    return {"image": "a picture", "pdf": "a PDF", "audio": "a recording", "video": "a video"}[
        family
    ]


def _a_label(found: Sniffed) -> str:
    article = "an" if found.label[0].lower() in "aeiou" else "a"
    return f"{article} {found.label}"
