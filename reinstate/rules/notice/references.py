"""What a notice refers to: ticket and case numbers, email addresses and links.

Pure Python, no Django. ``ticket_numbers`` also reads every message of a support log, so it is
written for long texts (a keyword search first, then the pattern only where one starts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.rules.notice.patterns import _FOLD
from reinstate.rules.notice.reading import References

_TICKET = re.compile(
    r"(?<!\w)(?=\w)(?:ticket|case|reference|referencia|ref|caso|incident|request|solicitud|reclamo)(?!\w)"
    r"(?:\s+(?:number|no\.?|num\.?|id|numero|nro\.?|#))?\s*(?:is\s+|es\s+)?[:#]?\s*#?\s*"
    r"(?P<id>[A-Z0-9][A-Z0-9-]{2,30}[A-Z0-9])(?![\w-])",
    re.I,
)
# Each starts only where a run of its characters starts, so a long run is scanned once.
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![\w-])"
)
_URL = re.compile(r"(?<![\w/])(?:https?://|www\.)[^\s<>\"'()\[\]{}]{1,2000}", re.I)


def ticket_numbers(text: str) -> list[str]:
    """The ticket and case numbers a text gives ("Case #12345678", "ticket number: AB-1234")."""
    return _unique(_tickets(_fold_quick(text), text))


# fold_characters(text), quicker for text with few characters to fold: str.translate with a dict
# looks up every character (a support log reads thousands of messages, most of them ASCII).
_FOLDED = {chr(key): chr(value) for key, value in _FOLD.items()}
_TO_FOLD = re.compile("[" + re.escape("".join(_FOLDED)) + "]")


def _fold_quick(text: str) -> str:
    if text.isascii():  # nothing to fold
        return text
    return _TO_FOLD.sub(lambda m: _FOLDED[m.group()], text)


def references(scan: str, text: str) -> References:
    """The tickets, emails and links of a notice; ``scan`` is its text with characters folded."""
    tickets = _tickets(scan, text)
    emails = [text[m.start() : m.end()] for m in _EMAIL.finditer(scan)]
    urls = [text[m.start() : m.end()].rstrip(".,;:!?") for m in _URL.finditer(scan)]
    return References(ticket_numbers=_unique(tickets), emails=_unique(emails), urls=_unique(urls))


def _tickets(scan: str, text: str) -> list[str]:
    return [
        text[m.start("id") : m.end("id")]
        for m in _ticket_matches(scan)
        if any(c.isdigit() for c in m.group("id"))  # "case of", "request a review" are no tickets
    ]


# Every ticket match starts with one of these, lower-cased ("cas": case, caso; "ref": ref,
# reference, referencia). Finding them with str.find on the lower-cased text is ten times
# quicker than letting the pattern try every position (measured in `make bench`).
_TICKET_STARTS = ("ticket", "cas", "ref", "incident", "request", "solicitud", "reclamo")
# Letters the case-blind pattern takes for i or s that str.lower() does not make so (İ also
# lengthens the text): where one is present, the pattern scans the text itself.
_ODD_CASE = ("\u0130", "\u0131", "\u017f")


def _ticket_matches(scan: str) -> Iterator[re.Match[str]]:
    """The matches of _TICKET.finditer(scan), exactly, tried only where a keyword starts."""
    low = scan.lower()
    if len(low) != len(scan) or any(odd in scan for odd in _ODD_CASE):
        yield from _TICKET.finditer(scan)
        return
    starts: list[int] = []
    for word in _TICKET_STARTS:
        at = low.find(word)
        while at >= 0:
            starts.append(at)
            at = low.find(word, at + 1)
    end = 0  # like finditer: the next match starts after the last one ends
    for start in sorted(starts):
        if start >= end:
            found = _TICKET.match(scan, start)
            if found:
                yield found
                end = found.end()


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
