"""Emails as real mail programs save them (issue 15): an .eml that starts with the mbox
"From " line and carries raw UTF-8 headers, and dates ending in "-0000"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reinstate.comms.mail import Mail, Skipped, read_message
from reinstate.lib.mail_date import mail_date
from reinstate.lib.notice_file import NoticeInputError, notice_from_file

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


HOSTILE = {
    "an address that is only punctuation": b"From::;s\nSubject: Your account\n",
    "a year of 23 digits": b"From: a@b.c\nDate: Mon, 3 Nov 89990000000000000000000 1:00 +0000\n",
    "a NUL in the charset": b'From: a@b.example\nContent-Type: text/plain; charset="x\x00"\n',
    "an encoded word in an unknown charset": b"From: a@b.example\nSubject: =?x-zz?q?hello?=\n",
}


def test_hostile_headers_are_read_as_text_not_a_crash() -> None:
    for what, head in HOSTILE.items():
        raw = head + b"\nYour Amazon Flex account has been deactivated.\n"
        notice = notice_from_file(raw, "notice.eml")
        assert "has been deactivated" in notice.text, what
        assert isinstance(read_message(raw, "notice.eml"), Mail), what


def test_mime_nested_hundreds_deep_is_refused_or_skipped_with_a_reason() -> None:
    parts = b"".join(
        f"--b{i}\nContent-Type: multipart/mixed; boundary=b{i + 1}\n\n".encode() for i in range(965)
    )
    raw = (
        b"From: a@b.example\nSubject: n\nContent-Type: multipart/mixed; boundary=b0\n\n"
        + parts
        + b"--b965\nContent-Type: text/plain\n\nYour account has been deactivated.\n"
    )
    with pytest.raises(NoticeInputError, match="too many layers"):
        notice_from_file(raw, "deep.eml")
    assert isinstance(read_message(raw, "deep.eml"), Mail | Skipped)


# A delivery report with no text part of its own (a mail server wrote its words in the status
# part, then attached the original): get_body finds no body in it.
BOUNCED = (
    b"From: Mail Delivery System <mailer-daemon@flex.example>\n"
    b"Subject: Mail System Error - Returned Mail\n"
    b"Date: Mon, 3 Nov 2026 10:00:00 -0000\n"
    b"MIME-Version: 1.0\n"
    b'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\n'
    b"\n"
    b"--b1\n"
    b"Content-Type: message/delivery-status\n"
    b"\n"
    b"This message was undeliverable: the mailbox appeals@flex.example is full.\n"
    b"--b1\n"
    b"Content-Type: message/rfc822\n"
    b"\n"
    b"From: Dana <dana@example.org>\n"
    b"Subject: My appeal\n"
    b"Content-Type: text/plain\n"
    b"\n"
    b"I ask you to reinstate my account.\n"
    b"--b1--\n"
)
# Outlook once wrote a boundary the parser cannot find: the whole body arrives as one lump.
BROKEN_BOUNDARY = (
    b"From: Amazon Flex <support@flex.example>\n"
    b"Subject: Your Amazon Flex account\n"
    b"Date: Mon, 3 Nov 2026 10:00:00 -0000\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: multipart/alternative;\n"
    b"\tboundary=----=_NextPart_000_0093_01C81419.EB75E850\n"
    b"\n"
    b"This is a multi-part message in MIME format.\r\n"
    b"\r\n"
    b"------=_NextPart_000_0093_01C81419.EB75E850\r\n"
    b"Content-Type: text/plain;\r\n"
    b'\tcharset="iso-8859-1"\r\n'
    b"\r\n"
    b"Your account has been deactivated. You may appeal within 10 days.\r\n"
    b"------=_NextPart_000_0093_01C81419.EB75E850--\r\n"
)


def test_a_delivery_report_is_read_from_its_text_parts() -> None:
    notice = notice_from_file(BOUNCED, "bounce.eml")
    assert "undeliverable" in notice.text
    assert "I ask you to reinstate my account." in notice.text


def test_a_multipart_with_a_broken_boundary_keeps_its_words_without_the_mime_lines() -> None:
    notice = notice_from_file(BROKEN_BOUNDARY, "outlook.eml")
    assert "Your account has been deactivated. You may appeal within 10 days." in notice.text
    assert "NextPart" not in notice.text and "charset" not in notice.text


def test_a_lump_of_binary_is_still_no_readable_text() -> None:
    binary = BROKEN_BOUNDARY.split(b"\n\n", 1)[0] + b"\n\n" + bytes(range(256)) * 8
    with pytest.raises(NoticeInputError, match="no readable text"):
        notice_from_file(binary, "odd.eml")
