"""Fuzzing the mail reader (issue 15): whatever the bytes of a message, it is read or skipped
with a reason; no exception escapes. Every crash a fuzzer finds becomes a case here."""

from __future__ import annotations

from contextlib import suppress

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reinstate.comms.mail import Mail, Skipped, read_message
from reinstate.lib.notice_file import NoticeInputError, notice_from_file

PIECES = [
    b"From: ", b"From::;s", b"Subject: ", b"Date: ", b"Mon, 3 Nov 2026 10:00:00 -0000",
    b"Mon, 3 Nov 89990000000000000000000 1:00 +0000", b"Content-Type: text/plain; charset=",
    b'"x\x00"', b"utf-8", b"=?x-zz?q?hello?=", b"=?utf-8?b?w6k=?=", b"multipart/mixed; ",
    b"boundary=b", b"--b\n", b"--b--\n", b"Content-Transfer-Encoding: base64\n",
    b"quoted-printable", b"=E9=", b"\n", b"\r\n", b"\n\n", b"a@b.example", b"<x@y>", b"\xe9",
    b"\x00", b"Your account has been deactivated.", b"From ", b"Ticket #12345",
]  # fmt: skip


def read(data: bytes) -> None:
    assert isinstance(read_message(data, "fuzz.eml"), Mail | Skipped)
    with suppress(NoticeInputError):  # the documented refusal, with a message for the driver
        notice_from_file(data, "fuzz.eml")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=50))
@example([b"From::;s", b"\n", b"Subject: ", b"x", b"\n\n", b"Your account has been deactivated."])
def test_a_message_of_pieces_is_read_or_refused(pieces: list[bytes]) -> None:
    read(b"".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    read(data)
