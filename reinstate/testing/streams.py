"""Streams for hostile-input tests and benchmarks: a gigabyte made only as it is read, and a
reader that counts what is read from another (a refusal must come after a bounded read)."""

from __future__ import annotations

import io

GIB = 1024**3


class Garbage(io.RawIOBase):
    """A gigabyte stream made on demand: `head`, then `filler` over and over; nothing of it
    exists until it is read."""

    def __init__(self, head: bytes, filler: bytes, size: int = GIB) -> None:
        self.head, self.filler, self.size, self.pos = head, filler, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = offset
        return offset

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self.size - self.pos)
        out = bytearray(self.head[self.pos : self.pos + count])
        rest = count - len(out)
        if rest:
            start = (self.pos + len(out)) % len(self.filler)
            out += (self.filler * ((start + rest) // len(self.filler) + 1))[start : start + rest]
        buffer[:count] = out
        self.pos += count
        return count


class Counted(io.RawIOBase):
    """Another stream, counting the reads made of it and the bytes they return."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self.raw, self.reads, self.bytes_read = raw, 0, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.raw.seek(offset, whence)

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = self.raw.readinto(buffer) or 0
        self.reads, self.bytes_read = self.reads + 1, self.bytes_read + count
        return count
