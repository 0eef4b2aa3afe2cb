"""Renditions: a page-width image and a thumbnail made from an original, never in its place.

Pure: no Django. They are derived data: deleting them loses nothing, they are made again from
the original. Each is written to a temporary file and renamed, so none is ever half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from reinstate.evidence.file_facts import open_image
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.lib.i18n import _

PAGE_PX = 1600  # the longest side of the page-width image, at most…
MIN_PAGE_PX = 1000  # …and at least this when the photo is that large (150 dpi across a page)
THUMB_PX = 320
PDF_RENDER_SECONDS = 30


def make_renditions(source: Path, media_type: str, *, page: Path, thumb: Path) -> bool:
    """Write the page image and thumbnail of a picture or a PDF's first page.

    Returns False for files that have no picture to show (audio, video, text). Raises
    EvidenceFileError when a picture cannot be decoded to its end (a truncated photo).
    """
    if media_type.startswith("image/"):
        image = _decode(source, media_type)
    elif media_type == "application/pdf":
        rendered = _first_pdf_page(source)
        if rendered is None:
            return False
        image = rendered
    else:
        return False
    with image:
        _save(image, page)
        image.thumbnail((THUMB_PX, THUMB_PX), Image.Resampling.BILINEAR, reducing_gap=2.0)
        _save(image, thumb)
    return True


def _decode(source: Path, media_type: str) -> Image.Image:
    with open_image(source, media_type) as image:
        if media_type == "image/jpeg":
            # libjpeg decodes at 1/2, 1/4 or 1/8 of the size for a fraction of the work: pick
            # the smallest that still gives MIN_PAGE_PX. A 12 MP photo (4032 x 3024) decodes
            # at 1008 x 756 in about 30 ms, where a full decode and resize takes 200 ms.
            image.draft("RGB", _fit(image.size, MIN_PAGE_PX))
        try:
            image.load()
            # Made small first, in place, so the decoded picture is the one large copy held:
            # turning it upright and flattening it then work on the page-sized one.
            image.thumbnail((PAGE_PX, PAGE_PX), Image.Resampling.LANCZOS, reducing_gap=2.0)
            upright = ImageOps.exif_transpose(image) or image
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise EvidenceFileError(incomplete()) from error
        return _flatten(upright)


def incomplete() -> str:
    """Why a picture that cannot be read to its end is refused (here, or by cut_short)."""
    return _(
        "This picture is incomplete or damaged (the file may have been cut short "
        "while it was copied). Nothing was added. Send the original photo again."
    )


def _fit(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """The size scaled so its longest side is `longest` (never larger than it was)."""
    width, height = size
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: transparency in a screenshot shows as the white it looked like."""
    if image.mode == "RGB":
        return image.copy()
    if "A" in image.getbands() or image.mode == "P":
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _first_pdf_page(source: Path) -> Image.Image | None:
    """The first page through poppler's pdftoppm, when it is installed; else no picture."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "page"
        try:
            # The arguments are our own: the tool's path, numbers and two paths we made.
            # TIFF, uncompressed: a third of the time PNG's compression takes, for a file read
            # once and deleted
            command = [pdftoppm, "-f", "1", "-l", "1", "-singlefile", "-tiff", "-scale-to"]
            subprocess.run(  # noqa: S603
                [*command, str(PAGE_PX), str(source), str(out)],
                check=True,
                capture_output=True,
                timeout=PDF_RENDER_SECONDS,
            )
            with Image.open(out.with_suffix(".tif"), formats=["TIFF"]) as page:
                return _flatten(page)
        except (subprocess.SubprocessError, OSError):
            return None


def _save(image: Image.Image, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as handle:
            image.save(handle, "JPEG", quality=82)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
