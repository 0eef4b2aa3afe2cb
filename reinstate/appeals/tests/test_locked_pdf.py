"""PDFs encrypted with AES (bank and pay statements) are kept and read; one that really needs a
password is kept with a note, and the packet describes it instead of failing (issue 15)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from reinstate.appeals.packet_build import build_packet
from reinstate.cases.models import Case
from reinstate.evidence.file_facts import LOCKED_NOTE
from reinstate.testing import files
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.evidence import add_file

pytestmark = pytest.mark.django_db


def test_it_reads_a_pdf_locked_only_against_editing(case: Case) -> None:
    added = add_file(case, files.locked_pdf(), "statement.pdf")
    blob = added.item.blob
    assert blob.family == "pdf"
    assert "Pay statement: week 45" in blob.text
    assert LOCKED_NOTE not in added.item.blob.info.get("notes", [])


def test_it_keeps_a_pdf_that_needs_a_password_with_a_note(case: Case) -> None:
    added = add_file(case, files.locked_pdf(open_password="1234"), "locked.pdf")
    assert added.item.blob.family == "pdf"
    assert LOCKED_NOTE in added.item.blob.info.get("notes", [])


def test_the_command_line_adds_every_file_after_a_locked_one(home: Path, tmp_path: Path) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = tmp_path / "notice.txt"
    notice.write_text("Your Amazon Flex account has been deactivated.")
    case = str(ok(reinstate("case", "new", "--user", "dana", "--notice", str(notice)))["id"])
    paths = []
    for name, data in (
        ("aes.pdf", files.locked_pdf()),
        ("locked.pdf", files.locked_pdf(open_password="1234")),
        ("photo.jpg", files.jpeg()),
    ):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    added = ok(reinstate("evidence", "add", case, *map(str, paths)))
    assert [a["exhibit"] for a in added] == ["A", "B", "C"]


def test_the_packet_describes_a_locked_pdf_and_merges_the_rest(
    ready_case: Case, tmp_path: Path
) -> None:
    add_file(ready_case, files.locked_pdf(), "statement.pdf", description="Pay statement")
    add_file(ready_case, files.locked_pdf(open_password="1234"), "bank.pdf", description="Bank")
    out = tmp_path / "packet.pdf"
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=out)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "Pay statement: week 45 page 1" in text  # merged, unlocked
    assert "Locked with a password: not included in this packet." in text
    assert "This PDF is locked with a password, so it cannot be shown here." in text
