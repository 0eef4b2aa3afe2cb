"""The words on a screenshot of an app's screen (a support chat, a standing screen), line by
line, with the refusals in the words of whoever asks.

lib/ocr.py reads a notice: it runs the screen's wrapped lines back into sentences and words its
refusals for a notice. A chat or a list of measures is read line by line instead (a speaker's
name alone on its line starts a turn; a label and its value share a line), and a refusal must
name what to do instead ("type the numbers", "paste the chat"). The checks are the same:
the picture's type from its bytes, its size, its pixels from its header (lib/pictures.py), and
too few letters is no text. Health sits above comms, so both read pictures here.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from reinstate.lib.ocr import (
    LANGUAGES,
    MAX_SCREENSHOT_BYTES,
    MIN_LETTERS,
    TIMEOUT_S,
    ScreenshotError,
    engine,
    picture_type,
    prepare,
    screen_lines,
)
from reinstate.lib.pictures import TooManyPixels, Unreadable, open_within_limits


@dataclass(frozen=True)
class InsteadWords:
    """What the person can do instead of a screenshot, to end each refusal with."""

    instead: str  # "Type the numbers in the form below."


@dataclass(frozen=True)
class ScreenText:
    text: str
    sha256: str
    confidence: float  # Tesseract's mean word confidence, 0..100
    engine: str


def read_screen(data: bytes, words: InsteadWords, *, unwrap: bool = False) -> ScreenText:
    """The text of a screenshot, one screen line a line (with ``unwrap``, a line the screen
    wrapped runs on into the next, as in a chat bubble), or a ScreenshotError that says why."""
    media_type = picture_type(data[:64])
    if media_type is None:
        raise ScreenshotError(
            _("This file is not a picture. Upload a screenshot (PNG, JPEG, HEIC or WebP).")
            + " "
            + words.instead
        )
    if len(data) > MAX_SCREENSHOT_BYTES:
        raise ScreenshotError(
            _("This picture is too large to read (over %(size)s MB).")
            % {"size": MAX_SCREENSHOT_BYTES // 1_000_000}
            + " "
            + words.instead
        )
    try:
        image = open_within_limits(io.BytesIO(data), media_type)
    except TooManyPixels:
        raise ScreenshotError(
            _("This picture has far more pixels than any phone screenshot, so we don't open it.")
            + " "
            + words.instead
        ) from None
    except Unreadable:
        raise ScreenshotError(
            _("This picture is damaged and can't be opened.") + " " + words.instead
        ) from None
    try:
        try:
            grey = prepare(image)
        except ScreenshotError:
            raise ScreenshotError(
                _("This picture is damaged and can't be opened.") + " " + words.instead
            ) from None
        text, confidence = _recognise(grey, words, unwrap=unwrap)
    finally:
        image.close()
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise ScreenshotError(_("We found no words in this picture.") + " " + words.instead)
    return ScreenText(
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        confidence=confidence,
        engine=engine(),
    )


def _recognise(grey: object, words: InsteadWords, *, unwrap: bool) -> tuple[str, float]:
    import pytesseract

    try:
        data = pytesseract.image_to_data(
            grey, lang=LANGUAGES, output_type=pytesseract.Output.DICT, timeout=TIMEOUT_S
        )
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError):
        raise ScreenshotError(
            _("Reading screenshots is not set up on this server.") + " " + words.instead
        ) from None
    except RuntimeError:  # pytesseract's timeout
        raise ScreenshotError(
            _("Reading this picture took too long.") + " " + words.instead
        ) from None
    return lines_of(data, unwrap=unwrap)


def lines_of(data: dict[str, list[object]], *, unwrap: bool = False) -> tuple[str, float]:
    """Tesseract's words as the screen's lines, a blank line between blocks; mean confidence.

    With ``unwrap``, a line that reaches the right margin runs on into the next line of its
    paragraph, as a chat message the screen wrapped (as lib/ocr.py judges a notice's lines)."""
    found = screen_lines(data)
    out: list[str] = []
    previous: tuple[int, ...] | None = None
    for key, words in found.words.items():
        if previous is not None:
            wrapped = unwrap and key[:2] == previous[:2] and found.reaches_margin(previous)
            out.append(" " if wrapped else "\n" if key[0] == previous[0] else "\n\n")
        out.append(" ".join(words))
        previous = key
    return "".join(out), found.confidence
