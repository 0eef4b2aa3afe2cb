"""The .docx packet, read back with python-docx: the same exhibits as the PDF, for Word."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, cast

import pytest
from docx import Document
from docx.shared import Inches
from PIL import Image

from reinstate.appeals.models import Packet
from reinstate.appeals.packet_build import build_packet
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import default_store
from reinstate.testing.evidence import add_file

pytestmark = pytest.mark.django_db


def build(case: Case, out: Path, *, draft: bool = False) -> Any:
    build_packet(case=case, fmt="docx", draft=draft, actor=case.owner, out=out)
    return Document(str(out))


def sections(document: Any) -> dict[str, list[Any]]:
    """The paragraphs under each level-1 heading ("" for the letter before the first)."""
    found: dict[str, list[Any]] = {"": []}
    current = ""
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            current = paragraph.text
            found[current] = []
        else:
            found[current].append(paragraph)
    return found


def pictures(document: Any, paragraphs: list[Any]) -> list[Image.Image]:
    """The pictures shown in these paragraphs, opened from the images the .docx holds."""
    images: list[Image.Image] = []
    for paragraph in paragraphs:
        for rel_id in paragraph._p.xpath(".//a:blip/@r:embed"):
            blob = document.part.related_parts[rel_id].blob
            images.append(Image.open(io.BytesIO(blob)))
    return images


def words(paragraphs: list[Any]) -> str:
    return "\n".join(p.text for p in paragraphs)


def test_it_holds_the_letter_the_index_each_exhibit_and_the_log(
    ready_case: Case, tmp_path: Path
) -> None:
    document = build(ready_case, tmp_path / "appeal.docx")
    parts = sections(document)
    assert list(parts) == [
        "",
        "Exhibit index",
        "Exhibit A",
        "Exhibit B",
        "Exhibit C",
        "Appendix: the notice, as received",
        "Appendix: contacts with support",
    ]
    assert "I am writing to appeal the deactivation" in words(parts[""])
    assert "10:17 for a block" in words(parts[""])
    assert "DRAFT" not in words(document.paragraphs)
    # Photo A, the invoice's three pages, photo C: and nothing else.
    assert len(document.inline_shapes) == 5
    items = {item.exhibit: item for item in ready_case.evidence.select_related("blob")}
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for label, item in items.items():
        assert item.blob.sha256 in cells  # the index
        caption = words(parts[f"Exhibit {label}"])
        assert f"SHA-256 of the original: {item.blob.sha256}" in caption
        assert item.filename in caption
    assert "The locked gate" in words(parts["Exhibit A"])
    assert "Repair invoice" in words(parts["Exhibit B"])
    assert len(pictures(document, parts["Exhibit A"])) == 1
    assert len(pictures(document, parts["Exhibit C"])) == 1
    assert "SR-20931" in cells and "Reported the locked gate at DLA7" in cells
    footer = document.sections[0].footer.paragraphs[0].text
    assert "Appeal of Dana María Reyes, Amazon Flex account" in footer and "DRAFT" not in footer


def test_a_pdf_exhibits_pages_are_pictures_of_its_pages(ready_case: Case, tmp_path: Path) -> None:
    document = build(ready_case, tmp_path / "appeal.docx")
    invoice = sections(document)["Exhibit B"]
    pages = pictures(document, invoice)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert f"Exhibit B, page {number} of 3" in words(invoice)
        assert page.format == "JPEG"
        assert abs(page.width - 8.5 * 110) <= 2 and abs(page.height - 11 * 110) <= 2
        low, high = cast(tuple[int, int], page.convert("L").getextrema())
        assert low < 100 and high > 200  # the page's text, drawn on white


def test_photos_fit_the_page_wide_or_upright(ready_case: Case, tmp_path: Path) -> None:
    document = build(ready_case, tmp_path / "appeal.docx")
    for shape in document.inline_shapes:
        assert shape.width <= Inches(6.5) + 1 and shape.height <= Inches(7.2) + 1
    gate, entrance = document.inline_shapes[0], document.inline_shapes[4]
    assert abs(gate.width - Inches(6.5)) <= 1  # 1200 x 900: as wide as the page
    assert abs(entrance.height - Inches(7.2)) <= 1  # 600 x 900: as tall as leaves the caption
    assert entrance.width < Inches(5)


def test_a_damaged_pdf_exhibit_gives_a_note_not_a_crash(ready_case: Case, tmp_path: Path) -> None:
    invoice = ready_case.evidence.select_related("blob").get(exhibit="B")
    original = default_store().path_for(invoice.blob.sha256)
    original.chmod(0o600)
    original.write_bytes(b"%PDF-1.4\nthe rest of the file was lost\n")
    document = build(ready_case, tmp_path / "appeal.docx")
    parts = sections(document)
    assert pictures(document, parts["Exhibit B"]) == []
    note = words(parts["Exhibit B"])
    assert "could not be shown in this document" in note and "in the PDF packet" in note
    assert invoice.blob.sha256 in note
    assert len(document.inline_shapes) == 2  # the photos are still there
    assert ready_case.packets.latest("pk").status == Packet.Status.READY


def test_without_pdftoppm_the_note_says_where_the_pages_are(
    ready_case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without poppler-utils
    document = build(ready_case, tmp_path / "appeal.docx")
    assert "in the PDF packet" in words(sections(document)["Exhibit B"])
    assert len(document.inline_shapes) == 2


def test_a_text_exhibit_shows_its_words_and_a_draft_says_so(
    ready_case: Case, tmp_path: Path
) -> None:
    add_file(ready_case, b"Gate code changed to 4471 on 3 Nov.\n", "notes.txt")
    document = build(ready_case, tmp_path / "draft.docx", draft=True)
    parts = sections(document)
    boxed = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Gate code changed to 4471 on 3 Nov." in "\n".join(boxed)
    assert "notes.txt" in words(parts["Exhibit D"])
    assert pictures(document, parts["Exhibit D"]) == []
    assert words(document.paragraphs).startswith("DRAFT: not approved for sending")
    assert "(DRAFT)" in document.sections[0].footer.paragraphs[0].text
