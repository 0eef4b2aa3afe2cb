"""What can be read from an evidence file: its type, a photo's time, place and camera, a
video's or recording's time, length and place, a PDF's pages and text. Pure: no Django; the
file is on disk and is only read.

Anything that cannot be read (garbage in an EXIF block, a PDF's text, a video's broken boxes)
is noted in plain words and the rest is kept: a photo with an unreadable time is still the
driver's photo.
"""

from __future__ import annotations

import math
import re
import tempfile
import wave
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from PIL import Image
from pypdf import PdfReader

from reinstate.evidence import media_boxes
from reinstate.evidence.media_boxes import BadBoxes, read_boxes
from reinstate.evidence.pdf_repair import PDF_ERRORS as PDF_ERRORS  # what others catch
from reinstate.evidence.pdf_repair import open_repaired
from reinstate.evidence.sniff import SNIFF_BYTES, EvidenceFileError, Sniffed, sniff
from reinstate.lib.i18n import _, gettext_noop
from reinstate.lib.pictures import (
    MAX_JPEG_PIXELS,
    TooManyPixels,
    Unreadable,
    open_within_limits,
)

# The pixel limits (lib/pictures.py) are checked from the header, before any decoding.
# Pillow refuses outright at twice its limit and warns above it; ours is checked first.
Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS

MAX_TEXT_CHARS = 1_000_000
# The notes are stored with the file's facts in English; the pages show them with _().
NO_EXIF = gettext_noop("The photo carries no time or place (it has no EXIF block).")
NO_TIME = gettext_noop("The photo has no readable time it was taken.")
NO_GPS = gettext_noop("The photo has no readable GPS position.")
MAX_PDF_TEXT_PAGES = 100

# EXIF tags (CIPA DC-008): the IFDs and the fields we read from them.
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_MAKE, _MODEL = 0x010F, 0x0110
_DATETIME_ORIGINAL, _OFFSET_ORIGINAL = 0x9003, 0x9011
_DATETIME_DIGITIZED, _OFFSET_DIGITIZED = 0x9004, 0x9012
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4
_GPS_TIME, _GPS_DATE = 7, 29

_EXIF_DATETIME = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})$")
_OFFSET = re.compile(r"^[+-](\d{2}):(\d{2})$")

# Videos and recordings in ISO base media files (read in media_boxes), and their clocks.
ISO_MEDIA = {"video/mp4", "video/quicktime", "video/3gpp", "audio/mp4"}
_EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
_UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# A recording longer than a week is a corrupt or forged header, not a dashcam clip.
MAX_DURATION_S = 7 * 24 * 3600
_ISO_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$"
)
_ISO_6709 = re.compile(r"^([+-][\d.]+)([+-][\d.]+)(?:[+-][\d.]+)?(?:CRS[^/]*)?/?$")


@dataclass
class FileFacts:
    media_type: str
    family: str
    label: str
    width: int | None = None
    height: int | None = None
    taken_local: str | None = None  # the photo's clock, as written: 2026-11-02T14:03:05
    taken_offset: str | None = None  # its offset from UTC when the file says: -08:00
    gps_utc: str | None = None  # the GPS receiver's own UTC time, when recorded
    lat: float | None = None
    lon: float | None = None
    camera: str = ""
    pages: int | None = None
    duration_s: float | None = None  # a video's or recording's length
    repaired: bool = False  # a damaged PDF read through poppler's repaired copy (pdf_repair)
    text: str = ""
    notes: list[str] = field(default_factory=list)

    def info(self) -> dict[str, Any]:
        """Everything but the text, for storing beside the blob."""
        facts = asdict(self)
        del facts["text"]
        return facts


