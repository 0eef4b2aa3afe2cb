"""Turning what a driver gives us (pasted text, a .txt or an .eml file, a screenshot) into
notice text.

Every refusal is a NoticeInputError whose message says what was wrong and what
to do; nothing here touches the database.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage, Message
from html.parser import HTMLParser

from reinstate.lib.errors import UserInputError
from reinstate.lib.i18n import _
from reinstate.lib.mail_date import mail_date
from reinstate.lib.ocr import (
    OcrReading,
    ScreenshotError,
    named_like_picture,
    picture_type,
    read_screenshot,
)

MAX_NOTICE_BYTES = 200_000


class NoticeInputError(UserInputError):
    pass


@dataclass(frozen=True)
class NoticeInput:
    text: str
    received: datetime | None = None  # from an email's Date header
    subject: str = ""
    sender: str = ""
    filename: str = ""
    ocr: OcrReading | None = None  # read from a screenshot: the text is for the driver to check


def notice_from_text(text: str, *, max_bytes: int = MAX_NOTICE_BYTES) -> NoticeInput:
    return NoticeInput(text=_check_text(text, max_bytes=max_bytes))


def notice_from_file(
    data: bytes, filename: str = "", *, max_bytes: int = MAX_NOTICE_BYTES
) -> NoticeInput:
    """Read an uploaded notice: an email (.eml, or anything that looks like one) or plain text."""
    name = _safe_name(filename)
    if not data.strip():
        raise NoticeInputError(
            _("The file is empty. Paste the notice text or choose another file.")
        )
    if picture_type(data[:64]):
        return notice_from_screenshots([(data, name)], max_bytes=max_bytes)
    if named_like_picture(name):
        raise NoticeInputError(
            _(
                "This file is named like a picture but it is not one. Take the screenshot "
                "again, or paste the notice's text."
            )
        )
    if len(data) > max_bytes * 4:
        raise NoticeInputError(_too_large(max_bytes))
    if name.lower().endswith(".eml") or _looks_like_email(data):
        return _read_email(data, name, max_bytes=max_bytes)
    if _looks_binary(data):
        raise NoticeInputError(
            _(
                "This file is not text, nor a picture. Upload a screenshot (PNG, JPEG, HEIC or "
                "WebP), the email (.eml) or a .txt file, or paste the notice's text."
            )
        )
    text = _decode_bytes(data)
    return NoticeInput(text=_check_text(text, max_bytes=max_bytes), filename=name)


def notice_from_screenshots(
    files: list[tuple[bytes, str]], *, max_bytes: int = MAX_NOTICE_BYTES
) -> NoticeInput:
    """One notice read from one screenshot, or from several of one long notice (in order,
    joined by a blank line)."""
    readings: list[OcrReading] = []
    for data, name in files:
        try:
            readings.append(read_screenshot(data))
        except ScreenshotError as error:
            if len(files) > 1 and name:  # which of the screenshots
                raise NoticeInputError(
                    _("%(file)s: %(problem)s") % {"file": _safe_name(name), "problem": error}
                ) from None
            raise NoticeInputError(str(error)) from None
    if not readings:
        raise NoticeInputError(_("Choose a screenshot of the notice, or paste its text."))
    text = "\n\n".join(r.text for r in readings)
    ocr = OcrReading(
        text=text,
        confidence=sum(r.confidence for r in readings) / len(readings),
        engine=readings[0].engine,
    )
    names = ", ".join(_safe_name(name) for _, name in files if name)
    return NoticeInput(text=_check_text(text, max_bytes=max_bytes), filename=names, ocr=ocr)


def _check_text(text: str, *, max_bytes: int) -> str:
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if len(cleaned.encode("utf-8", errors="replace")) > max_bytes:
        raise NoticeInputError(_too_large(max_bytes))
    if not cleaned.strip():
        raise NoticeInputError(_("The notice is empty. Paste the message you received."))
    if _looks_binary(cleaned.encode("utf-8", errors="replace")):
        raise NoticeInputError(
            _("This does not look like the text of a notice. Paste the message.")
        )
    return cleaned.strip()


def _too_large(max_bytes: int) -> str:
    return _(
        "The notice is too long (over %(size)s KB). Paste only the message from the platform."
    ) % {"size": max_bytes // 1000}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 20)


_HEADER = re.compile(
    rb"^(From|To|Subject|Date|Received|Return-Path|Message-ID|MIME-Version):", re.I
)


def _looks_like_email(data: bytes) -> bool:
    head = data[:4096].splitlines()[:20]
    return sum(1 for line in head if _HEADER.match(line)) >= 2


def _decode_bytes(data: bytes, charset: str | None = None) -> str:
    for encoding in filter(None, [charset, "utf-8"]):
        try:
            return data.decode(encoding)
        except (ValueError, LookupError):  # a bad or unknown charset ("x\0" too): the next
            continue
    return data.decode("cp1252", errors="replace")


def _read_email(data: bytes, filename: str, *, max_bytes: int) -> NoticeInput:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default says so
            raise NoticeInputError(_("This email could not be read."))
        text = _email_body_text(message)
    except RecursionError:  # parts inside parts, hundreds deep: no mail program writes that
        raise NoticeInputError(
            _("This email is packed in too many layers to read. Paste the notice's text instead.")
        ) from None
    if not text.strip():
        raise NoticeInputError(_("This email has no readable text. Paste the notice text instead."))
    received = mail_date(_header(message, "Date"))
    subject = _header(message, "Subject")
    body = f"{subject}\n\n{text}" if subject and subject not in text else text
    return NoticeInput(
        text=_check_text(body, max_bytes=max_bytes),
        received=received,
        subject=subject,
        sender=_header(message, "From"),
        filename=filename,
    )


def _header(message: EmailMessage, name: str) -> str:
    """A header's text. The email package parses a header when it is read, and a hostile one
    (an address "::;s", a year of 23 digits) can make that raise anything: then its raw text."""
    try:
        return str(message.get(name, "") or "").strip()
    except Exception:
        raw = next((v for k, v in message.raw_items() if k.lower() == name.lower()), "")
        return " ".join(str(raw).split())


def _email_body_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    text = _part_text(body) if body is not None else ""
    if text.strip():
        return text
    # No body by the usual rules (a delivery report, a body marked as an attachment's sibling
    # in an odd way): every text part that is not an attachment, in order.
    texts = [
        _part_text(part)
        for part in message.walk()
        if part.get_content_maintype() == "text" and not part.is_attachment()
    ]
    text = "\n\n".join(t for t in texts if t.strip())
    if text.strip() or message.is_multipart():
        return text
    # A multipart whose boundary is broken arrives as one lump: its text, without the MIME
    # lines, when it is text at all.
    return _lump_text(message)


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = _decode_bytes(payload, part.get_content_charset())
    return html_to_text(text) if part.get_content_type() == "text/html" else text


_MIME_LINE = re.compile(
    r"^(?:--\S*|content-[\w-]+:.*|mime-version:.*|\s+(?:charset|boundary|name)=.*)$",
    re.IGNORECASE | re.MULTILINE,
)


def _lump_text(message: Message) -> str:
    payload = message.get_payload(decode=True)
    if not isinstance(payload, bytes) or _looks_binary(payload[:4096]):
        return ""
    text = _decode_bytes(payload, message.get_content_charset()).replace("\r\n", "\n")
    text = _MIME_LINE.sub("", text)
    return html_to_text(text) if "<" in text and "</" in text else text.strip()


class _TextExtractor(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "section"}
    _SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _safe_name(filename: str) -> str:
    """Only the last path component, so a name like ../../x cannot point anywhere."""
    base = re.split(r"[\\/]", filename or "")[-1]
    return re.sub(r"[^\w.\- ]", "_", base)[:120]
