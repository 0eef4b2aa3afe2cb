"""What a file is, read from its first bytes (magic numbers), never from its name.

Pure: no Django. A name only matters when it contradicts the content (a "photo.png" that is
really a web page), because that is how a disguised file gets past a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from reinstate.lib.i18n import _, gettext_noop, language

# Enough of the start of a file to tell every type below apart.
SNIFF_BYTES = 4096


class EvidenceFileError(ValueError):
    """A file that cannot be added; the message says why in plain words and what to do."""


@dataclass(frozen=True)
class Sniffed:
    media_type: str
    family: str  # image, pdf, text, audio or video
    label: str  # how a person calls it: "JPEG photo", "PDF"... (stored in English: _() to show)


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
# A GPS trace is XML whose first element is <gpx> or <kml>: what comes before it (the XML
# declaration, comments, a doctype, processing instructions) is passed over, and a <gpx> only
# mentioned in a comment of an SVG does not make it one.
_GPS_ROOT = re.compile(
    rb"^\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)\s*)*<(?:\w+:)?(gpx|kml)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_EMAIL_HEADERS = re.compile(
    rb"^(Return-Path|Received|From|Delivered-To|MIME-Version|Message-ID|Date):", re.IGNORECASE
)

_FAMILY_OF_EXTENSION = {
    **dict.fromkeys(("jpg", "jpeg", "png", "heic", "heif", "avif", "gif", "webp"), "image"),
    "pdf": "pdf",
    **dict.fromkeys(("mp3", "m4a", "wav", "ogg", "oga", "flac", "amr", "aac"), "audio"),
    **dict.fromkeys(("mp4", "mov", "m4v", "3gp", "webm", "mkv", "avi"), "video"),
}

ACCEPTED = gettext_noop(
    "photos and screenshots (JPEG, HEIC, AVIF, PNG, WebP, GIF), PDFs, text files, "
    "emails (.eml), GPS traces (GPX, KML), audio and video"
)
# "This file is named like a picture but it is really a PDF.", by what the name claims.
_NAMED_LIKE = {
    "image": gettext_noop(
        "This file is named like a picture but it is really %(found)s. Nothing was added. "
        "Take a screenshot or save it as a PDF instead."
    ),
    "pdf": gettext_noop(
        "This file is named like a PDF but it is really %(found)s. Nothing was added. "
        "Take a screenshot or save it as a PDF instead."
    ),
    "audio": gettext_noop(
        "This file is named like a recording but it is really %(found)s. Nothing was added. "
        "Take a screenshot or save it as a PDF instead."
    ),
    "video": gettext_noop(
        "This file is named like a video but it is really %(found)s. Nothing was added. "
        "Take a screenshot or save it as a PDF instead."
    ),
}


def sniff(head: bytes, name: str = "") -> Sniffed:
    """The type of a file from its first bytes; refuses what it cannot name or must not keep."""
    if not head:
        raise EvidenceFileError(_("This file is empty (0 bytes). Choose the file again."))
    found = _binary(head) or _textual(head)
    if found is None:
        raise EvidenceFileError(
            _(
                "We can't tell what kind of file this is. You can add %(accepted)s. "
                "Take a screenshot or save it as a PDF instead."
            )
            % {"accepted": _(ACCEPTED)}
        )
    claimed = _FAMILY_OF_EXTENSION.get(PurePosixPath(name.lower()).suffix.lstrip("."))
    if claimed and claimed != found.family:
        raise EvidenceFileError(_(_NAMED_LIKE[claimed]) % {"found": _a_label(found)})
    return found


def _binary(head: bytes) -> Sniffed | None:
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image/jpeg", "image", gettext_noop("JPEG photo"))
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image/png", "image", gettext_noop("PNG picture"))
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("image/gif", "image", gettext_noop("GIF picture"))
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image/webp", "image", gettext_noop("WebP picture"))
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Sniffed("audio/wav", "audio", gettext_noop("WAV recording"))
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed("video/x-msvideo", "video", gettext_noop("AVI video"))
    if b"%PDF-" in head[:1024]:
        return Sniffed("application/pdf", "pdf", gettext_noop("PDF"))
    if head[4:8] == b"ftyp":
        return _iso_media(head)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        is_webm = b"webm" in head[:64]
        return Sniffed(
            "video/webm" if is_webm else "video/x-matroska", "video", gettext_noop("video")
        )
    if head.startswith(b"OggS"):
        return Sniffed("audio/ogg", "audio", gettext_noop("Ogg recording"))
    if head.startswith(b"fLaC"):
        return Sniffed("audio/flac", "audio", gettext_noop("FLAC recording"))
    if head.startswith(b"#!AMR"):
        return Sniffed("audio/amr", "audio", gettext_noop("voice recording (AMR)"))
    if head.startswith(b"ID3") or _mpeg_frames(head):
        return Sniffed("audio/mpeg", "audio", gettext_noop("MP3 recording"))
    return None


# MPEG audio frame headers (ISO 11172-3): bit rates in kbit/s by [MPEG-1?][layer], and sample
# rates by version. Two bytes of 0xFF 0xFB alone do not make an MP3: an HTML page can start so.
_BITRATES = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _frame_length(header: bytes) -> int | None:
    """The length of the MPEG audio frame this header starts, or None if it is not one."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer_bits = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    layer = 4 - layer_bits
    bitrate = _BITRATES[(version == 3, layer)][bitrate_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (header[2] >> 1) & 1
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4
    per_frame = 144 if layer == 2 or version == 3 else 72
    return per_frame * bitrate // rate + padding


def _mpeg_frames(head: bytes) -> bool:
    """An MP3 without a tag: a frame header whose next frame starts where it says."""
    first = _frame_length(head[:4])
    if first is None:
        return False
    return _frame_length(head[first : first + 4]) is not None if first + 4 <= len(head) else True


def _iso_media(head: bytes) -> Sniffed:
    brand = head[8:12]
    box_end = min(int.from_bytes(head[:4], "big"), len(head))
    compatible = {head[i : i + 4] for i in range(16, box_end - 3, 4)}
    # A video's main brand wins over an image brand it also lists (some phones add "mif1").
    still = compatible if brand not in _VIDEO_BRANDS | _AUDIO_BRANDS else set()
    if brand in _AVIF_BRANDS or still & _AVIF_BRANDS:
        return Sniffed("image/avif", "image", gettext_noop("AVIF photo"))
    if brand in _HEIF_BRANDS or still & _HEIF_BRANDS:
        return Sniffed("image/heic", "image", gettext_noop("HEIC photo"))
    if brand in _AUDIO_BRANDS:
        return Sniffed("audio/mp4", "audio", gettext_noop("M4A recording"))
    if brand == _QUICKTIME_BRAND:
        return Sniffed("video/quicktime", "video", gettext_noop("QuickTime video"))
    if brand.startswith(b"3g"):
        return Sniffed("video/3gpp", "video", gettext_noop("3GP video"))
    return Sniffed("video/mp4", "video", gettext_noop("MP4 video"))


def _textual(head: bytes) -> Sniffed | None:
    """Text is what decodes as UTF-8 and holds no control bytes; markup that a browser would
    run as a page is refused, except the GPS formats drivers export (GPX, KML)."""
    body = head.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in body or not _is_utf8(body):
        return None
    if _MARKUP.match(body):
        if _GPS_ROOT.match(body):
            return Sniffed("application/gpx+xml", "text", gettext_noop("GPS trace"))
        raise EvidenceFileError(
            _(
                "This file is a web page or other markup (HTML, SVG, XML), which we don't keep "
                "because it can run code in a browser. Nothing was added. "
                "Save the page as a PDF or take a screenshot instead."
            )
        )
    if _EMAIL_HEADERS.match(body):
        return Sniffed("message/rfc822", "text", gettext_noop("email"))
    return Sniffed("text/plain", "text", gettext_noop("text file"))


def _is_utf8(body: bytes) -> bool:
    # The sample may end inside a multi-byte character: allow up to 3 bytes cut off.
    for cut in range(4):
        try:
            (body[: len(body) - cut] if cut else body).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def _a_label(found: Sniffed) -> str:
    """ "an AVI video" in English; another language names the type in its own words."""
    if language() != "en":
        return _("a file of the type “%(label)s”") % {"label": _(found.label)}
    article = "an" if found.label[0].lower() in "aeiou" else "a"
    return f"{article} {found.label}"
