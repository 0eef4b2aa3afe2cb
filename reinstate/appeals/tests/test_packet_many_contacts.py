"""The packet's support-log appendix with thousands of contacts (an imported mailbox): it lists
the latest PACKET_LOG_CONTACTS, in order, and says how many more there are and where they are;
gathering it reads a bounded number of rows in a fixed number of queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from reinstate.appeals.packet_build import build_packet
from reinstate.appeals.packet_content import PACKET_LOG_CONTACTS, gather
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import default_store
from reinstate.testing.contacts import add_many_contacts, unbounded_contact_reads

pytestmark = pytest.mark.django_db

MANY = 2_000  # an hour apart from June, and the ready case's own contact (3 November) last
MORE = 1_000


def test_it_lists_the_latest_contacts_and_says_how_many_more(ready_case: Case) -> None:
    add_many_contacts(ready_case, MANY)
    with CaptureQueriesContext(connection) as few_queries:
        gather(ready_case, store=default_store(), draft=True, now=timezone.now())
    add_many_contacts(ready_case, MORE, first=MANY)
    with CaptureQueriesContext(connection) as seen:
        content = gather(ready_case, store=default_store(), draft=True, now=timezone.now())

    assert len(seen.captured_queries) == len(few_queries.captured_queries)
    assert unbounded_contact_reads(seen.captured_queries) == []
    log = content.support_log
    assert len(log) == PACKET_LOG_CONTACTS
    total = MANY + MORE
    first_shown = total - PACKET_LOG_CONTACTS + 1
    assert log[0].summary == f"Message number {first_shown}"  # in the order they happened
    assert log[-2].summary == f"Message number {total - 1}"
    assert log[-1].summary == "Reported the locked gate at DLA7"
    more = total + 1 - PACKET_LOG_CONTACTS
    assert f"{more:,} earlier contacts are not listed" in content.support_log_more
    assert "full support log" in content.support_log_more


def test_a_short_log_is_listed_whole_without_the_line(ready_case: Case) -> None:
    add_many_contacts(ready_case, 10)
    content = gather(ready_case, store=default_store(), draft=True, now=timezone.now())
    assert len(content.support_log) == 11 and content.support_log_more == ""


def test_the_text_and_pdf_packets_say_so(ready_case: Case, tmp_path: Path) -> None:
    add_many_contacts(ready_case, MANY)
    more = f"{MANY + 1 - PACKET_LOG_CONTACTS:,} earlier contacts are not listed"

    text = tmp_path / "appeal.txt"
    build_packet(case=ready_case, fmt="txt", draft=False, actor=ready_case.owner, out=text)
    written = text.read_text(encoding="utf-8")
    assert written.count("Message number") == PACKET_LOG_CONTACTS - 1 and more in written

    pdf = tmp_path / "appeal.pdf"
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=ready_case.owner, out=pdf)
    pages = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert more in " ".join(pages.split())
    assert "Message number 0 " not in pages and f"Message number {MANY - 1}" in pages
