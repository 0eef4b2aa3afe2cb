"""The platform must find the account: every packet names the driver's legal name, the account
the platform knows them by and the notice's reference, in the letter and on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from reinstate.appeals.facts import appeal_facts, notice_references
from reinstate.appeals.packet_build import build_packet
from reinstate.cases.models import Case
from reinstate.testing.appeal_samples import FLEX_ACCOUNT, LEGAL_NAME, NOTICE_REFERENCE

pytestmark = pytest.mark.django_db
WHO = (LEGAL_NAME, FLEX_ACCOUNT, NOTICE_REFERENCE)


def test_the_facts_come_from_the_profile_and_the_notice(ready_case: Case) -> None:
    facts = appeal_facts(ready_case)
    assert (facts.driver_name, facts.legal_name) == (LEGAL_NAME, LEGAL_NAME)
    assert facts.platform_account == FLEX_ACCOUNT
    assert facts.notice_references == (NOTICE_REFERENCE,)


def test_the_drafted_letter_is_signed_with_the_legal_name(ready_case: Case) -> None:
    letter = ready_case.letters.get().text
    assert f"Sincerely,\n{LEGAL_NAME}\nAmazon Flex account: {FLEX_ACCOUNT}" in letter
    assert f"The notice's reference is {NOTICE_REFERENCE}." in letter
    assert "Sincerely,\ndana" not in letter


def test_the_pdf_names_them_in_the_letter_and_on_every_page(
    ready_case: Case, tmp_path: Path
) -> None:
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=None, out=tmp_path / "a.pdf")
    reader = PdfReader(tmp_path / "a.pdf")
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert all(value in pages[0] for value in WHO)
    for text in pages:  # the running line at the foot of every page
        assert f"Appeal of {LEGAL_NAME}" in text and FLEX_ACCOUNT in text, text
        assert NOTICE_REFERENCE in text
    assert "Appeal of dana" not in " ".join(pages)
    assert reader.metadata is not None and reader.metadata.title is not None
    assert LEGAL_NAME in reader.metadata.title


def test_the_plain_text_names_them(ready_case: Case, tmp_path: Path) -> None:
    build_packet(case=ready_case, fmt="txt", draft=False, actor=None, out=tmp_path / "a.txt")
    text = (tmp_path / "a.txt").read_text()
    head = text.split("Dear Amazon Flex team,")[0]
    assert all(value in head for value in WHO)
    assert f"Sincerely,\n{LEGAL_NAME}" in text


def test_the_docx_names_them_in_the_letter_and_the_footer(ready_case: Case, tmp_path: Path) -> None:
    build_packet(case=ready_case, fmt="docx", draft=False, actor=None, out=tmp_path / "a.docx")
    document = Document(str(tmp_path / "a.docx"))
    words = "\n".join(p.text for p in document.paragraphs)
    assert all(value in words for value in WHO)
    footer = document.sections[0].footer.paragraphs[0].text
    assert all(value in footer for value in WHO)


def test_without_a_profile_the_packet_says_the_user_name_and_the_check_says_why(
    evidence: Case, tmp_path: Path
) -> None:
    facts = appeal_facts(evidence)
    assert (facts.driver_name, facts.legal_name, facts.platform_account) == ("dana", "", "")
    out = tmp_path / "a.txt"
    build_packet(case=evidence, fmt="txt", draft=True, actor=None, out=out)
    assert "dana" in out.read_text() and FLEX_ACCOUNT not in out.read_text()


def test_every_reference_the_reading_kept_is_named_once(evidence: Case) -> None:
    evidence.reading = {"references": {"case_id": "C-77", "ticket_numbers": ["C-77", "SR-1"]}}
    assert notice_references(evidence) == ("C-77", "SR-1")
    evidence.reading = {}
    assert notice_references(evidence) == ()
