"""Evidence files made on the spot: phone photos with EXIF, screenshots, PDFs, videos and
recordings, and the hostile files the locker must refuse."""

from __future__ import annotations

import io
import struct
import wave
import zlib
from datetime import UTC, datetime

import pillow_heif
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from reinstate.lib.pictures import MAX_JPEG_PIXELS

LA = (34.052235, -118.243683)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 4)
    return IFDRational(degrees), IFDRational(minutes), IFDRational(int(seconds * 10000), 10000)


def phone_exif(
    *,
    taken: str | None = "2026:11:02 14:03:05",
    offset: str | None = "-08:00",
    gps: tuple[float, float] | None = LA,
    camera: tuple[str, str] = ("Apple", "iPhone 13"),
    orientation: int | None = None,
) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = camera
    if orientation:
        exif[0x0112] = orientation
    sub = exif.get_ifd(0x8769)
    if taken:
        sub[0x9003] = taken
    if offset:
        sub[0x9011] = offset
    if gps:
        lat, lon = gps
        block = exif.get_ifd(0x8825)
        block[1], block[2] = ("N" if lat >= 0 else "S"), _dms(lat)
        block[3], block[4] = ("E" if lon >= 0 else "W"), _dms(lon)
    return exif


def jpeg(
    size: tuple[int, int] = (640, 480),
    *,
    color: tuple[int, int, int] = (90, 140, 200),
    exif: Image.Exif | None = None,
    quality: int = 85,
) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.save(out, "JPEG", quality=quality, exif=exif if exif is not None else phone_exif())
    return out.getvalue()


def png(
    size: tuple[int, int] = (390, 844), color: tuple[int, int, int, int] = (0, 0, 0, 0)
) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, color).save(out, "PNG")
    return out.getvalue()


def heic(size: tuple[int, int] = (320, 240), *, exif: Image.Exif | None = None) -> bytes:
    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 60, 60))
    image.save(out, "HEIF", exif=(exif or phone_exif()).tobytes())
    return out.getvalue()


def pdf(text: str = "Invoice 4411: brake pads replaced", pages: int = 2) -> bytes:
    """A small PDF whose pages carry real text (Helvetica), written by hand."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for number in range(pages):
        content = f"BT /F1 14 Tf 72 720 Td ({text} page {number + 1}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + 2 * number}"
            " 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content.decode()}\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{index} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 100_000) -> bytes:
    """A PNG whose header claims side by side pixels (10 gigapixels) in a few bytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _png_chunk(b"IEND", b"")
    )


def jpeg_bomb() -> bytes:
    """A real JPEG whose frame header is rewritten to claim more pixels than the limit."""
    data = bytearray(jpeg((64, 64)))
    sof = data.index(b"\xff\xc0")
    side = int(MAX_JPEG_PIXELS**0.5) + 2000
    data[sof + 5 : sof + 9] = struct.pack(">HH", side, side)
    return bytes(data)


def garbage_exif_jpeg() -> bytes:
    """A photo whose EXIF block is noise after a valid-looking TIFF header."""
    base = jpeg(exif=Image.Exif())
    garbage = b"Exif\x00\x00II*\x00\x08\x00\x00\x00" + bytes(range(256)) * 4
    app1 = b"\xff\xe1" + struct.pack(">H", len(garbage) + 2) + garbage
    return base[:2] + app1 + base[2:]


def box(kind: bytes | str, *parts: bytes) -> bytes:
    """An ISO base media box: a 32-bit size, a four-character type, the contents."""
    body = b"".join(parts)
    name = kind.encode("latin-1") if isinstance(kind, str) else kind
    return struct.pack(">I", len(body) + 8) + name + body


def _data(text: str) -> bytes:
    return box("data", struct.pack(">II", 1, 0), text.encode())  # type 1: UTF-8


