"""Reading the words in a screenshot of a notice, with Tesseract (Debian's tesseract-ocr).

Pure: no Django, so `reinstate notice read IMAGE` answers without starting it. The picture is
opened with the same limits as evidence (reinstate/evidence/file_facts.py; a test keeps the two
equal, since this layer may not import that one): a decompression bomb is refused from its
header, before any pixel is decoded.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reinstate.lib.errors import UserInputError
from reinstate.lib.i18n import _, gettext_noop
from reinstate.lib.pictures import (
    MAX_OTHER_PIXELS,
    MAX_SCREEN_PIXELS,
    TooManyPixels,
    Unreadable,
    open_within_limits,
)

if TYPE_CHECKING:
    from PIL import Image

# Pillow and pytesseract (which loads pandas when it is installed: a quarter of a second) are
# imported when a picture is read, so `reinstate notice read` of a text stays quick.

# Tesseract's OpenMP threads cost more than they give on a page this size: on the two-core
# machine measured, one thread read a phone screenshot in 0.47 s, all threads in 1.7 s
# (bench/ocr.py prints both). An administrator's own setting is kept.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# A phone screenshot is 1-5 MB; a long scrolling one or a photo of a letter, up to ~15 MB.
MAX_SCREENSHOT_BYTES = 20_000_000
LANGUAGES = "eng+spa"
# Text narrower than this is small for Tesseract (it reads best at ~30 px a capital letter): a
# 1170 px phone capture reads well as it is, a 750 px one or a cropped part better at 2x.
UPSCALE_BELOW_WIDTH = 1000
TIMEOUT_S = 60
# Fewer letters than this is no notice: a photo, an icon, a blank screen.
MIN_LETTERS = 12

# As evidence/sniff.py reads them (lib may not import it): a still's main or compatible brand.
_HEIF_BRANDS = {
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avci", b"avcs",
}  # fmt: skip
_AVIF_BRANDS = {b"avif", b"avis"}
_PICTURE_NAME = re.compile(r"\.(png|jpe?g|heic|heif|avif|webp|gif)$", re.I)


class ScreenshotError(UserInputError):
    """A screenshot that cannot be read; the message says why and what to do instead."""


@dataclass(frozen=True)
class OcrReading:
    text: str
    confidence: float  # Tesseract's mean word confidence, 0..100
    engine: str  # "tesseract 5.3.0"

    def as_json(self) -> dict[str, str | int]:
        return {"engine": self.engine, "confidence": round(self.confidence)}


def picture_type(head: bytes) -> str | None:
    """The picture type named by a file's first bytes, or None when it is not a picture."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[4:8] == b"ftyp":
        brands = {head[8:12]} | {head[i : i + 4] for i in range(16, 32, 4)}
        if brands & _AVIF_BRANDS:
            return "image/avif"
        if brands & _HEIF_BRANDS:
            return "image/heic"
    return None


def named_like_picture(filename: str) -> bool:
    return bool(_PICTURE_NAME.search(filename or ""))


