"""Reading emails a driver gives us: one .eml, or an .mbox streamed message by message.

Pure, no Django. An mbox is read line by line from a file object, so memory holds one message
at a time whatever the size of the file; a message larger than MAX_MESSAGE_BYTES is skipped
without being held. Each message that cannot be read is a Skipped with a reason a person can
act on; the rest are read. A file that ends in the middle of a message (a truncated download)
gives the complete messages and a Skipped for the last one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email import message_from_bytes
from email import policy as email_policy
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses
from typing import BinaryIO, Protocol

from django.utils.translation import gettext as _

from reinstate.comms.mbox import HEAD_END as _HEAD_END
from reinstate.comms.mbox import split_mbox
from reinstate.lib.mail_date import mail_date
from reinstate.lib.notice_file import _decode_bytes, html_to_text
from reinstate.rules.notice.references import ticket_numbers

MAX_MESSAGE_BYTES = 30 * 1000 * 1000
# The notice reader's decoding: the charset claimed, else UTF-8, else Windows-1252, never an error.
decode_text = _decode_bytes
MAX_BODY_CHARS = 100_000
# Ticket numbers sit in the subject and the first lines; quoted replies below repeat them.
TICKET_SCAN_CHARS = 5000
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")


@dataclass(frozen=True)
class Attachment:
    filename: str  # as the message names it; the evidence locker makes it safe
    media_type: str
    data: bytes


@dataclass(frozen=True)
class Mail:
    label: str  # "message 3" in an mbox, or the file name
    key: str  # the Message-ID, else "sha256:" and the hash of the raw message
    sender: str
    sender_address: str
    subject: str
    at: datetime | None  # aware, or None when the message has no readable Date
    body: str
    tickets: list[str]
    attachments: list[Attachment] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    item: str
    reason: str


class About(Protocol):
    """Which messages to import: a MailFilter, or the ones the driver picked."""

    def matches(self, mail: Mail) -> bool: ...


@dataclass(frozen=True)
class MailFilter:
    """Which messages are about this case. An empty field does not filter."""

    sender: str = ""
    subject: str = ""
    since: date | None = None
    until: date | None = None
    ticket: str = ""

    def matches(self, mail: Mail) -> bool:
        if self.sender and self.sender.casefold() not in mail.sender.casefold():
            return False
        if self.subject and self.subject.casefold() not in mail.subject.casefold():
            return False
        day = mail.at.date() if mail.at else None
        if self.since and (day is None or day < self.since):
            return False
        if self.until and (day is None or day > self.until):
            return False
        if self.ticket:
            wanted = self.ticket.strip().lstrip("#").casefold()
            if wanted not in {t.casefold() for t in mail.tickets}:
                return False
        return True


def read_mbox(source: BinaryIO) -> Iterator[Mail | Skipped]:
    """Each message of an mbox in turn, read or skipped."""
    for number, raw, problem in split_mbox(source, max_bytes=MAX_MESSAGE_BYTES):
        # A message keeps its English label (an attachment's note is stored with it); what is
        # skipped is only shown, in the reader's language.
        label = f"message {number}" if number else "the start of the file"  # i18n: stored
        found = Skipped(label, _(problem)) if problem else read_message(raw, label)
        if isinstance(found, Skipped):
            shown = _("message %(number)s") % {"number": number} if number else None
            found = Skipped(shown or _("the start of the file"), found.reason)
        yield found


def read_message(raw: bytes, label: str) -> Mail | Skipped:
    """One message. Anything without the headers of an email is skipped with the reason."""
    try:
        return _read_message(raw, label)
    except RecursionError:  # parts inside parts, hundreds deep: no mail program writes that
        return Skipped(label, _("This message is packed in too many layers to read."))


def _read_message(raw: bytes, label: str) -> Mail | Skipped:
    raw = _without_mbox_line(raw)
    if not any(_HEADER_LINE.match(line) for line in raw[:4096].split(b"\n", 3)[:3]):
        return Skipped(label, _("This is not an email: it has no headers (From, Date, Subject)."))
    head_end = _HEAD_END.search(raw)
    headers = _quick_headers(raw[: head_end.start()] if head_end else raw)
    message: Message | None = None
    if headers is None:
        message, headers = _parsed_headers(raw)
    sender = _header_text(headers.get("from", ""))
    subject = _header_text(headers.get("subject", ""))
    if not (sender or subject or headers.get("date")):
        return Skipped(label, _("This is not an email: it has no sender, subject or date."))
    message_id = _header_text(headers.get("message-id", "")).strip("<> \t")[:250]
    body_text = None
    if message is None and head_end is not None:
        body_text = _simple_body(headers, raw[head_end.end() :])
        if body_text is None:
            body_text = _alternative_body(headers, raw[head_end.end() :])
    attachments: list[Attachment] = []
    if body_text is not None:
        body = body_text
    else:
        body, attachments = _contents(message or message_from_bytes(raw, policy=compat32))
    return Mail(
        label=label,
        key=message_id or "sha256:" + hashlib.sha256(raw).hexdigest(),
        sender=sender[:300],
        sender_address=_address(sender),
        subject=subject[:300],
        at=mail_date(headers.get("date", "")),
        body=body,
        tickets=_tickets(subject, body),
        attachments=attachments,
    )


def _without_mbox_line(raw: bytes) -> bytes:
    """An .eml saved with the "From sender date" line an mbox starts each message with (what
    Thunderbird's "Save As" writes): the headers start on the next line."""
    if raw.startswith(b"From "):  # a header would be "From:"
        return raw.partition(b"\n")[2]
    return raw


def _parsed_headers(raw: bytes) -> tuple[Message, dict[str, str]]:
    """Irregular headers, read as mail clients do: raw UTF-8 in a header is read as UTF-8
    (compat32 would garble it). A header the modern parser cannot make sense of is taken as
    compat32 reads it, rather than failing the message."""
    message = message_from_bytes(raw, policy=email_policy.default)
    headers: dict[str, str] = {}
    for name in reversed(message.keys()):
        try:
            value = str(message[name])
        except Exception:
            value = str(message_from_bytes(raw, policy=compat32).get(name, ""))
        headers[name.lower()] = value
    return message, headers


def _quick_headers(block: bytes) -> dict[str, str] | None:
    """The headers (first of each name), or None when they are irregular: the email package
    reads those, and every multipart message, more slowly but as mail clients do."""
    headers: dict[str, str] = {}
    name = ""
    for line in block.split(b"\n"):
        line = line.rstrip(b"\r")
        if line[:1] in (b" ", b"\t") and name:
            headers[name] += " " + _text(line.strip())
            continue
        colon = line.find(b":")
        if colon <= 0 or not _HEADER_LINE.match(line):
            return None
        name = _text(line[:colon]).lower()
        if name in headers:
            name = "\0"  # a repeated header (Received): the first one counts
            headers[name] = ""
        else:
            headers[name] = _text(line[colon + 1 :].strip())
    return headers


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.I)


