"""Screenshots of a support chat read into its text: each picture read line by line
(comms/screen_text.py), then joined in the order given, without the lines a scrolled screen
shows twice.

A long chat takes several screenshots; each repeats the app's header, and usually the last
lines of the one before (a scroll is rarely exact). The driver sees the joined text and can
fix it before it is saved (comms/chat_picture_views.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.translation import gettext as _

from reinstate.comms.actions import CommsInputError
from reinstate.comms.screen_text import InsteadWords, read_screen
from reinstate.lib.ocr import ScreenshotError

MAX_PICTURES = 6
_STATUS_BAR = re.compile(r"^\d{1,2}[:.]\d{2}(\s*[AaPp]\.?[Mm]\.?)?$")


def read_chat_pictures(pictures: Sequence[tuple[bytes, str]]) -> str:
    """The chat's text from its screenshots, in the order given; a refusal names the file."""
    if not pictures:
        raise CommsInputError(_("Choose one or more screenshots of the chat."))
    if len(pictures) > MAX_PICTURES:
        raise CommsInputError(
            _("Upload at most %(count)s screenshots at a time.") % {"count": MAX_PICTURES}
        )
    words = InsteadWords(instead=_("Or copy the chat's text and paste it instead."))
    texts = []
    for data, name in pictures:
        try:
            texts.append(_clean(read_screen(data, words, unwrap=True).text))
        except ScreenshotError as error:
            raise CommsInputError(
                _("%(name)s: %(problem)s") % {"name": name, "problem": str(error)}
            ) from None
    return join_screens(texts)


# Tesseract reads a capital I standing alone as "|" in a sans-serif font.
_PIPE_FOR_I = re.compile(r"(?:(?<=\s)|^)\|(?=\s)", re.M)


def _clean(text: str) -> str:
    return _PIPE_FOR_I.sub("I", text)


def join_screens(texts: Sequence[str]) -> str:
    """One text from several screens: each one's status-bar clock dropped, and the header and
    the lines a screen repeats from the one before it shown once."""
    joined: list[str] = []
    first: list[str] = []
    for text in texts:
        lines = [line.rstrip() for line in text.splitlines()]
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines and _STATUS_BAR.match(lines[0].strip()):
            lines.pop(0)
        if not joined:
            joined, first = list(lines), list(lines)
            continue
        # The app's header, as the first screen showed it.
        header = 0
        while header < len(lines) and header < len(first) and _same(lines[header], first[header]):
            header += 1
        lines = lines[header:]
        joined.extend(lines[_overlap(joined, lines) :])
    return "\n".join(joined).strip()


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _overlap(before: list[str], after: list[str]) -> int:
    """How many of ``after``'s first lines are ``before``'s last (blank lines left aside)."""
    tail = [line for line in before if line.strip()]
    head = [line for line in after if line.strip()]
    for size in range(min(len(tail), len(head)), 0, -1):
        if all(_same(a, b) for a, b in zip(tail[-size:], head[:size], strict=True)):
            # Count the blank lines inside the repeated part too.
            seen, index = 0, 0
            while seen < size:
                if after[index].strip():
                    seen += 1
                index += 1
            return index
    return 0
