"""The notice as received is in the PDF and the .docx (the checklist counts it as given with the
case), word for word, and left out of the plain text for the web form (the platform has it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from reinstate.accounts.models import User
from reinstate.appeals.packet_build import build_packet
from reinstate.appeals.packet_content import gather
from reinstate.cases.actions import do_open_case
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import default_store
from reinstate.lib.notice_file import MAX_NOTICE_BYTES, notice_from_file, notice_from_text
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db

TITLE = "Appendix: the notice, as received"
SENTENCES = (
    "We have decided to end your participation in the Amazon Flex program.",
    "Over the past 30 days you arrived late to the delivery station for several blocks.",
    "You may appeal this decision within 10 calendar days of this message.",
    "Your case number is 58213377.",
)
RECEIVED = "Received 2 November 2026, 16:00 PST"  # the open_case fixture's time, in LA
# Every character Typst markup would act on, on lines of their own; and a run too long for a line.
SPECIAL_LINES = (
    "Ref #A-7: $5 * 2 = $10_total, ask @support <b>now</b> `tick` C:\\path\\to [x] [/y]",
    "    indented = kept",
    "= Not a heading",
    "- not a list",
    "#set text(fill: red)",
    '#let x = "quote" // not a comment */',
    "~ ^ & % { } ' \" 'single' <label> @ref",
)
LONG_RUN = "Z" * 200
SPECIAL = "\n".join((FLEX_LATE, *SPECIAL_LINES, LONG_RUN, "The end."))
EMAIL = (
    "From: Amazon Flex <no-reply@amazonflex.example>\r\n"
    "Subject: Your Amazon Flex account\r\n"
    "Date: Mon, 02 Nov 2026 16:00:00 -0800\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n" + FLEX_LATE.replace("\n", "\r\n")
)


def pdf_pages(case: Case, out: Path, *, draft: bool = False) -> list[str]:
    build_packet(case=case, fmt="pdf", draft=draft, actor=case.owner, out=out)
    return [page.extract_text() for page in PdfReader(out).pages]


def the_appendix(pages: list[str]) -> str:
    """Every page of the notice's appendix, which runs on until the support log or the end."""
    start = next(i for i, text in enumerate(pages) if TITLE in text)
    end = next(
        (i for i, text in enumerate(pages) if "Appendix: contacts with support" in text),
        len(pages),
    )
    return "\n".join(pages[start:end])


def flat(text: str) -> str:
    return " ".join(text.split())


def docx_appendix(case: Case, out: Path, *, draft: bool = False) -> list[Any]:
    """The paragraphs under the notice's heading."""
    build_packet(case=case, fmt="docx", draft=draft, actor=case.owner, out=out)
    paragraphs: list[Any] = Document(str(out)).paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"]
    start = next(i for i in headings if paragraphs[i].text == TITLE)
    end = next((i for i in headings if i > start), len(paragraphs))
    return paragraphs[start + 1 : end]


def test_it_puts_the_notice_after_the_exhibits_and_before_the_support_log(
    ready_case: Case, tmp_path: Path
) -> None:
    out = tmp_path / "appeal.pdf"
    pages = pdf_pages(ready_case, out)
    # Letter, index, photo A, invoice B (3), photo C, the notice, the support log.
    assert len(pages) == 9
    assert "Exhibit C" in pages[6] and TITLE in pages[7]
    assert "Appendix: contacts with support" in pages[8]
    appendix = flat(pages[7])
    assert all(sentence in appendix for sentence in SENTENCES)
    assert RECEIVED in pages[7] and "Original file" not in pages[7]  # pasted, not a file
    assert "Page 8 of 9" in pages[7]
    outline = [item.title for item in PdfReader(out).outline if not isinstance(item, list)]
    assert outline[-2:] == [TITLE, "Appendix: contacts with support"]


def test_it_puts_the_notice_in_the_docx_line_for_line(ready_case: Case, tmp_path: Path) -> None:
    intro, text = docx_appendix(ready_case, tmp_path / "appeal.docx")
    assert intro.text.splitlines()[1:] == [RECEIVED]
    assert text.text == ready_case.notice_text
    assert all(sentence in flat(text.text) for sentence in SENTENCES)


def test_typst_markup_in_the_notice_comes_out_verbatim(
    driver: User, open_case: Callable[..., Case], tmp_path: Path
) -> None:
    case = open_case(driver, SPECIAL)
    appendix = the_appendix(pdf_pages(case, tmp_path / "appeal.pdf", draft=True))
    lines = appendix.splitlines()
    for line in SPECIAL_LINES:
        assert line in lines
    # The long run is cut across lines to stay on the page, but all of it is there.
    assert LONG_RUN in "".join(lines) and "The end." in lines
    _, text = docx_appendix(case, tmp_path / "appeal.docx", draft=True)
    assert text.text == case.notice_text == SPECIAL


def test_an_emailed_notice_says_its_file_its_sender_and_the_emails_date(
    driver: User, tmp_path: Path
) -> None:
    case = do_open_case(
        owner=driver,
        notice=notice_from_file(EMAIL.encode(), "notice.eml"),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
    )
    details = [
        f"{RECEIVED} (the email's date)",
        "From: Amazon Flex <no-reply@amazonflex.example>",
        "Original file: notice.eml",
    ]
    notice = gather(case, store=default_store(), draft=True, now=timezone.now()).notice
    assert notice is not None and notice.details == details
    appendix = the_appendix(pdf_pages(case, tmp_path / "appeal.pdf", draft=True))
    assert all(line in appendix for line in details)
    assert "Subject: Your Amazon Flex account" not in appendix  # the text starts with it bare
    assert "Your Amazon Flex account\n" in appendix
    intro, _ = docx_appendix(case, tmp_path / "appeal.docx", draft=True)
    assert intro.text.splitlines()[1:] == details


def test_a_time_assumed_at_opening_is_not_shown_as_when_it_arrived(driver: User) -> None:
    opened = datetime.fromisoformat("2026-11-04T09:30:00-08:00")
    case = do_open_case(
        owner=driver,
        notice=notice_from_text(FLEX_LATE),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
        now=opened,
    )
    notice = gather(case, store=default_store(), draft=True, now=opened).notice
    assert notice is not None
    assert notice.received == (
        "Received by 4 November 2026, 09:30 PST, when the driver saved it; "
        "the exact time was not noted"
    )


def test_a_notice_at_the_intake_limit_goes_in_whole(
    driver: User, open_case: Callable[..., Case], tmp_path: Path
) -> None:
    line = "Line {:05d} of the notice, kept whole because it is evidence."
    lines = [line.format(n) for n in range(MAX_NOTICE_BYTES // (len(line) + 1))]
    case = open_case(driver, "\n".join([FLEX_LATE, *lines]))
    appendix = the_appendix(pdf_pages(case, tmp_path / "appeal.pdf", draft=True))
    assert lines[0] in appendix and lines[-1] in appendix
    assert appendix.count("of the notice, kept whole") == len(lines)


def test_the_plain_text_for_the_web_form_leaves_the_notice_out(
    ready_case: Case, tmp_path: Path
) -> None:
    out = tmp_path / "appeal.txt"
    build_packet(case=ready_case, fmt="txt", draft=False, actor=ready_case.owner, out=out)
    text = out.read_text()
    assert not any(sentence in text for sentence in SENTENCES[:3])
    assert TITLE not in text and "Notice reference: 58213377" in text
