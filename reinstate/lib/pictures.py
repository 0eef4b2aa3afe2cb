"""How many pixels a picture may have before the app refuses to decode it: a small file can
claim a huge picture and take the server's memory. The evidence locker and the screenshot
reader check the same limits, from the picture's header, before any pixel is decoded.

A phone's largest photos are 200 megapixels; JPEG is decoded at a fraction of its size (draft
mode), so it may be that large. Other formats are decoded whole, so their limits are what a
decode may cost: a camera's HEIC or AVIF up to 64 MP (~190 MB as RGB); a screenshot (PNG,
WebP, GIF; with transparency, 4 bytes a pixel) up to 30 MP (~120 MB), which still takes a long
scrolling capture of a chat (1290 x 20,000). A 7,990 x 7,990 PNG of 267 KB would cost 255 MB
decoded, and copies on top: refused.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from PIL import Image

MAX_JPEG_PIXELS = 210_000_000
MAX_OTHER_PIXELS = 64_000_000
MAX_SCREEN_PIXELS = 30_000_000
SCREEN_TYPES = frozenset({"image/png", "image/webp", "image/gif"})


def pixel_limit(media_type: str) -> int:
    if media_type == "image/jpeg":
        return MAX_JPEG_PIXELS
    return MAX_SCREEN_PIXELS if media_type in SCREEN_TYPES else MAX_OTHER_PIXELS


# The one Pillow decoder each kind of picture is opened with: never let Pillow guess.
PIL_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "image/heic": "HEIF",
    "image/avif": "AVIF",
}


class TooManyPixels(Exception):
    """The picture's header claims more pixels than its kind may decode to."""


class Unreadable(Exception):
    """The picture is damaged, or not the kind it was taken for."""


def open_within_limits(source: Path | BinaryIO, media_type: str) -> Image.Image:
    """Open a picture with its one decoder, refusing a decompression bomb from its header,
    before any pixel is decoded. The caller says it in its own words."""
    from PIL import Image

    _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source, formats=[PIL_FORMATS[media_type]])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TooManyPixels from None
    except (OSError, SyntaxError, ValueError) as error:
        raise Unreadable from error
    width, height = image.size
    if width * height > pixel_limit(media_type):
        image.close()
        raise TooManyPixels
    return image


@cache
def _register_heif() -> None:
    # Imported when a picture is opened: the command line reading a text stays quick.
    import pillow_heif

    pillow_heif.register_heif_opener()