def read_screenshot(data: bytes) -> OcrReading:
    """The text of a screenshot and how sure Tesseract is of it."""
    media_type = picture_type(data[:64])
    if media_type is None:
        raise ScreenshotError(
            _(
                "This file is not a picture we can read. Upload a screenshot (PNG, JPEG, HEIC "
                "or WebP), the email (.eml) or a text file, or paste the notice's text."
            )
        )
    if len(data) > MAX_SCREENSHOT_BYTES:
        raise ScreenshotError(
            _(
                "This picture is too large to read (over %(size)s MB). Take a plain screenshot "
                "of the notice, or paste its text."
            )
            % {"size": MAX_SCREENSHOT_BYTES // 1_000_000}
        )
    image = open_picture(data, media_type)
    try:
        return _recognise(prepare(image))
    finally:
        image.close()


def open_picture(data: bytes, media_type: str) -> Image.Image:
    """Open with the one decoder the content calls for; refuse a bomb from its header."""
    try:
        return open_within_limits(io.BytesIO(data), media_type)
    except TooManyPixels:
        raise ScreenshotError(
            _(
                "This picture has far more pixels than any phone screenshot, so we don't open "
                "it. Take a plain screenshot of the notice, or paste its text."
            )
        ) from None
    except Unreadable as error:
        raise ScreenshotError(
            _(
                "This picture is damaged and can't be opened. Take the screenshot again, "
                "or paste the notice's text."
            )
        ) from error


def prepare(image: Image.Image) -> Image.Image:
    """Grey, dark text on light (dark mode inverted), small text doubled."""
    from PIL import Image, ImageOps

    if image.format == "JPEG":
        # Decoded grey straight away, and a photo larger than the other formats may be at a
        # fraction of its size (JPEG decodes at 1/2, 1/4, 1/8): less memory, the same words.
        width, height = image.size
        shrink = max(1.0, (width * height / MAX_OTHER_PIXELS) ** 0.5)
        image.draft("L", (int(width / shrink), int(height / shrink)))
    try:
        grey = ImageOps.exif_transpose(image).convert("L")
    except (OSError, SyntaxError, ValueError) as error:  # a header that lied about its pixels
        raise ScreenshotError(
            _(
                "This picture is damaged and can't be read. Take the screenshot again, "
                "or paste the notice's text."
            )
        ) from error
    # Tesseract is trained on dark print on paper; a dark-mode screen is mostly dark.
    if _mean(grey) < 110:
        grey = ImageOps.invert(grey)
    width, height = grey.size
    if width < UPSCALE_BELOW_WIDTH and width * height * 4 <= MAX_SCREEN_PIXELS:
        grey = grey.resize((width * 2, height * 2), Image.Resampling.LANCZOS)
    return grey


def _mean(grey: Image.Image) -> float:
    histogram = grey.histogram()
    total = sum(histogram) or 1
    return sum(level * count for level, count in enumerate(histogram)) / total


def _recognise(grey: Image.Image) -> OcrReading:
    import pytesseract

    try:
        data = pytesseract.image_to_data(
            grey, lang=LANGUAGES, output_type=pytesseract.Output.DICT, timeout=TIMEOUT_S
        )
    except pytesseract.TesseractNotFoundError:
        raise ScreenshotError(_(_NOT_SET_UP)) from None
    except pytesseract.TesseractError as error:
        raise ScreenshotError(_(_NOT_SET_UP)) from error
    except RuntimeError:  # pytesseract's timeout
        raise ScreenshotError(
            _(
                "Reading this picture took too long. Take a plain screenshot of just the "
                "notice, or paste its text."
            )
        ) from None
    text, confidence = _layout(data)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise ScreenshotError(
            _(
                "We found no words in this picture. Check it is a screenshot of the platform's "
                "message, or paste the notice's text."
            )
        )
    return OcrReading(text=text, confidence=confidence, engine=engine())


_NOT_SET_UP = gettext_noop(
    "Reading screenshots is not set up on this server (Tesseract with English and Spanish is "
    "missing). Paste the notice's text instead."
)


@dataclass(frozen=True)
class ScreenLines:
    """Tesseract's words by line: (block, paragraph, line) -> words, in reading order."""

    words: dict[tuple[int, ...], list[str]]
    rights: dict[tuple[int, ...], int]  # each line's right edge, in pixels
    confidence: float  # the words' mean confidence, 0 to 100

    def reaches_margin(self, line: tuple[int, ...]) -> bool:
        """Whether the screen wrapped this line (it runs on into the next)."""
        return self.rights[line] >= max(self.rights.values(), default=0) * WRAPPED_AT


def screen_lines(data: dict[str, list[object]]) -> ScreenLines:
    """Tesseract's word table (image_to_data) as lines, leaving out what it found no word in."""
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
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return ScreenLines(lines, rights, mean)


def _layout(data: dict[str, list[object]]) -> tuple[str, float]:
    """Tesseract's words back into the text as it was written, and their mean confidence.

    A screen wraps a sentence wherever its width ends; the notice reader must see "within 7 days
    of this notice" whole, as it would in pasted text. So a line that reaches the right margin
    runs on into the next (unless it ends a sentence where Tesseract sees a new paragraph); a
    short line (a greeting, a signature, a paragraph's last line) ends where it ends, and
    Tesseract's paragraph breaks become blank lines.
    """
    found = screen_lines(data)
    out: list[str] = []
    previous: tuple[int, ...] | None = None
    for key, words in found.words.items():
        if previous is not None:
            same_paragraph = key[:2] == previous[:2]
            ended = found.words[previous][-1][-1] in ".!?:"
            wrapped = found.reaches_margin(previous) and (same_paragraph or not ended)
            out.append(" " if wrapped else "\n" if same_paragraph else "\n\n")
        out.append(" ".join(words))
        previous = key
    return "".join(out), found.confidence


# A line whose right edge reaches this share of the widest line's was wrapped by the screen: a
# phone line holds ~40 characters, and the word that did not fit is rarely over 12.
WRAPPED_AT = 0.7


@cache
def engine() -> str:
    import pytesseract

    try:
        return f"tesseract {pytesseract.get_tesseract_version()}"
    except pytesseract.TesseractNotFoundError:
        raise ScreenshotError(_(_NOT_SET_UP)) from None


def tesseract_ready() -> bool:
    """Whether Tesseract and both languages are installed (the tests skip without them)."""
    import pytesseract

    try:
        return {"eng", "spa"} <= set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return False
