"""Emails as real mail programs save them (issue 15): an .eml that starts with the mbox
"From " line and carries raw UTF-8 headers, and dates ending in "-0000"."""

from __future__ import annotations

from datetime import UTC, datetime

from reinstate.comms.mail import Mail, read_message
from reinstate.lib.mail_date import mail_date
from reinstate.lib.notice_file import notice_from_file

SAVED_BY_THUNDERBIRD = (
    "From support@flex.example Mon Nov  3 10:00:00 2026\n"
    "From: Équipe Amazon Flex <support@flex.example>\n"
    "Subject: Réclamation — ticket #12345\n"
    "Date: Mon, 3 Nov 2026 10:00:00 -0000\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Bonjour, votre compte Amazon Flex est désactivé.\n"
).encode()
UTC_TEN = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)


def test_it_reads_a_minus_zero_date_as_utc() -> None:
    assert mail_date("Mon, 3 Nov 2026 10:00:00 -0000") == UTC_TEN
    assert mail_date("Mon, 3 Nov 2026 02:00:00 -0800") == UTC_TEN
    for unreadable in ("", "  ", "yesterday", "Mon, 3 Nov 89990000000000000000000 10:00:00 +0000"):
        assert mail_date(unreadable) is None


def test_the_support_log_reads_a_saved_eml_as_its_sender_wrote_it() -> None:
    mail = read_message(SAVED_BY_THUNDERBIRD, "saved.eml")
    assert isinstance(mail, Mail)
    assert mail.subject == "Réclamation — ticket #12345"
    assert mail.sender == "Équipe Amazon Flex <support@flex.example>"
    assert mail.sender_address == "support@flex.example"
    assert mail.at == UTC_TEN
    assert mail.tickets == ["12345"]


def test_a_header_the_parser_cannot_make_sense_of_does_not_lose_the_message() -> None:
    mail = read_message(b"From::;s\nSubject: hi\nDate: x\n\nbody", "odd.eml")
    assert isinstance(mail, Mail)
    assert (mail.subject, mail.body, mail.at) == ("hi", "body", None)


def test_a_notice_saved_as_eml_keeps_its_words_and_its_utc_time() -> None:
    notice = notice_from_file(SAVED_BY_THUNDERBIRD, "notice.eml")
    assert "Réclamation — ticket #12345" in notice.text
    assert "votre compte Amazon Flex est désactivé" in notice.text
    assert notice.sender == "Équipe Amazon Flex <support@flex.example>"
    assert notice.received == UTC_TEN
