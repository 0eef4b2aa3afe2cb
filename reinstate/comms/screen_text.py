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


# A line whose right edge reaches this share of the widest line's was wrapped by the screen
# (as lib/ocr.py judges a notice's lines).
WRAPPED_AT = 0.7


def lines_of(data: dict[str, list[object]], *, unwrap: bool = False) -> tuple[str, float]:
    """Tesseract's words as the screen's lines, a blank line between blocks; mean confidence.

    With ``unwrap``, a line that reaches the right margin runs on into the next line of its
    paragraph, as a chat message the screen wrapped."""
    lines: dict[tuple[int, ...], list[str]] = {}
    rights: dict[tuple[int, ...], int] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        word = str(word).strip()
        conf = float(str(data["conf"][i]))
        if not word or conf < 0:
            continue
        key = tuple(int(str(data[name][i])) for name in ("block_num", "par_num", "line_num"))
        lines.setdefault(key, []).append(word)
        right = int(str(data["left"][i])) + int(str(data["width"][i]))
        rights[key] = max(rights.get(key, 0), right)
        confidences.append(conf)
    margin = max(rights.values(), default=0) * WRAPPED_AT
    out: list[str] = []
    previous: tuple[int, ...] | None = None
    for key, found in lines.items():
        if previous is not None:
            wrapped = unwrap and key[:2] == previous[:2] and rights[previous] >= margin
            out.append(" " if wrapped else "\n" if key[0] == previous[0] else "\n\n")
        out.append(" ".join(found))
        previous = key
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return "".join(out), mean
