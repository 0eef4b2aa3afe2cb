"""A message's ticket numbers: read from the subject and the lines with digits (and the line
before each), exactly as the line-by-line reading this replaced found them."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reinstate.comms.mail import TICKET_SCAN_CHARS, _tickets
from reinstate.rules.notice.references import ticket_numbers


def old_tickets(subject: str, body: str) -> list[str]:
    """The reading before the quick line finder (do not change)."""
    lines = body[:TICKET_SCAN_CHARS].split("\n")
    wanted = [i for i, line in enumerate(lines) if any(d in line for d in "0123456789")]
    picked = sorted({j for i in wanted for j in (i - 1, i) if j >= 0})
    return ticket_numbers("\n".join([subject, *(lines[j] for j in picked)]))


LINES = [
    "Hello Dana,", "", "Case number:", "12345678", "Your ticket #AB-1234 is open.", "Ticket",
    "#4821773", "> Reference: REF-2026-000123", "Caso", "nro. 556677", "Regards,", "\r",
    "Solicitud #99887766 \u2013 en revisión", "within 24-48 hours", "١٢٣٤٥", "case", "x" * 300,
]  # fmt: skip


@given(
    st.sampled_from(["Re: Your account [Case #12345678]", "Update", ""]),
    st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=12)), max_size=60).map("\n".join),
)
@settings(max_examples=800, deadline=None)
@example("", "Case number:\n12345678\n\nticket\n#4821773")
@example("", "\n1\nCase\n2\ncase\n\n3")
def test_it_finds_the_same_tickets_as_reading_line_by_line(subject: str, body: str) -> None:
    assert _tickets(subject, body) == old_tickets(subject, body)


def test_it_reads_tickets_only_from_the_head_of_a_long_message() -> None:
    body = "Case number:\n12345678\n" + "filler line\n" * 1000 + "Ticket #99999999\n"
    assert _tickets("", body) == old_tickets("", body) == ["12345678"]
    padded = "\n" * (TICKET_SCAN_CHARS - 5) + "Case\n12345678"
    assert _tickets("", padded) == old_tickets("", padded)