def inspect_file(path: Path, name: str = "") -> FileFacts:
    """Read what the file holds. Raises EvidenceFileError for a file we must not keep."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    found: Sniffed = sniff(head, name)
    facts = FileFacts(found.media_type, found.family, found.label)
    if found.family == "image":
        _read_image(path, facts)
    elif found.family == "pdf":
        _read_pdf(path, facts)
    elif found.media_type in ISO_MEDIA:
        _read_media(path, facts)
    elif found.media_type == "audio/wav":
        _read_wav(path, facts)
    elif found.family == "text":
        with path.open("rb") as handle:
            raw = handle.read(MAX_TEXT_CHARS * 4)
        facts.text = raw.decode("utf-8", errors="replace")[:MAX_TEXT_CHARS]
    return facts


def open_image(path: Path, media_type: str) -> Image.Image:
    """Open a picture with the one decoder its content called for, refusing decompression
    bombs before any pixel is decoded."""
    try:
        return open_within_limits(path, media_type)
    except TooManyPixels:
        raise EvidenceFileError(
            _(
                "This picture has far more pixels than any phone photo, so we don't open it "
                "(it could be built to exhaust the server). Nothing was added. "
                "Send a smaller copy or a screenshot."
            )
        ) from None
    except Unreadable as error:
        raise EvidenceFileError(
            _(
                "This picture is damaged and can't be opened. Nothing was added. "
                "Try sending the original photo again."
            )
        ) from error


def _read_image(path: Path, facts: FileFacts) -> None:
    with open_image(path, facts.media_type) as image:
        facts.width, facts.height = image.size
        try:
            _read_exif(image, facts)
        except Exception:  # EXIF is free-form bytes: any failure means "unreadable"
            facts.taken_local = facts.taken_offset = facts.gps_utc = None
            facts.lat = facts.lon = None
            facts.camera = ""
            facts.notes.append(
                gettext_noop(
                    "The photo's details block (EXIF) is damaged, so its time, place and camera "
                    "could not be read. The photo itself is kept as it is."
                )
            )
        if facts.taken_local is None:
            _read_xmp_time(image, facts)


# XMP, the XML some editors and phones write beside (or instead of) EXIF: the capture time, as
# an attribute (exif:DateTimeOriginal="…") or an element (<xmp:CreateDate>…</xmp:CreateDate>).
_XMP_TIME = re.compile(
    rb"(exif:DateTimeOriginal|photoshop:DateCreated|xmp:CreateDate)"
    rb"""(?:\s*=\s*["']|>)\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"""
    rb"(Z|[+-]\d{2}:\d{2})?"
)
_XMP_PREFERENCE = (b"exif:DateTimeOriginal", b"photoshop:DateCreated", b"xmp:CreateDate")


def _read_xmp_time(image: Image.Image, facts: FileFacts) -> None:
    """The capture time from XMP when EXIF gave none; the "no readable time" notes go."""
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    found = {m.group(1): m for m in _XMP_TIME.finditer(xmp[:200_000])}
    match = next((found[name] for name in _XMP_PREFERENCE if name in found), None)
    if match is None:
        return
    stamp = match.group(2).decode()
    local = _exif_datetime(stamp.replace("-", ":", 2) + ("" if stamp.count(":") == 2 else ":00"))
    if local is None:
        return
    zone = (match.group(3) or b"").decode()
    facts.taken_local = local
    facts.taken_offset = "+00:00" if zone == "Z" else _offset(zone) if zone else None
    if NO_EXIF in facts.notes:
        facts.notes[facts.notes.index(NO_EXIF)] = NO_GPS
    facts.notes = [n for n in facts.notes if n != NO_TIME]


def _read_exif(image: Image.Image, facts: FileFacts) -> None:
    exif = image.getexif()
    if not exif:
        if _claimed_entries(image.info.get("exif")):
            # Pillow drops an EXIF block it cannot parse (with a warning): say so.
            raise ValueError("unreadable EXIF block")
        if facts.media_type in {"image/jpeg", "image/heic", "image/avif"}:
            facts.notes.append(NO_EXIF)
        return
    facts.camera = " ".join(
        part for part in (_text(exif.get(_MAKE)), _text(exif.get(_MODEL))) if part
    )[:120]
    sub = exif.get_ifd(_EXIF_IFD)
    stamp, offset = sub.get(_DATETIME_ORIGINAL), sub.get(_OFFSET_ORIGINAL)
    if stamp is None:
        stamp, offset = sub.get(_DATETIME_DIGITIZED), sub.get(_OFFSET_DIGITIZED)
    facts.taken_local = _exif_datetime(_text(stamp))
    facts.taken_offset = _offset(_text(offset)) if facts.taken_local else None
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        position = _position(gps)
        if position is not None:
            facts.lat, facts.lon = position
        facts.gps_utc = _gps_time(gps)
    if facts.taken_local is None:
        facts.notes.append(NO_TIME)
    if facts.lat is None:
        facts.notes.append(NO_GPS)


def _claimed_entries(raw: object) -> int:
    """How many fields the first directory of a raw EXIF block says it holds."""
    if not isinstance(raw, bytes):
        return 0
    tiff = raw.removeprefix(b"Exif\x00\x00")
    if tiff[:2] not in (b"II", b"MM") or len(tiff) < 8:
        return 1  # not even a TIFF header: garbage
    order: Literal["little", "big"] = "little" if tiff[:2] == b"II" else "big"
    start = int.from_bytes(tiff[4:8], order)
    return int.from_bytes(tiff[start : start + 2], order) if start + 2 <= len(tiff) else 1


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="ignore")
    return str(value).strip("\x00 ").strip() if value is not None else ""


