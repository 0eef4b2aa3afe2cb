"""The plain text for a web form and the .docx say what the PDF says."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from docx import Document
from pytest_django.fixtures import Settings

from reinstate.appeals.packet_build import build_packet, text_count
from reinstate.cases.models import Case

pytestmark = pytest.mark.django_db


def test_plain_text_has_the_letter_the_exhibits_and_a_count(
    ready_case: Case, settings: Settings
) -> None:
    settings.WEB_FORM_LIMIT = 500
    packet = build_packet(case=ready_case, fmt="txt", draft=False, actor=ready_case.owner)
    text = (Path(settings.REINSTATE_HOME) / packet.path).read_text()
    assert text.startswith("Dana María Reyes\nAmazon Flex account: dana.reyes@example.com\n")
    assert "\n\nDear Amazon Flex team," in text
    for item in ready_case.evidence.select_related("blob"):
        assert f"Exhibit {item.exhibit}:" in text and item.blob.sha256 in text
    assert "SR-20931" in text
    count = text_count(packet)
    assert count is not None and asdict(count) == {
        "chars": len(text.rstrip()),
        "limit": 500,
        "fits": False,
        "over": len(text.rstrip()) - 500,
    }


def test_a_packet_file_gone_since_leaves_no_count_rather_than_an_error(
    ready_case: Case, settings: Settings
) -> None:
    packet = build_packet(case=ready_case, fmt="txt", draft=True, actor=ready_case.owner)
    assert text_count(packet) is not None
    (Path(settings.REINSTATE_HOME) / packet.path).unlink()
    assert text_count(packet) is None


def test_a_failed_build_leaves_no_work_folder_behind(
    ready_case: Case, settings: Settings, tmp_path: Path
) -> None:
    # The place it goes is under a file, so the folder beside the packet cannot be made.
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(OSError):
        build_packet(
            case=ready_case, fmt="txt", draft=True, actor=ready_case.owner,
            out=tmp_path / "a-file" / "appeal.txt",
        )  # fmt: skip
    work = Path(settings.REINSTATE_HOME) / "packets" / "tmp"
    assert not any(work.iterdir())


def test_docx_has_the_letter_and_the_index(ready_case: Case, tmp_path: Path) -> None:
    out = tmp_path / "appeal.docx"
    build_packet(case=ready_case, fmt="docx", draft=True, actor=ready_case.owner, out=out)
    document = Document(str(out))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "DRAFT" in words and "I am writing to appeal" in words
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for item in ready_case.evidence.select_related("blob"):
        assert item.blob.sha256 in cells
