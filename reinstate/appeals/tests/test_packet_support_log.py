"""The packet's support-log appendix: every line of a chat, both sides, in order, in the PDF,
the plain text and the .docx; contacts in the order they happened, an unknown time said so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from reinstate.appeals.packet_build import build_packet
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.comms.imports import chat_summary
from reinstate.rules.comms.chat import split_turns

pytestmark = pytest.mark.django_db

CHAT = (
    "Amazon Flex Support (10:31 AM): Hi Dana, thanks for contacting us.\n"
    "You (10:32 AM): My account was deactivated and I do not know why.\n"
    "The gate at DLA7 was locked.\n"
    "Amazon Flex Support (10:35 AM): I have opened case 4455667 for you.\n"
    "You (10:36 AM): Thank you, I will send the photos."
)
LINES = [
    "Amazon Flex Support (support), 10:31 AM: Hi Dana, thanks for contacting us.",
    "You (driver), 10:32 AM: My account was deactivated and I do not know why.",
    "Amazon Flex Support (support), 10:35 AM: I have opened case 4455667 for you.",
    "You (driver), 10:36 AM: Thank you, I will send the photos.",
]


@pytest.fixture
def with_chat(ready_case: Case) -> Case:
    turns = split_turns(CHAT)
    summary, agent = chat_summary(turns)
    do_add_contact(
        case=ready_case,
        actor=ready_case.owner,
        channel="in_app_chat",
        direction="to_platform",
        at=datetime.fromisoformat("2026-11-02T10:31:00-08:00"),  # before the call, added after
        summary=summary,
        agent=agent,
        body=CHAT,
        turns=turns,
    )
    do_add_contact(
        case=ready_case,
        actor=ready_case.owner,
        channel="email",
        direction="from_platform",
        at=datetime.fromisoformat("2026-12-01T09:00:00-08:00"),
        at_known=False,
        summary="An email with no date",
    )
    return ready_case


def in_order(text: str, *parts: str) -> bool:
    places = [text.find(part) for part in parts]
    return -1 not in places and places == sorted(places)


def test_the_plain_text_has_every_line_of_the_chat_in_order(
    with_chat: Case, tmp_path: Path
) -> None:
    out = tmp_path / "appeal.txt"
    build_packet(case=with_chat, fmt="txt", draft=False, actor=with_chat.owner, out=out)
    text = out.read_text()
    assert in_order(text, "2026-11-02 10:31", *LINES, "2026-11-03 10:05", "Date unknown")
    assert "The gate at DLA7 was locked." in text
    assert "2026-12-01" not in text  # the import time is not printed as the email's date


def test_the_pdf_appendix_has_every_line_of_the_chat_in_order(
    with_chat: Case, tmp_path: Path
) -> None:
    out = tmp_path / "appeal.pdf"
    build_packet(case=with_chat, fmt="pdf", draft=False, actor=with_chat.owner, out=out)
    reader = PdfReader(out)
    appendix = " ".join(" ".join(reader.pages[-1].extract_text().split()).split())
    assert "Appendix: contacts with support" in appendix
    words = [" ".join(line.split()) for line in LINES]
    assert in_order(appendix, "2026-11-02", *words, "2026-11-03", "Date unknown")
    assert "The gate at DLA7 was locked." in appendix


def test_the_docx_appendix_has_every_line_of_the_chat(with_chat: Case, tmp_path: Path) -> None:
    out = tmp_path / "appeal.docx"
    build_packet(case=with_chat, fmt="docx", draft=False, actor=with_chat.owner, out=out)
    table = Document(str(out)).tables[-1]
    summaries = [row.cells[2].text for row in table.rows[1:]]
    assert in_order(summaries[0], *LINES)
    assert [row.cells[0].text for row in table.rows[1:]][-1] == "Date unknown"
