"""The PDF packet, read back with pypdf: what a reviewer receives."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import cast

import pytest
from PIL import Image
from pypdf import PdfReader

from reinstate.appeals.models import Packet
from reinstate.appeals.packet_build import build_packet
from reinstate.appeals.packet_content import PacketRefused
from reinstate.cases.models import Case

pytestmark = pytest.mark.django_db


def build(case: Case, out: Path, *, draft: bool = False) -> tuple[Packet, PdfReader]:
    packet = build_packet(case=case, fmt="pdf", draft=draft, actor=case.owner, out=out)
    return packet, PdfReader(out)


def texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def test_it_holds_the_letter_the_index_each_exhibit_and_the_log(
    ready_case: Case, tmp_path: Path
) -> None:
    packet, reader = build(ready_case, tmp_path / "appeal.pdf")
    pages = texts(reader)
    # Letter (1), index (1), photo A (1), invoice B merged (3), photo C (1), the notice (1),
    # support log (1).
    assert len(reader.pages) == packet.pages == 9
    assert "I am writing to appeal the deactivation" in pages[0]
    assert "10:17 for a block" in pages[0]
    index = pages[1]
    for item in ready_case.evidence.select_related("blob"):
        assert f"{item.exhibit}\n" in index or f"{item.exhibit} " in index
        assert item.blob.sha256 in index.replace("\n", "")
    assert "Exhibit A" in pages[2] and "The locked gate" in pages[2]
    for number in (1, 2, 3):
        assert f"Exhibit B, page {number} of 3" in pages[2 + number]
        assert f"Invoice 4411 page {number}" in pages[2 + number]
    assert "Exhibit C" in pages[6]
    assert "Appendix: the notice, as received" in pages[7]
    assert "SR-20931" in pages[8] and "Reported the locked gate" in pages[8]
    assert all(f"Page {n} of 9" in text for n, text in enumerate(pages, start=1))
    assert not any("DRAFT" in text for text in pages)
    assert packet.exhibits == 3 and packet.bytes == (tmp_path / "appeal.pdf").stat().st_size


def test_a_packet_locks_the_labels_it_printed_but_a_draft_does_not(
    ready_case: Case, tmp_path: Path
) -> None:
    build(ready_case, tmp_path / "draft.pdf", draft=True)
    assert not ready_case.evidence.filter(label_locked=True).exists()
    build(ready_case, tmp_path / "final.pdf")
    assert not ready_case.evidence.filter(label_locked=False).exists()


def test_it_refuses_without_an_approved_letter_unless_a_draft(
    evidence: Case, tmp_path: Path
) -> None:
    with pytest.raises(PacketRefused, match="No approved letter"):
        build(evidence, tmp_path / "appeal.pdf")
    assert not (tmp_path / "appeal.pdf").exists()
    _, reader = build(evidence, tmp_path / "draft.pdf", draft=True)
    assert all("DRAFT" in text for text in texts(reader))


def test_its_pages_render_as_pictures(ready_case: Case, tmp_path: Path) -> None:
    """pdftoppm draws every page: none is blank or broken (the pages were also looked at)."""
    build(ready_case, tmp_path / "appeal.pdf")
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils is installed by make test"
    subprocess.run(
        [pdftoppm, "-r", "30", "-png", str(tmp_path / "appeal.pdf"), str(tmp_path / "p")],
        check=True,
    )
    pictures = sorted(tmp_path.glob("p-*.png"))
    assert len(pictures) == 9
    for picture in pictures:
        with Image.open(picture) as image:
            low, high = cast(tuple[int, int], image.convert("L").getextrema())
            assert low < 100 and high > 200  # ink on paper


def test_a_failed_build_leaves_the_previous_packet_in_place(
    ready_case: Case, tmp_path: Path, home: Path
) -> None:
    out = tmp_path / "appeal.pdf"
    build(ready_case, out)
    before = out.read_bytes()
    shutil.rmtree(home / "blobs")  # the invoice's original is gone: it cannot be merged
    with pytest.raises(PacketRefused, match="Exhibit B"):
        build(ready_case, out)
    assert out.read_bytes() == before
    assert ready_case.packets.latest("pk").status == Packet.Status.FAILED


def test_a_turned_or_offset_page_is_stamped_upright_in_its_corner(
    ready_case: Case, tmp_path: Path
) -> None:
    from io import BytesIO

    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    from reinstate.testing import files
    from reinstate.testing.evidence import add_file

    writer = PdfWriter(clone_from=PdfReader(BytesIO(files.pdf("Scanned receipt", pages=2))))
    writer.pages[0].rotate(90)
    writer.pages[1].mediabox = RectangleObject((100, 100, 712, 892))
    data = BytesIO()
    writer.write(data)
    add_file(ready_case, data.getvalue(), "scan.pdf")
    _, reader = build(ready_case, tmp_path / "appeal.pdf")
    turned, offset = reader.pages[-4], reader.pages[-3]  # exhibit D, before the appendices
    assert "Exhibit D, page 1 of 2" in turned.extract_text()
    assert "Exhibit D, page 2 of 2" in offset.extract_text()
    assert turned.rotation == 0 and float(turned.mediabox.width) == 792
    assert "Page 9 of 11" in offset.extract_text()


def test_each_photo_is_its_rendition_unchanged_in_the_box_left_for_it(
    ready_case: Case, tmp_path: Path, home: Path
) -> None:
    """The photos go into the PDF as the renditions' own JPEG bytes (no decoding, no loss),
    at the page's width, or 7.2 inches tall when upright; the marking links are gone."""
    from pypdf.generic import ContentStream

    _, reader = build(ready_case, tmp_path / "appeal.pdf")
    gate, entrance = reader.pages[2], reader.pages[6]  # exhibits A (wide) and C (upright)
    for page, item, size_in in (
        (gate, ready_case.evidence.get(exhibit="A"), (6.5, 6.5 * 900 / 1200)),
        (entrance, ready_case.evidence.get(exhibit="C"), (7.2 * 600 / 900, 7.2)),
    ):
        rendition = home / "renditions" / item.blob.sha256[:2] / item.blob.sha256[2:4]
        [jpeg] = rendition.glob(f"{item.blob.sha256}-page.jpg")
        [image] = page.images
        assert image.data == jpeg.read_bytes()
        assert "/Annots" not in page  # the marking link was taken away
        drawn = [
            operands
            for operands, operator in ContentStream(page.get_contents(), reader).operations
            if operator == b"cm" and float(operands[1]) == 0 and float(operands[0]) > 100
        ]
        width, height = (float(drawn[-1][0]) / 72, float(drawn[-1][3]) / 72)
        assert (round(width, 2), round(height, 2)) == (round(size_in[0], 2), round(size_in[1], 2))