def _simple_body(headers: dict[str, str], body: bytes) -> str | None:
    """The text of a one-part text message, or None for anything else (attachments, parts)."""
    content_type = headers.get("content-type", "text/plain")
    main = content_type.split(";", 1)[0].strip().lower()
    if main not in ("text/plain", "text/html") or "name=" in content_type.lower():
        return None
    if "content-disposition" in headers:
        return None
    encoding = headers.get("content-transfer-encoding", "").strip().lower()
    try:
        if encoding == "base64":
            body = base64.b64decode(body)
        elif encoding == "quoted-printable":
            body = quopri.decodestring(body)
    except (binascii.Error, ValueError):
        return None  # the email package decides what can be read of it
    charset = _CHARSET.search(content_type)
    text = decode_text(body, charset.group(1) if charset else None)
    if main == "text/html":
        text = html_to_text(text)
    return _clean_body(text)


# A text beside its HTML, as most mail programs send: read here when plain (two or more text parts
# with plain headers, lines ending in LF); anything else is read by the email package, as is.
_ALTERNATIVE = re.compile(
    r"""multipart/alternative;\s*boundary=("?)([0-9A-Za-z'()+_,./:=?-]{1,70})\1""", re.I
)
_PART_TYPE = re.compile(rb'content-type: text/(plain|html)(?:; charset="?([0-9a-z_-]+)"?)?', re.I)
_PART_ENCODING = re.compile(rb"content-transfer-encoding: (7bit|8bit|quoted-printable)", re.I)