def _exif_datetime(value: str) -> str | None:
    match = _EXIF_DATETIME.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(p) for p in match.groups())
    try:
        # The zone is attached later (photos.photo_time); this only checks the date is real.
        when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None
    return when.replace(tzinfo=None).isoformat()


def _offset(value: str) -> str | None:
    match = _OFFSET.match(value)
    if not match or int(match.group(1)) > 14 or int(match.group(2)) >= 60:
        return None
    return value


def _degrees(values: object, ref: object, negative: str) -> float | None:
    if not isinstance(values, tuple) or len(values) != 3:
        return None
    degrees, minutes, seconds = (float(v) for v in values)
    total = degrees + minutes / 60 + seconds / 3600
    if not math.isfinite(total):
        return None
    return -total if _text(ref).upper() == negative else total


def _position(gps: dict[int, Any]) -> tuple[float, float] | None:
    lat = _degrees(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), "S")
    lon = _degrees(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), "W")
    return _place(lat, lon)


def _place(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if lat == 0 and lon == 0:  # "null island": a phone that had no fix writes zeros
        return None
    return round(lat, 6), round(lon, 6)


def _gps_time(gps: dict[int, Any]) -> str | None:
    date = _EXIF_DATE.match(_text(gps.get(_GPS_DATE)))
    clock = gps.get(_GPS_TIME)
    if not date or not isinstance(clock, tuple) or len(clock) != 3:
        return None
    hours, minutes, seconds = (float(v) for v in clock)
    if not all(math.isfinite(v) for v in (hours, minutes, seconds)):
        return None
    year, month, day = (int(p) for p in date.groups())
    try:
        when = datetime(year, month, day, int(hours), int(minutes), int(seconds), tzinfo=UTC)
    except ValueError:
        return None
    return when.isoformat()


LOCKED_NOTE = gettext_noop("The PDF is locked with a password, so its text can't be read.")
REPAIRED_NOTE = gettext_noop(
    "This PDF is damaged, so a copy was repaired to be readable: its pages and text come from "
    "that copy. The file you gave is kept unchanged as the evidence."
)


def open_pdf(path: Path) -> PdfReader | None:
    """The PDF, unlocked when it is locked only against editing (an empty open password, as
    bank and pay statements often are); None when it needs a password to be opened at all."""
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        return None
    return reader


def _read_pdf(path: Path, facts: FileFacts) -> None:
    try:
        opened = open_pdf(path)
        if opened is None:
            facts.notes.append(LOCKED_NOTE)
            return
        reader = opened
        facts.pages = len(reader.pages)
    except PDF_ERRORS as error:
        # pypdf refuses it; poppler may still read it. The original is kept as the evidence,
        # its pages and text are read from the repaired copy (made again for each packet).
        with tempfile.TemporaryDirectory(prefix="reinstate-repair-") as work:
            repaired = open_repaired(path, Path(work))
        if repaired is None:
            raise EvidenceFileError(
                _(
                    "This PDF is damaged and can't be opened. Nothing was added. "
                    "Download or export it again and add the new copy."
                )
            ) from error
        reader = repaired
        facts.pages = len(reader.pages)
        facts.repaired = True
        facts.notes.append(REPAIRED_NOTE)
    texts: list[str] = []
    size = 0
    try:
        for page in reader.pages[:MAX_PDF_TEXT_PAGES]:
            text = page.extract_text() or ""
            texts.append(text)
            size += len(text)
            if size >= MAX_TEXT_CHARS:
                break
    except Exception:  # a page's text is a bonus; the PDF itself is sound
        facts.notes.append(gettext_noop("Some of the PDF's text could not be read."))
    facts.text = "\n".join(texts)[:MAX_TEXT_CHARS]
    if not facts.text.strip():
        facts.notes.append(gettext_noop("The PDF has no text to search (it may be a scan)."))


# By whether the file is a video (True) or a sound recording (False).
_MEDIA_UNREADABLE = {
    True: gettext_noop(
        "The video's details could not be read (the file may be damaged or cut short), "
        "so its time and length are unknown. The video itself is kept as it is."
    ),
    False: gettext_noop(
        "The recording's details could not be read (the file may be damaged or cut short), "
        "so its time and length are unknown. The recording itself is kept as it is."
    ),
}
_NO_MEDIA_TIME = {
    True: gettext_noop("No time of recording could be read from this video."),
    False: gettext_noop("No time of recording could be read from this recording."),
}


def _read_media(path: Path, facts: FileFacts) -> None:
    video = facts.family == "video"
    try:
        with path.open("rb") as handle:
            found = read_boxes(handle, path.stat().st_size)
    except BadBoxes:
        facts.notes.append(_MEDIA_UNREADABLE[video])
        return
    tags = found.tags
    if found.duration_s is not None and 0 < found.duration_s <= MAX_DURATION_S:
        facts.duration_s = found.duration_s
    # Apple's creation date is the phone's clock with its offset and survives editing; mvhd's
    # is UTC (and an edited copy's may be when it was saved); ©day is whatever the maker put.
    stamps = [_iso_time(tags.get(media_boxes.APPLE_CREATED)), _iso_time(tags.get(media_boxes.DAY))]
    with_offset = [s for s in stamps if s and s[1]]
    local_only = [s for s in stamps if s]
    movie = _movie_time(found.created)
    chosen = with_offset[0] if with_offset else movie or (local_only[0] if local_only else None)
    if chosen:
        facts.taken_local, facts.taken_offset = chosen
    place = _iso_6709(tags.get(media_boxes.APPLE_LOCATION) or tags.get(media_boxes.XYZ) or "")
    if place:
        facts.lat, facts.lon = place
    facts.camera = " ".join(
        part
        for part in (tags.get(media_boxes.APPLE_MAKE), tags.get(media_boxes.APPLE_MODEL))
        if part
    )[:120]
    if facts.taken_local is None:
        facts.notes.append(_NO_MEDIA_TIME[video])
    if facts.lat is None and facts.family == "video":
        facts.notes.append(gettext_noop("No place of recording could be read from this video."))


def _movie_time(created: int | None) -> tuple[str, str] | None:
    """mvhd's creation time: seconds since 1904 in UTC, kept as a UTC clock reading."""
    if not created:
        return None
    try:
        when = _EPOCH_1904 + timedelta(seconds=created)
    except OverflowError:
        return None
    if when < _UNIX_EPOCH:  # an unset clock, or seconds since 1970 written by mistake
        return None
    return when.replace(tzinfo=None).isoformat(), "+00:00"


def _iso_time(value: str | None) -> tuple[str, str | None] | None:
    """An ISO 8601 time as (clock, offset): '2026-11-02T14:03:05-0800' or without offset."""
    match = _ISO_TIME.match(value or "")
    if not match:
        return None
    *fields, zone = match.groups()
    year, month, day, hour, minute, second = (int(p) for p in fields)
    try:
        when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None
    offset = None
    if zone:
        offset = "+00:00" if zone == "Z" else _offset(f"{zone[:3]}:{zone[-2:]}")
    return when.replace(tzinfo=None).isoformat(), offset


def _iso_6709(value: str) -> tuple[float, float] | None:
    """An ISO 6709 point, '+34.0522-118.2437+087.000/', in degrees, or degrees and minutes
    (and seconds) run together: +3403.13-11814.62/."""
    match = _ISO_6709.match(value.strip())
    if not match:
        return None
    return _place(_6709_part(match.group(1), 2), _6709_part(match.group(2), 3))


def _6709_part(text: str, degree_digits: int) -> float | None:
    whole, _, fraction = text[1:].partition(".")
    if not whole.isdigit() or not (fraction.isdigit() or not fraction):
        return None
    if len(whole) - degree_digits not in (0, 2, 4):
        return None
    units = [int(whole[:degree_digits])]
    units += [int(whole[i : i + 2]) for i in range(degree_digits, len(whole), 2)]
    last = units[-1] + (float(f"0.{fraction}") if fraction else 0.0)
    value = sum(unit / 60.0**i for i, unit in enumerate(units[:-1])) + last / 60.0 ** (
        len(units) - 1
    )
    return -value if text[0] == "-" else value


def _read_wav(path: Path, facts: FileFacts) -> None:
    try:
        with path.open("rb") as handle, wave.open(handle) as recording:
            frames, rate = recording.getnframes(), recording.getframerate()
            frame_bytes = recording.getnchannels() * recording.getsampwidth()
    except (wave.Error, EOFError, ValueError):  # compressed or broken: the length is a bonus
        return
    if not rate or not frame_bytes:
        return
    # A recorder that stopped early leaves the header's length unset or too large.
    frames = min(frames, path.stat().st_size // frame_bytes)
    if frames and frames / rate <= MAX_DURATION_S:
        facts.duration_s = round(frames / rate, 3)
