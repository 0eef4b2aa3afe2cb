"""An exhibit PDF with scripts, launch links and hidden files goes into the packet inert: its
pages show the same, but nothing in them can run (issue 15)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)
from pytest_django.fixtures import Settings

from reinstate.appeals.packet_build import build_packet
from reinstate.appeals.packet_content import PacketRefused
from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.evidence import add_file

pytestmark = pytest.mark.django_db


def _annotation(writer: PdfWriter, subtype: str, **entries: object) -> object:
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, 72, 200, 100)]),
            **{NameObject(k): v for k, v in entries.items()},
        }
    )
    return writer._add_object(annotation)


def _action(kind: str, **entries: object) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject(kind), **{NameObject(k): v for k, v in entries.items()}}
    )


def hostile_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(files.pdf("Repair invoice 4411", 1))))
    page = writer.pages[0]
    script = _action("/JavaScript", **{"/JS": TextStringObject("app.alert('hi')")})
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): script})
    launch = _action("/Launch", **{"/F": TextStringObject("calc.exe")})
    web = _action("/URI", **{"/URI": TextStringObject("https://example.com/receipt")})
    page[NameObject("/Annots")] = ArrayObject(
        [
            _annotation(writer, "/Link", **{"/A": launch}),
            _annotation(writer, "/FileAttachment"),
            _annotation(writer, "/Link", **{"/A": web}),
        ]
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_exhibit_pdf_goes_in_with_nothing_that_can_run(ready_case: Case, tmp_path: Path) -> None:
    add_file(ready_case, hostile_pdf(), "invoice.pdf", description="Repair invoice")
    out = tmp_path / "packet.pdf"
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=out)
    raw = out.read_bytes()
    # Names are written as they are: none of the active ones is anywhere in the file.
    for active in (b"/JavaScript", b"/Launch", b"/FileAttachment", b"/AA"):
        assert active not in raw, active
    reader = PdfReader(io.BytesIO(raw))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "Repair invoice 4411 page 1" in text  # the page itself is all there
    links = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert links == ["https://example.com/receipt"]  # a plain web link is kept


def test_an_exhibit_too_long_for_a_packet_is_refused_with_what_to_do(
    ready_case: Case, tmp_path: Path, settings: Settings
) -> None:
    settings.PACKET_MAX_PAGES = 20  # what a test builds quickly; a host may set its own
    add_file(ready_case, files.pdf("Bank statement", pages=30), "statement.pdf")
    with pytest.raises(PacketRefused, match=r"has 30 pages, more than a packet can hold \(20"):
        build_packet(
            case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=tmp_path / "p"
        )
