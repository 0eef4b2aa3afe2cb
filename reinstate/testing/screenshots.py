"""Phone screenshots of a notice, drawn on the spot from its text (Pillow and a Debian font),
and the mark for tests that need Tesseract."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from reinstate.lib.ocr import tesseract_ready

# An iPhone 12-15's screen in pixels; its body text is 17 pt at 3x, ~50 px.
PHONE_WIDTH, PHONE_HEIGHT = 1170, 2532
# DejaVu comes with fonts-dejavu-core (Chromium pulls it in); Liberation is a fallback.
FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
]
BOLD_FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
]

needs_tesseract = pytest.mark.skipif(
    not tesseract_ready(),
    reason="Tesseract with English and Spanish is not installed: run `make system-deps`.",
)


def _font(paths: list[Path], size: int) -> ImageFont.FreeTypeFont:
    for path in paths:
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    pytest.skip("No TrueType font to draw screenshots with: apt-get install fonts-dejavu-core.")


def phone_screenshot(
    text: str,
    *,
    dark: bool = False,
    width: int = PHONE_WIDTH,
    size: int = 48,
    title: str = "Message",
    image_format: str = "PNG",
) -> bytes:
    """The notice as an app shows it: a status bar, a title, then the text wrapped to the
    screen, dark on light (or light on dark). At least a phone screen tall."""
    scale = width / PHONE_WIDTH
    body, bold = _font(FONTS, round(size * scale)), _font(BOLD_FONTS, round(size * 1.2 * scale))
    margin, leading = round(60 * scale), round(size * 1.45 * scale)
    lines = _wrap(text, body, width - 2 * margin)
    top = round(300 * scale)
    height = max(round(PHONE_HEIGHT * scale), top + leading * (len(lines) + 2))
    background, ink, rule = (0, 0, 0), (255, 255, 255), (60, 60, 60)
    if not dark:
        background, ink, rule = (255, 255, 255), (28, 28, 30), (210, 210, 210)
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    draw.text((margin, round(50 * scale)), "9:41", font=bold, fill=ink)
    draw.text((margin, round(170 * scale)), title, font=bold, fill=ink)
    draw.line((0, top - leading // 2, width, top - leading // 2), fill=rule, width=2)
    for i, line in enumerate(lines):
        draw.text((margin, top + i * leading), line, font=body, fill=ink)
    out = io.BytesIO()
    image.save(out, image_format)
    return out.getvalue()


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Wrapped at the screen's width, as an app wraps it; each paragraph after a blank line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and font.getlength(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def blank_picture(width: int = PHONE_WIDTH, height: int = 800, image_format: str = "PNG") -> bytes:
    """A picture with no words: a plain grey screen with a coloured block."""
    image = Image.new("RGB", (width, height), (242, 242, 247))
    ImageDraw.Draw(image).rectangle((100, 100, width - 100, 500), fill=(30, 120, 200))
    out = io.BytesIO()
    image.save(out, image_format)
    return out.getvalue()


def png_bomb_header(width: int = 8000, height: int = 8000) -> bytes:
    """A small PNG whose header claims a huge picture: its pixel data is a few bytes, so any
    decode would fail or explode; it must be refused from the header alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