def _mvhd(version: int, created: datetime | None, duration_s: float) -> bytes:
    seconds = int((created - datetime(1904, 1, 1, tzinfo=UTC)).total_seconds()) if created else 0
    scale = 600
    ticks = round(duration_s * scale)
    if version == 1:
        times = struct.pack(">QQIQ", seconds, seconds, scale, ticks)
    else:
        times = struct.pack(">IIII", seconds, seconds, scale, ticks)
    rest = struct.pack(">IH", 0x00010000, 0x0100) + bytes(10 + 36 + 24) + struct.pack(">I", 2)
    return box("mvhd", bytes([version, 0, 0, 0]), times, rest)


def _apple_meta(keys: dict[str, str]) -> bytes:
    """moov/meta as an iPhone writes it: no version, a handler, the keys, then the values
    named by the keys' numbers."""
    handler = box("hdlr", bytes(8), b"mdta", bytes(13))
    names = b"".join(box("mdta", key.encode()) for key in keys)
    values = b"".join(
        box(struct.pack(">I", number), _data(value))
        for number, value in enumerate(keys.values(), start=1)
    )
    return box(
        "meta",
        handler,
        box("keys", bytes(4), struct.pack(">I", len(keys)), names),
        box("ilst", values),
    )


def mp4(
    *,
    brand: bytes = b"isom",
    created: datetime | None = datetime(2026, 11, 2, 22, 3, 5, tzinfo=UTC),
    duration_s: float = 92.4,
    mvhd_version: int = 0,
    xyz: str | None = None,
    day: str | None = None,
    apple: dict[str, str] | None = None,
    media: bytes = bytes(2048),
    large_mdat: bool = False,
) -> bytes:
    """A video (or M4A recording) laid out as a phone writes it: ftyp, the media (mdat), then
    the movie box with its header (mvhd), user data (©xyz; ©day in an iTunes-style list)
    and Apple's metadata keys. large_mdat writes the media's size in the 64-bit form."""
    ftyp = box("ftyp", brand, struct.pack(">I", 0), brand, b"mp42")
    mdat = (
        struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", len(media) + 16) + media
        if large_mdat
        else box("mdat", media)
    )
    user: list[bytes] = []
    if xyz is not None:
        user.append(box("\xa9xyz", struct.pack(">HH", len(xyz), 0x15C7), xyz.encode()))
    if day is not None:
        handler = box("hdlr", bytes(8), b"mdir", b"appl", bytes(9))
        user.append(box("meta", bytes(4), handler, box("ilst", box("\xa9day", _data(day)))))
    moov = [_mvhd(mvhd_version, created, duration_s)]
    if user:
        moov.append(box("udta", *user))
    if apple:
        moov.append(_apple_meta(apple))
    return ftyp + mdat + box("moov", *moov)


def iphone_mov() -> bytes:
    """An iPhone video: local time with offset, place and model in Apple's keys; its mvhd
    says a few seconds later in UTC, as when the clip was saved."""
    return mp4(
        brand=b"qt  ",
        created=datetime(2026, 11, 2, 22, 3, 9, tzinfo=UTC),
        apple={
            "com.apple.quicktime.location.ISO6709": "+34.0522-118.2437+087.000/",
            "com.apple.quicktime.make": "Apple",
            "com.apple.quicktime.model": "iPhone 13",
            "com.apple.quicktime.creationdate": "2026-11-02T14:03:05-0800",
        },
    )


def wav(seconds: float = 3.0, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(bytes(2 * int(seconds * rate)))
    return out.getvalue()


HTML_AS_PNG = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"


def locked_pdf(*, open_password: str = "", text: str = "Pay statement: week 45") -> bytes:
    """A PDF encrypted with AES-256, as banks and payroll send them. With no open password it
    is locked only against editing and opens in every viewer; with one, it needs it to open."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(text))))
    owner = "the bank"  # the password that would allow editing: no one here needs it
    writer.encrypt(user_password=open_password, owner_password=owner, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
