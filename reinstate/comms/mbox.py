"""Splitting an mbox into its messages, streamed: memory holds one message, not the file.

Pure, no Django. The file is read in 1 MB blocks; a message starts at a "From " line at the
start of the file or after a blank line (mboxo/mboxrd), and ">From " lines are unescaped. A
message larger than `max_bytes` is skipped without being held. A file that ends in the middle
of a message (a cut-short download) gives the complete ones and a problem for the last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from reinstate.lib.i18n import _, gettext_noop

BLOCK = 1 << 20
# A separator: a blank line, then a "From " line (its end included).
_SEPARATOR = re.compile(rb"\n\r?\n(From [^\n]*\n)")
# mboxrd: ">From " and ">>From " at the start of a line lose one ">" (the first line never
# starts with one: it is a header).
_ESCAPED_FROM = re.compile(rb"\n>(>*From )")
_BOUNDARY = re.compile(rb'boundary="?([^";\r\n]+)"?', re.I)
HEAD_END = re.compile(rb"\r?\n\r?\n")

# The problems are English here (NOT_MBOX is compared); read_mbox shows them translated.
CUT_SHORT = gettext_noop("The file ends in the middle of this message (was it cut short?).")
NOT_MBOX = gettext_noop("This is not an mbox file: no message in it starts with a “From ” line.")
BEFORE_FIRST = gettext_noop("This text comes before the first message; it was left out.")


def split_mbox(source: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, bytes, str]]:
    """(number, raw message, problem) for each message; raw is b"" when there is a problem."""
    buffer = b""
    number = 0
    dropping = False  # inside a message over max_bytes: its bytes are not kept
    scanned = 0  # where the next search for a separator starts
    at_end = False
    while not at_end:
        block = source.read(BLOCK)
        at_end = not block
        buffer += block
        if number == 0:
            buffer, number, problem = _first(buffer, at_end)
            if problem:
                yield 0, b"", problem
            if problem == NOT_MBOX:
                return
            if number == 0:
                continue
        while True:
            found = _SEPARATOR.search(buffer, scanned)
            if found is None:
                break
            message = buffer[: found.start() + 1]
            too_large = dropping or len(message) > max_bytes
            yield (number, b"", _too_large(max_bytes)) if too_large else _message(number, message)
            number += 1
            buffer, scanned, dropping = buffer[found.end() :], 0, False
        scanned = max(0, len(buffer) - 300)  # a separator may span this block and the next
        if len(buffer) > max_bytes:
            # Keep only the tail a separator could start in; the rest of this message is dropped.
            dropping, buffer, scanned = True, buffer[-300:], 0
    if number == 0:
        return
    if dropping:
        yield number, b"", _too_large(max_bytes)
    elif not buffer.strip():
        return
    elif len(buffer) > max_bytes:
        yield number, b"", _too_large(max_bytes)
    elif not buffer.endswith(b"\n") or _unfinished(buffer):
        yield number, b"", CUT_SHORT
    else:
        yield _message(number, buffer)


def _first(buffer: bytes, at_end: bool) -> tuple[bytes, int, str]:
    """Find the first "From " line: (what follows it, 1, problem), or (buffer, 0, problem)."""
    if buffer.startswith(b"From "):
        line_end = buffer.find(b"\n")
        if line_end < 0:
            return buffer, 0, CUT_SHORT if at_end else ""
        return buffer[line_end + 1 :], 1, ""
    found = _SEPARATOR.search(buffer)
    if found is not None:
        before = BEFORE_FIRST if buffer[: found.start()].strip() else ""
        return buffer[found.end() :], 1, before
    if at_end:
        return b"", 0, NOT_MBOX if buffer.strip() else ""
    if len(buffer) > 2 * BLOCK:
        return b"", 0, NOT_MBOX  # megabytes without a "From " line: not an mbox
    return buffer, 0, ""


def _message(number: int, raw: bytes) -> tuple[int, bytes, str]:
    if b">From " in raw:
        raw = _ESCAPED_FROM.sub(rb"\n\1", raw)
    return number, raw, ""


def _too_large(max_bytes: int) -> str:
    return _("Larger than %(size)s MB.") % {"size": max_bytes // 1_000_000}


def _unfinished(raw: bytes) -> bool:
    """The last message lacks its end: no blank line after the headers, or an open MIME part."""
    head_end = HEAD_END.search(raw)
    if head_end is None:
        return True
    boundary = _BOUNDARY.search(raw, 0, head_end.start())
    if boundary is None:
        return False
    return b"--" + boundary.group(1) + b"--" not in raw[-4096:]
