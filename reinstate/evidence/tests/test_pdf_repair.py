"""A PDF that poppler opens but pypdf refuses (its cross-reference table and the pointer to
it lost) is repaired to be readable: the original is kept as the evidence, unchanged, and its
pages and text come from poppler's repaired copy, in the locker and in the packet."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.file_facts import PDF_ERRORS, inspect_file
from reinstate.evidence.pdf_repair import repair_pdf
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="no poppler-utils")


def broken_pdf() -> bytes:
    """A sound two-page PDF whose xref table and startxref are gone: only the objects and a
    trailer are left (what a download cut and patched, or a careless tool, leaves)."""
    whole = files.pdf("Repair me", pages=2)
    objects = whole[: whole.index(b"xref")]
    return objects + b"trailer\n<< /Size 7 /Root 1 0 R >>\n%%EOF\n"


def test_it_is_a_pdf_pypdf_alone_refuses() -> None:
    with pytest.raises(PDF_ERRORS):
        len(PdfReader(io.BytesIO(broken_pdf()), strict=False).pages)


def test_it_reads_the_pages_and_text_from_a_repaired_copy(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(broken_pdf())
    facts = inspect_file(path, "statement.pdf")
    assert facts.pages == 2 and facts.repaired
    assert "Repair me page 1" in facts.text and "Repair me page 2" in facts.text
    assert any("repaired to be readable" in note for note in facts.notes)
    assert path.read_bytes() == broken_pdf()  # the file given is untouched
    assert list(tmp_path.iterdir()) == [path]  # and the repaired copy is not left about


@pytest.mark.django_db
def test_it_keeps_the_original_as_the_evidence_and_says_so(case: Case, store: BlobStore) -> None:
    item = add_file(case, broken_pdf(), "statement.pdf").item
    blob = item.blob
    assert blob.sha256 == hashlib.sha256(broken_pdf()).hexdigest()
    assert store.path_for(blob.sha256).read_bytes() == broken_pdf()
    assert blob.info["pages"] == 2 and blob.info["repaired"] is True
    assert "Repair me page 2" in blob.text
    page = client_for(case.owner).get(reverse("evidence:item", args=[case.pk, item.pk]))
    assert "repaired to be readable" in page.content.decode()
    assert (
        client_for(case.owner).get(reverse("evidence:item", args=[case.pk, item.pk])).status_code
        == 200
    )


@pytest.mark.django_db
def test_an_outsider_cannot_see_the_repaired_item(case: Case, other_driver: User) -> None:
    item = add_file(case, broken_pdf(), "statement.pdf").item
    response = client_for(other_driver).get(reverse("evidence:item", args=[case.pk, item.pk]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_pdf_poppler_cannot_read_either_is_still_refused(case: Case) -> None:
    cut = files.pdf("Cut short", pages=2)[:-200]  # ends inside an object: nothing to rebuild
    with pytest.raises(EvidenceFileError, match="This PDF is damaged"):
        add_file(case, cut, "cut.pdf")
    assert not case.evidence.exists()


def test_the_repair_stops_at_its_size_bound_and_leaves_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(broken_pdf())
    target = tmp_path / "out.pdf"
    assert not repair_pdf(source, target, max_bytes=200)  # poppler's copy is larger than this
    assert not target.exists()
    assert repair_pdf(source, target)  # and within the bound it is made
    assert len(PdfReader(target).pages) == 2
