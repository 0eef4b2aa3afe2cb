"""Reading emails and mailboxes: odd charsets, missing dates, hostile names, cut-short files."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from reinstate.comms.mail import Mail, MailFilter, Skipped, read_mbox, read_message
from reinstate.comms.mbox import split_mbox
from reinstate.testing.mails import email, mbox, png_bytes, with_attachment


def read(data: bytes) -> Mail:
    mail = read_message(data, "x.eml")
    assert isinstance(mail, Mail), mail
    return mail


def test_it_reads_sender_subject_time_body_and_tickets() -> None:
    mail = read(email())
    assert mail.sender_address == "support@flex.example"
    assert mail.subject == "Re: Your account [Case #12345678]"
    assert mail.at is not None and mail.at.isoformat() == "2026-11-03T10:00:00-08:00"
    assert "reviewing your account" in mail.body
    assert mail.tickets == ["12345678"]
    assert mail.key == "a1@flex.example"


def test_it_reads_odd_character_sets() -> None:
    latin = (
        b"From: =?iso-8859-1?q?Soporte_Espa=F1a?= <soporte@flex.example>\n"
        b"Subject: =?koi8-r?b?8NLJ18XU?=\nDate: Tue, 03 Nov 2026 10:00:00 -0800\n"
        b"Content-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"Se=F1or, su reclamo n=FAmero 445566 est=E1 abierto.\n"
    )
    mail = read(latin)
    assert mail.sender.startswith("Soporte España")
    assert mail.subject == "Привет"
    assert "Señor, su reclamo número 445566 está abierto." in mail.body
    assert mail.tickets == ["445566"]


def test_it_survives_an_unknown_or_lying_charset() -> None:
    unknown = email(extra="").replace(b"charset=utf-8", b"charset=x-no-such-charset")
    assert "reviewing" in read(unknown).body
    lying = email(body="caf\xe9").replace(b"caf\xc3\xa9", b"caf\xe9")  # Latin-1 labelled UTF-8
    assert read(lying).body == "café"
    broken_word = email(subject="=?x-unknown?q?Hola?=")
    assert "Hola" in read(broken_word).subject


def test_it_keeps_a_message_without_a_date_and_says_so() -> None:
    assert read(email(date=None)).at is None
    assert read(email(date="sometime last week")).at is None
    # "-0000" is UTC with the sender's zone unknown (RFC 5322): a time, not "no date".
    assert read(email(date="Tue, 03 Nov 2026 10:00:00 -0000")).at == datetime(
        2026, 11, 3, 10, 0, tzinfo=UTC
    )


def test_it_names_a_message_without_message_id_by_its_content() -> None:
    first = read(email(message_id=None))
    again = read(email(message_id=None))
    other = read(email(message_id=None, body="Something else"))
    assert first.key.startswith("sha256:")
    assert first.key == again.key != other.key


def test_it_keeps_attachments_with_hostile_names_as_given_for_the_locker() -> None:
    mail = read(with_attachment("../../etc/passwd\x07.png", png_bytes()))
    assert mail.body == "See the attached file."
    [attachment] = mail.attachments
    assert attachment.media_type == "image/png"
    assert attachment.data.startswith(b"\x89PNG")


def test_it_skips_what_is_not_an_email_with_a_reason() -> None:
    for junk in (b"", b"\x00\x01\x02 binary", b"just some text\nwith lines\n"):
        skipped = read_message(junk, "junk.eml")
        assert isinstance(skipped, Skipped)
        assert "not an email" in skipped.reason
    assert isinstance(read_message(b"X-Thing: 1\n\nbody\n", "x.eml"), Skipped)


def test_it_reads_a_mailbox_and_skips_the_malformed_message() -> None:
    data = mbox(email(), b"garbage without headers\n", email(message_id="<b@x>"))
    found = list(read_mbox(io.BytesIO(data)))
    assert [type(item).__name__ for item in found] == ["Mail", "Skipped", "Mail"]
    assert isinstance(found[1], Skipped) and found[1].item == "message 2"


def test_it_unescapes_from_lines_in_bodies() -> None:
    data = mbox(email(body="Hello\n>From the team\n>>From quoted"))
    [mail] = list(read_mbox(io.BytesIO(data)))
    assert isinstance(mail, Mail)
    assert mail.body.endswith("Hello\nFrom the team\n>From quoted")


def test_it_imports_what_is_complete_of_a_cut_short_mailbox() -> None:
    data = mbox(email(), email(message_id="<b@x>"), with_attachment("x.png", png_bytes()))
    cut = data[: len(data) - 200]
    found = list(read_mbox(io.BytesIO(cut)))
    assert [type(item).__name__ for item in found] == ["Mail", "Mail", "Skipped"]
    last = found[-1]
    assert isinstance(last, Skipped) and "cut short" in last.reason
    # Cut inside the headers of the last message, without a final line break.
    found = list(read_mbox(io.BytesIO(data[: data.rindex(b"Subject: Your screenshot") + 10])))
    assert isinstance(found[-1], Skipped) and isinstance(found[1], Mail)


def test_it_refuses_a_file_that_is_not_a_mailbox() -> None:
    [only] = list(read_mbox(io.BytesIO(b"name,date\nDana,2026-11-03\n")))
    assert isinstance(only, Skipped) and "not an mbox" in only.reason
    assert list(read_mbox(io.BytesIO(b""))) == []


def test_it_skips_a_message_too_large_without_holding_it() -> None:
    big = email(body="x" * 5000)
    found = list(split_mbox(io.BytesIO(mbox(big, email())), max_bytes=2000))
    assert [problem.startswith("Larger") for _, _, problem in found] == [True, False]


def test_it_streams_crlf_mailboxes() -> None:
    data = mbox(email(), email(message_id="<b@x>")).replace(b"\n", b"\r\n")
    found = list(read_mbox(io.BytesIO(data)))
    assert [item.subject for item in found if isinstance(item, Mail)] == [
        "Re: Your account [Case #12345678]"
    ] * 2


def test_it_picks_messages_about_the_case() -> None:
    mail = read(email())
    assert MailFilter().matches(mail)
    assert MailFilter(sender="flex.example", ticket="#12345678").matches(mail)
    assert not MailFilter(sender="uber").matches(mail)
    assert not MailFilter(subject="payment").matches(mail)
    assert not MailFilter(ticket="999999").matches(mail)
    assert MailFilter(since=date(2026, 11, 3), until=date(2026, 11, 3)).matches(mail)
    assert not MailFilter(since=date(2026, 11, 4)).matches(mail)
    assert not MailFilter(since=date(2026, 11, 1)).matches(read(email(date=None)))
