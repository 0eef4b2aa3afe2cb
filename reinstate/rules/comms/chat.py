"""Splitting a pasted support-chat transcript into turns: who said what, and when if shown.

Pure, no Django. Chats copied from support apps look like any of:

    Agent: Hello, how can I help?           You (10:32 AM): My account was deactivated
    [10:31] Amazon Flex Support: Hi Dana     10:33 PM  Sam (Uber Support): I see
    Sam
    10:34 AM
    We are reviewing it.

A line that starts a turn gives a speaker (a short name followed by a colon, or a name alone on
its line followed by a time); any other line continues the turn before it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from reinstate.lib.i18n import _

MAX_TURNS = 2000

# "You", "Me", "Driver" are the driver; everyone else (agents, bots, "Amazon Flex Support") is
# the platform.
_DRIVER_NAMES = {"you", "me", "i", "driver", "customer", "user", "tú", "yo"}

_TIME = r"(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"


def _bracketed_time(group: str) -> str:
    return rf"[\[(]?(?P<{group}>{_TIME})[\])]?"


# A speaker: one to five words of letters, digits, dots, apostrophes, hyphens, parentheses.
_NAME = r"(?P<name>[^\W\d_][\w.'\u2019&-]*(?:[ ][\w.'\u2019&()-]+){0,4}?)"

# "[10:31] Name: text", "Name (10:31 AM): text", "Name: text"
_INLINE = re.compile(
    rf"^\s*(?:{_bracketed_time('before')}\s*[-\u2013]?\s*)?{_NAME}"
    rf"(?:\s*{_bracketed_time('after')})?\s*:\s+(?P<text>\S.*)$"
)
# "Name" alone, then a time alone on the next line (or "Name 10:31 AM" on one line).
_NAME_ALONE = re.compile(rf"^\s*{_NAME}(?:\s+{_bracketed_time('after')})?\s*$")
_TIME_ALONE = re.compile(rf"^\s*{_bracketed_time('time')}\s*$")
# Words that begin a sentence line, never a speaker's name: "Note: ...", "Reason: ...".
_NOT_SPEAKERS = {
    "note",
    "reason",
    "subject",
    "ps",
    "p.s",
    "re",
    "http",
    "https",
    "ticket",
    "case",
    "reference",
    "date",
    "time",
}


@dataclass(frozen=True)
class Turn:
    speaker: str
    side: str  # "driver", "platform", or "unknown" for lines before anyone spoke
    time: str  # as written ("10:32 AM"), or ""
    text: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


class ChatError(ValueError):
    pass


def side_of(speaker: str, driver_names: frozenset[str] = frozenset()) -> str:
    name = speaker.strip().casefold()
    if name in _DRIVER_NAMES or name in driver_names:
        return "driver"
    return "platform"


def split_turns(text: str, *, driver_names: frozenset[str] = frozenset()) -> list[Turn]:
    """The turns of a transcript, in order. `driver_names` (casefolded) are the driver too."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    known = {name.casefold() for name in driver_names}
    turns: list[dict[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        start = _turn_start(line, lines[i + 1] if i + 1 < len(lines) else "")
        if start is not None:
            speaker, time, first, used = start
            turns.append({"speaker": speaker, "time": time, "lines": first})
            i += used
            continue
        if line.strip():
            if not turns:
                turns.append({"speaker": "", "time": "", "lines": ""})
            turns[-1]["lines"] = f"{turns[-1]['lines']}\n{line.strip()}".strip("\n")
        i += 1
    if len(turns) > MAX_TURNS:
        raise ChatError(
            _("This chat has more than %(turns)s turns. Paste it in parts.") % {"turns": MAX_TURNS}
        )
    return [
        Turn(
            speaker=t["speaker"],
            side=side_of(t["speaker"], frozenset(known)) if t["speaker"] else "unknown",
            time=t["time"],
            text=t["lines"].strip(),
        )
        for t in turns
        if t["lines"].strip() or t["speaker"]
    ]


def _turn_start(line: str, following: str) -> tuple[str, str, str, int] | None:
    """(speaker, time, first text, lines used) when this line starts a turn."""
    inline = _INLINE.match(line)
    if inline and _is_speaker(inline["name"]):
        time = inline["before"] or inline["after"] or ""
        return inline["name"].strip(), time, inline["text"].strip(), 1
    alone = _NAME_ALONE.match(line)
    if alone and _is_speaker(alone["name"]):
        if alone["after"]:
            return alone["name"].strip(), alone["after"], "", 1
        next_time = _TIME_ALONE.match(following)
        if next_time:
            return alone["name"].strip(), next_time["time"], "", 2
    return None


def _is_speaker(name: str) -> bool:
    words = name.split()
    return bool(words) and len(name) <= 60 and words[0].casefold().rstrip(".") not in _NOT_SPEAKERS
