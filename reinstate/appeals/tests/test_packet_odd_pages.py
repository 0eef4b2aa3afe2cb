"""Exhibit stamps on very small or malformed pages: the label "Exhibit D, page n of m" stays
in view (on a larger canvas, beside the page, when the page has no room for it), read back
with pypdf and seen by poppler."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject, RectangleObject

from reinstate.appeals.packet_build import build_packet
from reinstate.appeals.pdf_stamp import BAND, ROOMY
from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.evidence import add_file

pytestmark = pytest.mark.django_db

ODD = 8  # the pages of the odd exhibit, in this order:


def odd_pages() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(files.pdf("Odd receipt", pages=ODD))))
    small, turned, inside_out, empty, crop_outside, crop_tiny, slanted, back = writer.pages
    # 1. a 50 pt square around the start of its text
    small.mediabox = RectangleObject((60, 700, 110, 750))
    # 2. small and turned a quarter
    turned.mediabox = RectangleObject((60, 690, 140, 740))
    turned[NameObject("/Rotate")] = NumberObject(90)
    # 3. a media box given corner to corner the wrong way round
    inside_out[NameObject("/MediaBox")] = RectangleObject((612, 792, 0, 0))
    # 4. a media box of no size at all
    empty[NameObject("/MediaBox")] = RectangleObject((0, 0, 0, 0))
    # 5. a crop box wholly outside the media box
    crop_outside.cropbox = RectangleObject((2000, 2000, 2600, 2800))
    # 6. a crop box far inside the media box, away from its top right corner
    crop_tiny.cropbox = RectangleObject((40, 690, 140, 740))
    # 7. a /Rotate no reader applies (not a quarter turn)
    slanted[NameObject("/Rotate")] = NumberObject(45)
    # 8. a quarter turn the other way, given as a negative angle
    back[NameObject("/Rotate")] = NumberObject(-90)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_it_keeps_every_stamp_in_view_on_odd_pages(ready_case: Case, tmp_path: Path) -> None:
    # Before: the bare pages are as odd as claimed.
    bare = PdfReader(BytesIO(odd_pages()))
    assert float(bare.pages[0].mediabox.width) == 50
    assert float(bare.pages[3].mediabox.width) == 0

    add_file(ready_case, odd_pages(), "odd.pdf", description="Odd pages")
    out = tmp_path / "appeal.pdf"
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=out)
    reader = PdfReader(out)
    first = next(
        i for i, p in enumerate(reader.pages) if "Exhibit D, page 1 of" in p.extract_text()
    )
    odd = reader.pages[first : first + ODD]

    for number, page in enumerate(odd, 1):
        text = page.extract_text()
        assert f"Exhibit D, page {number} of {ODD}" in text
        media, crop = page.mediabox, page.cropbox
        # What a reader shows (the crop box) is what the stamp was laid over (the media box).
        assert [float(v) for v in crop] == [float(v) for v in media]
        assert float(media.width) >= ROOMY[0] and float(media.height) > 2 * BAND
        assert page.rotation == 0
    assert "Odd receipt page 1" in odd[0].extract_text()  # the page's own text is kept
    assert (float(odd[6].mediabox.width), float(odd[6].mediabox.height)) == (612, 792)
    assert (float(odd[7].mediabox.width), float(odd[7].mediabox.height)) == (792, 612)
    assert "Odd receipt page 8" in odd[7].extract_text()
    # The small page sits in the middle of its canvas, at its own size, the stamp above it.
    assert float(odd[0].mediabox.width) == 420 and float(odd[0].mediabox.height) == 50 + 120
    assert float(odd[0].mediabox.left) == 60 - (420 - 50) / 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_poppler_draws_the_stamp_on_a_tiny_page(ready_case: Case, tmp_path: Path) -> None:
    add_file(ready_case, odd_pages(), "odd.pdf")
    out = tmp_path / "appeal.pdf"
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=out)
    reader = PdfReader(out)
    first = next(
        i for i, p in enumerate(reader.pages) if "Exhibit D, page 1 of" in p.extract_text()
    )
    for offset in range(ODD):
        number = first + offset + 1
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "72",
                "-gray",
                "-png",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(out),
                str(tmp_path / f"page{offset}"),
            ],
            check=True,
            timeout=60,
        )
        with Image.open(tmp_path / f"page{offset}.png") as image:
            width, height = image.size
            page = reader.pages[first + offset]
            assert (width, height) == (
                round(float(page.mediabox.width)),
                round(float(page.mediabox.height)),
            )
            # The stamp's box (top right, 18 pt in, 14 pt down) is drawn: dark pixels there.
            corner = image.convert("L").crop((width - 150, 10, width - 10, 36))
            darkest = corner.getextrema()[0]
            assert isinstance(darkest, int) and darkest < 128, (
                f"no stamp drawn on odd page {offset + 1}"
            )
