"""The recording time, length and place held in an ISO base media file (MP4, MOV, 3GP, M4A).

Pure: no Django. No library exposes these boxes (mutagen reads neither mvhd's creation time
nor the ©xyz place), so this reads them itself. A file may be a multi-gigabyte dashcam clip
or one built to hurt the server: only box headers and a few small boxes are read, the rest is
skipped by seeking, and every size is checked against the box around it before it is trusted.
Anything broken raises BadBoxes, and then nothing in the file is trusted.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

# A phone's movie box holds a few hundred boxes (we never enter the tracks); more is a file
# built to keep the server busy.
MAX_BOXES = 10_000
MAX_DEPTH = 6  # moov/meta/ilst/item/data is the deepest box we read
MAX_SMALL = 64 * 1024  # mvhd, keys and a metadata item are tiny; cover art is not read

# Apple's metadata keys (moov/meta/keys) and the QuickTime user-data atoms that we read.
APPLE_CREATED = "com.apple.quicktime.creationdate"
APPLE_LOCATION = "com.apple.quicktime.location.ISO6709"
APPLE_MAKE = "com.apple.quicktime.make"
APPLE_MODEL = "com.apple.quicktime.model"
XYZ, DAY = "\xa9xyz", "\xa9day"
WANTED = {APPLE_CREATED, APPLE_LOCATION, APPLE_MAKE, APPLE_MODEL, XYZ, DAY}
_UTF8 = 1  # the well-known type of a "data" value that is UTF-8 text
_MAX_TEXT = 200


class BadBoxes(ValueError):
    """The box structure is broken, cut short or hostile."""


@dataclass
class MediaBoxes:
    created: int | None = None  # mvhd creation_time: seconds since 1904-01-01 UTC
    duration_s: float | None = None
    tags: dict[str, str] = field(default_factory=dict)  # a WANTED name -> its text


@dataclass(frozen=True)
class _Box:
    kind: bytes
    start: int  # where its contents begin
    end: int


def read_boxes(handle: BinaryIO, size: int) -> MediaBoxes:
    """The facts in the file's movie box (moov). Raises BadBoxes when the structure is broken
    or there is no movie box (a recording cut off before the phone finished writing it)."""
    walker = _Walker(handle)
    for box in walker.boxes(0, size, 0):
        if box.kind == b"moov":
            found = MediaBoxes()
            walker.moov(box, found)
            # What follows the movie box (the media, or thousands of fragments of a long
            # recording) holds nothing we read.
            return found
    raise BadBoxes("no movie box")


class _Walker:
    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.count = 0

    def boxes(self, start: int, end: int, depth: int) -> Iterator[_Box]:
        """The boxes between start and end, each checked to lie inside them."""
        if depth > MAX_DEPTH:
            raise BadBoxes("boxes nested too deep")
        position = start
        while position < end:
            self.count += 1
            if self.count > MAX_BOXES:
                raise BadBoxes("too many boxes")
            size, kind, header = self._header(position, end)
            if size == 0:  # "to the end of the file": only the last box of the file may say so
                if depth:
                    raise BadBoxes("a box of size 0 inside another")
                size = end - position
            if size < header or size > end - position:
                raise BadBoxes("a box claims a size it does not have")
            yield _Box(kind, position + header, position + size)
            position += size

    def _header(self, position: int, end: int) -> tuple[int, bytes, int]:
        if end - position < 8:
            raise BadBoxes("a box header is cut off")
        self.handle.seek(position)
        head = self.handle.read(8)
        if len(head) < 8:
            raise BadBoxes("a box header is cut off")
        size, kind = struct.unpack(">I4s", head)
        if size != 1:
            return size, kind, 8
        large = self.handle.read(8) if end - position >= 16 else b""
        if len(large) < 8:
            raise BadBoxes("a 64-bit box size is cut off")
        return int.from_bytes(large, "big"), kind, 16

    def read(self, box: _Box) -> bytes | None:
        """A small box's contents; None for one too large to be what we look for."""
        if box.end - box.start > MAX_SMALL:
            return None
        self.handle.seek(box.start)
        data = self.handle.read(box.end - box.start)
        if len(data) < box.end - box.start:
            raise BadBoxes("the file ends inside a box")
        return data

    def moov(self, moov: _Box, found: MediaBoxes) -> None:
        for box in list(self.boxes(moov.start, moov.end, 1)):
            if box.kind == b"mvhd":
                _movie_header(self.read(box) or b"", found)
            elif box.kind == b"udta":
                self._user_data(box, found)
            elif box.kind == b"meta":
                self._meta(box, found, 2)

    def _user_data(self, udta: _Box, found: MediaBoxes) -> None:
        for box in list(self.boxes(udta.start, udta.end, 2)):
            name = box.kind.decode("latin-1")
            if name in (XYZ, DAY):
                # A QuickTime text atom: a 16-bit length, a 16-bit language, the text.
                data = self.read(box) or b""
                if len(data) >= 4:
                    length = int.from_bytes(data[:2], "big")
                    found.tags.setdefault(name, _text(data[4 : 4 + length]))
            elif box.kind == b"meta":
                self._meta(box, found, 3)

    def _meta(self, meta: _Box, found: MediaBoxes, depth: int) -> None:
        # ISO's meta starts with a version and flags; QuickTime's goes straight to its boxes.
        self.handle.seek(meta.start)
        start = meta.start if self.handle.read(8)[4:8] == b"hdlr" else meta.start + 4
        children = list(self.boxes(start, meta.end, depth))
        keys: list[str] = []
        for box in children:
            if box.kind == b"keys":
                keys = _keys(self.read(box) or b"")
        for box in children:
            if box.kind == b"ilst":
                for item in list(self.boxes(box.start, box.end, depth + 1)):
                    self._item(item, keys, found, depth + 2)

    def _item(self, item: _Box, keys: list[str], found: MediaBoxes, depth: int) -> None:
        index = int.from_bytes(item.kind, "big")  # Apple's items are named by a key's number
        name = keys[index - 1] if 0 < index <= len(keys) else item.kind.decode("latin-1")
        if name not in WANTED or name in found.tags:
            return
        for box in self.boxes(item.start, item.end, depth):
            data = self.read(box) if box.kind == b"data" else None
            if data and len(data) >= 8 and int.from_bytes(data[1:4], "big") == _UTF8:
                found.tags[name] = _text(data[8:])
                return


