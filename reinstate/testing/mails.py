"""Emails and mailboxes as mail clients and account exports write them, good and bad."""

from __future__ import annotations

import base64
import io

from PIL import Image


def email(
    *,
    subject: str = "Re: Your account [Case #12345678]",
    sender: str = "Amazon Flex Support <support@flex.example>",
    date: str | None = "Tue, 03 Nov 2026 10:00:00 -0800",
    message_id: str | None = "<a1@flex.example>",
    body: str = "We are reviewing your account. Your case number is 12345678.",
    extra: str = "",
) -> bytes:
    lines = [f"From: {sender}", "To: dana@example.com", f"Subject: {subject}"]
    if date is not None:
        lines.append(f"Date: {date}")
    if message_id is not None:
        lines.append(f"Message-ID: {message_id}")
    head = "\n".join(lines) + (f"\n{extra}" if extra else "")
    return f"{head}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n".encode()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 80), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def with_attachment(filename: str, data: bytes, *, message_id: str = "<att@flex.example>") -> bytes:
    encoded = base64.encodebytes(data).decode()
    return (
        "From: Amazon Flex Support <support@flex.example>\nTo: dana@example.com\n"
        "Subject: Your screenshot [Case #12345678]\nDate: Wed, 04 Nov 2026 09:00:00 -0800\n"
        f"Message-ID: {message_id}\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="XYZ"\n\n'
        "--XYZ\nContent-Type: text/plain; charset=utf-8\n\nSee the attached file.\n"
        f'--XYZ\nContent-Type: image/png\nContent-Disposition: attachment; filename="{filename}"\n'
        f"Content-Transfer-Encoding: base64\n\n{encoded}\n--XYZ--\n"
    ).encode()


def mbox(*messages: bytes) -> bytes:
    out = b""
    for message in messages:
        out += b"From support@flex.example Tue Nov  3 10:00:00 2026\n" + message.rstrip(b"\n")
        out += b"\n\n"
    return out