def _alternative_body(headers: dict[str, str], body: bytes) -> str | None:
    """The text of a multipart/alternative message of plain text parts, as _contents reads it
    (the plain parts, else the HTML ones), or None for anything else."""
    found = _ALTERNATIVE.fullmatch(headers.get("content-type", ""))
    if not found or "content-disposition" in headers or b"\r" in body:
        return None
    opening = b"--" + found.group(2).encode()
    closing = opening + b"--"
    parts: list[list[bytes]] = []
    current: list[bytes] | None = None
    for line in body.split(b"\n"):
        if line == opening:
            if current is not None:
                parts.append(current)
            current = []
        elif line == closing:
            if current is None:
                return None
            parts.append(current)
            break
        elif line.startswith(opening):
            return None  # a boundary with more after it: the email package decides
        elif current is not None:
            current.append(line)
    else:
        return None  # never closed
    plain: list[str] = []
    html: list[str] = []
    for lines in parts:
        read = _plain_part(lines)
        if read is None:
            return None
        kind, text = read
        (plain if kind == b"plain" else html).append(text)
    if not parts:
        return None
    text = "\n\n".join(plain) if plain else html_to_text("\n".join(html))
    return _clean_body(text)


def _plain_part(lines: list[bytes]) -> tuple[bytes, str] | None:
    """(plain or html, its text) of one part with a text type and nothing else in its head."""
    if b"" not in lines:
        return None
    blank = lines.index(b"")
    kind, charset, encoding = b"plain", None, b""
    typed = coded = False
    for line in lines[:blank]:
        found = _PART_TYPE.fullmatch(line)
        if found and not typed:
            typed = True
            kind = found.group(1).lower()
            charset = found.group(2).decode().lower() if found.group(2) else None
            continue
        found = _PART_ENCODING.fullmatch(line)
        if found and not coded:
            coded = True
            encoding = found.group(1).lower()
            continue
        return None
    data = b"\n".join(lines[blank + 1 :])
    if encoding == b"quoted-printable":
        data = quopri.decodestring(data)
    return kind, decode_text(data, charset)


# A ticket number has digits: only the lines with digits (and the line before each, for
# "Case number:" on a line of its own) are read, which keeps long messages quick.
_DIGIT = re.compile(r"[0-9]")


def _tickets(subject: str, body: str) -> list[str]:
    head = body[:TICKET_SCAN_CHARS]
    picked: list[str] = [subject]
    last_start = -1  # where the last line picked starts
    found = _DIGIT.search(head)
    while found:
        start = head.rfind("\n", 0, found.start()) + 1
        end = head.find("\n", found.end())
        end = len(head) if end < 0 else end
        if start > 0:  # the line before, unless it is the one picked last
            before = head.rfind("\n", 0, start - 1) + 1
            if before > last_start:
                picked.append(head[before : start - 1])
        picked.append(head[start:end])
        last_start = start
        found = _DIGIT.search(head, end + 1)
    return ticket_numbers("\n".join(picked))


def _header_text(value: str) -> str:
    if "=?" not in value:  # no encoded words: nothing to decode
        return " ".join(value.split())
    try:
        text = str(make_header(decode_header(value)))
    except (LookupError, UnicodeError, ValueError, TypeError):
        # An unknown or broken charset in an encoded word: keep the header as it came.
        text = str(value)
    return " ".join(text.split())


_ANGLE_ADDRESS = re.compile(r"<([^<>@\s]+@[^<>\s]+)>")


def _address(sender: str) -> str:
    found = _ANGLE_ADDRESS.search(sender)  # the common "Name <a@b>" without the full parser
    if found:
        return found.group(1).lower()
    if "@" in sender and " " not in sender and "<" not in sender:
        return sender.lower()  # a bare address
    addresses = getaddresses([sender])
    return addresses[0][1].lower() if addresses else ""


def _contents(message: Message) -> tuple[str, list[Attachment]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = _filename(part)
        disposition = str(part.get("Content-Disposition", "")).split(";")[0].strip().lower()
        content_type = part.get_content_type()
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if filename or disposition == "attachment" or not content_type.startswith("text/"):
            if data:
                name = filename or f"attachment.{content_type.rsplit('/', 1)[-1]}"
                attachments.append(Attachment(name, content_type, data))
        elif content_type == "text/html":
            html.append(decode_text(data, part.get_content_charset()))
        else:
            plain.append(decode_text(data, part.get_content_charset()))
    text = "\n\n".join(plain) if plain else html_to_text("\n".join(html))
    return _clean_body(text), attachments


def _clean_body(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\x00", "").strip()[:MAX_BODY_CHARS]


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except (LookupError, UnicodeError, ValueError):
        return "attachment"
    if not name:
        return ""
    try:
        return str(make_header(decode_header(name)))
    except (LookupError, UnicodeError, ValueError):
        return name