def _movie_header(data: bytes, found: MediaBoxes) -> None:
    """mvhd: version 0 has 32-bit times and duration, version 1 has 64-bit ones."""
    if data[:1] == b"\x00" and len(data) >= 20:
        created, _, scale, duration = struct.unpack(">IIII", data[4:20])
        unknown = 0xFFFFFFFF
    elif data[:1] == b"\x01" and len(data) >= 32:
        created, _, scale, duration = struct.unpack(">QQIQ", data[4:32])
        unknown = 0xFFFFFFFFFFFFFFFF
    else:
        return
    found.created = created or None  # 0: the recorder did not know the time
    if scale and duration != unknown:
        found.duration_s = round(duration / scale, 3)


def _keys(data: bytes) -> list[str]:
    """keys: version and flags, a count, then each key's size, namespace and name."""
    if len(data) < 8:
        return []
    count = int.from_bytes(data[4:8], "big")
    names: list[str] = []
    position = 8
    while len(names) < count and position + 8 <= len(data):
        size = int.from_bytes(data[position : position + 4], "big")
        if size < 8 or position + size > len(data):
            raise BadBoxes("a metadata key claims a size it does not have")
        names.append(data[position + 8 : position + size].decode("utf-8", errors="replace"))
        position += size
    return names


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").strip("\x00 ")[:_MAX_TEXT]
