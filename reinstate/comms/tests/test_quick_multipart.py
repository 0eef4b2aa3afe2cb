"""A text beside its HTML (multipart/alternative) is read quickly, to the same text the email
package gives; anything the quick reader does not know is left to the email package."""

from __future__ import annotations

import quopri
from email import message_from_bytes
from email.policy import compat32

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reinstate.comms.mail import (
    Mail,
    _alternative_body,
    _contents,
    _quick_headers,
    read_message,
)
from reinstate.comms.mbox import HEAD_END


def both(raw: bytes) -> tuple[str | None, str]:
    head_end = HEAD_END.search(raw)
    assert head_end is not None
    headers = _quick_headers(raw[: head_end.start()])
    assert headers is not None
    quick = _alternative_body(headers, raw[head_end.end() :])
    slow, _ = _contents(message_from_bytes(raw, policy=compat32))
    return quick, slow


def message(
    boundary: str, parts: list[bytes], preamble: bytes = b"", epilogue: bytes = b""
) -> bytes:
    body = b"".join(b"--" + boundary.encode() + b"\n" + part + b"\n" for part in parts)
    return (
        b"From: Support <support@flex.example>\nSubject: Re: Case 12345678\n"
        b'Content-Type: multipart/alternative; boundary="'
        + boundary.encode()
        + b'"\n\n'
        + preamble
        + body
        + b"--"
        + boundary.encode()
        + b"--\n"
        + epilogue
    )


def part(kind: str, charset: str | None, encoding: str | None, text: str) -> bytes:
    head = f"Content-Type: text/{kind}" + (f"; charset={charset}" if charset else "")
    data = text.encode(charset if charset in ("utf-8", "iso-8859-1") else "utf-8", "replace")
    lines = [head.encode()]
    if encoding:
        lines.append(f"Content-Transfer-Encoding: {encoding}".encode())
        if encoding == "quoted-printable":
            data = quopri.encodestring(data)
    return b"\n".join(lines) + b"\n\n" + data


PIECES = [*"ab =\n-<>&;\u00e9\u20ac\u2019", "--b", "<p>", "</p>", "=41", "=\n", "--b--"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
parts = st.builds(
    part,
    st.sampled_from(["plain", "html", "PLAIN"]),
    st.sampled_from([None, "utf-8", "iso-8859-1", "windows-1252", "x-unknown"]),
    st.sampled_from([None, "7bit", "8bit", "quoted-printable", "Quoted-Printable", "base64"]),
    texts,
)


@given(
    st.sampled_from(["b", "=_b3", "----=_Part_1_2.3"]),
    st.lists(parts, max_size=3),
    st.sampled_from([b"", b"This is a multi-part message.\n", b"--b-not\n"]),
    st.sampled_from([b"", b"epilogue\n"]),
)
@settings(max_examples=600, deadline=None)
def test_it_reads_what_it_reads_as_the_email_package_does(boundary, parts, preamble, epilogue):
    quick, slow = both(message(boundary, parts, preamble, epilogue))
    assert quick is None or quick == slow


@example(b"\r\n")
@given(st.sampled_from([b"\r\n", b"Content-Disposition: inline\n", b"X-Other: 1\n"]))
def test_it_leaves_what_it_does_not_know_to_the_email_package(extra: bytes) -> None:
    raw = message(
        "b", [part("plain", "utf-8", None, "Hello"), extra + part("html", None, None, "<p>Hi</p>")]
    )
    quick, slow = both(raw)
    assert quick is None and "Hello" in slow


def test_it_reads_the_plain_part_of_a_mail_programs_message_quickly() -> None:
    words = "Your case number is 12345678.\nGracias\u2019"
    html = part("html", "utf-8", "quoted-printable", f"<p>{words}</p>")
    raw = message("=_b3", [part("plain", "utf-8", "8bit", words), html])
    quick, slow = both(raw)
    assert quick == slow == words
    mail = read_message(raw, "message 1")
    assert isinstance(mail, Mail) and mail.tickets == ["12345678"]


def test_it_reads_the_bench_mailbox_as_the_email_package_does() -> None:
    from bench.comms import message as bench_message

    quick_ones = 0
    for index in range(300):
        raw = bench_message(index).partition(b"\n")[2]
        if b"multipart/alternative" not in raw:
            continue
        quick, slow = both(raw)
        assert quick == slow
        quick_ones += 1
    assert quick_ones > 30
