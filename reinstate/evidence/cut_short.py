"""Whether a JPEG or PNG was cut short, read from its structure without decoding a pixel.

The upload no longer decodes the picture (its preview is made by the queue), yet a photo cut
short while it was copied must still be refused at once, with the reason, while the driver
still has the phone in hand. Walking the file's markers (JPEG) or chunks (PNG) to its end
mark finds that, in a few milliseconds and without holding the picture in memory. Anything
stranger than a cut is left to the decoder in the queued job.

Pure: no Django.
"""

from __future__ import annotations

import mmap
from pathlib import Path

# JPEG markers that stand alone (no length): SOI, the restart markers, TEM.
_STANDALONE = {0xD8, 0x01, *range(0xD0, 0xD8)}
_SOS, _EOI = 0xDA, 0xD9
_PNG = b"\x89PNG\r\n\x1a\n"


def is_cut_short(path: Path, media_type: str) -> bool:
    """True when the file ends before its JPEG end-of-image marker or its PNG IEND chunk."""
    if media_type not in ("image/jpeg", "image/png") or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if media_type == "image/jpeg":
            return not _jpeg_ends(data)
        return not _png_ends(data)


def _jpeg_ends(data: mmap.mmap) -> bool:
    """Walk the segments; after each scan, the entropy-coded data runs to the next marker
    that is not a stuffed 0xFF00 or a restart: the first end-of-image marker says complete.
    Data after it (a phone's trailer, a motion photo's video) is not looked at."""
    size, pos = len(data), 2
    while pos + 1 < size:
        if data[pos] != 0xFF:
            return True  # not a marker where one must be: not a cut, leave it to the decoder
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == _EOI:
            return True
        if marker in _STANDALONE:
            pos += 2
            continue
        if pos + 3 >= size:
            return False
        pos += 2 + ((data[pos + 2] << 8) | data[pos + 3])
        if marker == _SOS:
            pos = _after_scan(data, pos)
    return False


def _after_scan(data: mmap.mmap, pos: int) -> int:
    """The position of the marker that ends the entropy-coded data starting at `pos`."""
    size = len(data)
    while True:
        found = data.find(b"\xff", pos)
        if found < 0 or found + 1 >= size:
            return size
        follower = data[found + 1]
        if follower == 0x00 or 0xD0 <= follower <= 0xD7:
            pos = found + 2
        elif follower == 0xFF:
            pos = found + 1
        else:
            return found


def _png_ends(data: mmap.mmap) -> bool:
    size, pos = len(data), len(_PNG)
    if data[:pos] != _PNG:
        return True  # not for this check
    while pos + 8 <= size:
        length = int.from_bytes(data[pos : pos + 4], "big")
        if data[pos + 4 : pos + 8] == b"IEND":
            return True
        pos += 12 + length  # length, type, data, CRC
    return False
