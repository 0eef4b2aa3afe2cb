"""Ticket numbers are found exactly as the plain pattern scan found them, only quicker.

The reader tries its ticket pattern only where a keyword starts (``_ticket_matches``); these
tests compare it with the scan it replaced (kept here, frozen) on varied text.
"""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reinstate.rules.notice.patterns import fold_characters
from reinstate.rules.notice.references import _TICKET, _TICKET_STARTS, _fold_quick, ticket_numbers

# The pattern and extraction as they were before the keyword prefilter (do not change).
OLD_TICKET = re.compile(
    r"(?<!\w)(?=\w)(?:ticket|case|reference|referencia|ref|caso|incident|request|solicitud|reclamo)(?!\w)"
    r"(?:\s+(?:number|no\.?|num\.?|id|numero|nro\.?|#))?\s*(?:is\s+|es\s+)?[:#]?\s*#?\s*"
    r"(?P<id>[A-Z0-9][A-Z0-9-]{2,30}[A-Z0-9])(?![\w-])",
    re.I,
)


def old_ticket_numbers(text: str) -> list[str]:
    scan = fold_characters(text)
    found = [
        text[m.start("id") : m.end("id")]
        for m in OLD_TICKET.finditer(scan)
        if any(c.isdigit() for c in m.group("id"))
    ]
    return list(dict.fromkeys(found))


KEYWORDS = [
    "ticket", "Ticket", "TICKET", "case", "Case", "CASE", "caso", "Caso", "reference",
    "Reference", "referencia", "ref", "Ref.", "REF", "incident", "request", "Request",
    "solicitud", "Solicitud", "reclamo", "\u017folicitud", "\u0130ncident", "\u0131ncident",
    "t\u0131cket",
    "\u212aicket",  # the Kelvin sign, which a case-blind pattern reads as k
    "because", "showcase", "prefer", "casework", "requests", "ticketing",
]  # fmt: skip
LINKS = [
    " ", "  ", "\n", "\t", " number ", " no. ", " No ", " num. ", " id ", " ID: ", " numero ",
    " nro. ", " # ", "#", ": ", ":#", " is ", " es ", " is: ", " number is ", "\u00a0", " - ",
    "\u2003", "\r\n", "", ", ", " of ", " (",
]  # fmt: skip
IDS = [
    "12345678", "AB-1234", "REF-2026-001234", "4821773", "a1b2c3", "123", "12", "1-2",
    "12345678901234567890123456789012345", "abc", "review", "of", "X-", "9-", "-9",
    "12345-", "1234_5", "١٢٣٤٥",  # Arabic-Indic digits are digits too
    "CASE-7", "a", "número", "00000000",
]  # fmt: skip
FILLER = [
    "Hello Dana,", "Thank you for contacting Amazon Flex support.", "We are reviewing it.",
    "> On Tue, Jan 6, 2026 at 10:02 AM Support wrote:", "Regards,\n--\nJordan", "é", "ñ",
    "“quoted”", "—", "😀", "<p>", "</p>", "&nbsp;", "1-888-281-6906", "2026-01-06",
    "within 24-48 hours", "$54.00", ".", ",", "(", ")", "[", "]", "_", "-", "\x00", "ß", "ǅ",
]  # fmt: skip

pieces = st.sampled_from(KEYWORDS + LINKS + IDS + FILLER)
texts = st.lists(st.one_of(pieces, pieces, pieces, st.text(max_size=6)), max_size=40).map("".join)


@given(texts)
@settings(max_examples=1500, deadline=None)
@example("case case 12345678")
@example("Case of request 1234 and ticket #AB-1234")
@example("ticket number is: #12345 ref REF-1 caso nro. 99-88")
@example("\u017folicitud 12345 \u0130ncident 98765 case 55555")
@example("showcase 12345 because 4444 case\u00a0#777")
def test_it_finds_the_same_ticket_numbers_as_the_plain_scan(text: str) -> None:
    assert ticket_numbers(text) == old_ticket_numbers(text)


def test_it_finds_the_same_ticket_numbers_in_realistic_support_replies() -> None:
    from bench.comms import message_text

    for index in range(400):
        text = message_text(index)
        assert ticket_numbers(text) == old_ticket_numbers(text)


def test_it_finds_tickets_in_the_formats_support_writes() -> None:
    text = (
        "Re: Your account [Case #12345678]\nYour ticket number: AB-1234.\n"
        "Reference ID: REF-2026-001234. Número de caso: 556677 (caso 556677)."
    )
    assert ticket_numbers(text) == ["12345678", "AB-1234", "REF-2026-001234", "556677"]


def test_it_tries_the_pattern_wherever_a_case_blind_keyword_could_start() -> None:
    """Every character the pattern reads as a keyword's letter is one str.lower() makes that
    letter, or one that sends the text to the plain scan."""
    letters = set("".join(_TICKET_STARTS))
    # One pass of the case-blind letters over every character there is (case-blind classes of
    # distinct ASCII letters do not overlap, so a class of them all says the same as each one).
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    read_as_a_letter = re.findall(f"[{''.join(sorted(letters))}]", every_character, re.I)
    odd = {char for char in read_as_a_letter if char.lower() not in letters}
    assert odd == {"\u0130", "\u0131", "\u017f"}
    keywords = re.search(r"\(\?:([a-z|]+)\)", _TICKET.pattern)
    assert keywords is not None
    assert all(word.startswith(_TICKET_STARTS) for word in keywords.group(1).split("|"))


@given(texts)
@settings(max_examples=500, deadline=None)
@example("Número de caso: 556677 \u2013 \u201cquoted\u201d \u00a0")
def test_it_folds_text_as_the_reader_does(text: str) -> None:
    assert _fold_quick(text) == fold_characters(text)
