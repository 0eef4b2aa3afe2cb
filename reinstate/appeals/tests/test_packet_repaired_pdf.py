"""A damaged PDF exhibit that pypdf refuses but poppler reads is merged into the packet from
poppler's repaired copy, stamped like any other; the locker keeps the original."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from reinstate.appeals.packet_build import build_packet
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import default_store
from reinstate.testing import files
from reinstate.testing.evidence import add_file

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="no poppler-utils"),
]


def broken_pdf() -> bytes:
    whole = files.pdf("Pay statement", pages=2)
    return whole[: whole.index(b"xref")] + b"trailer\n<< /Size 7 /Root 1 0 R >>\n%%EOF\n"


def test_it_merges_a_damaged_pdf_from_its_repaired_copy(ready_case: Case, tmp_path: Path) -> None:
    blob = add_file(ready_case, broken_pdf(), "pay.pdf", description="Pay statement").item.blob
    out = tmp_path / "appeal.pdf"
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=out)

    texts = [page.extract_text() for page in PdfReader(out).pages]
    for number in (1, 2):
        page = next(t for t in texts if f"Exhibit D, page {number} of 2" in t)
        assert f"Pay statement page {number}" in page
    assert default_store().path_for(blob.sha256).read_bytes() == broken_pdf()
    assert not list((tmp_path).glob("repaired-*"))
