"""Is this text professional? Flags what makes a reviewer stop reading: shouting, insults,
threats, blame and swearing. Pure: used for appeal letters and for messages to support.

Each finding points at the characters it is about (`start`, `end`), so a page can underline
them, and says in plain words what to do instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ToneFinding:
    code: str  # "shouting", "exclamations", "insult", "threat", "blame", "profanity"
    severity: str  # "error" (fix before sending) or "warning" (worth a second look)
    message: str
    fix: str
    start: int
    end: int


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


# Three or more capitalised words in a row, or one long capitalised word: a short acronym
# (GPS, ID, DNR, USA) is not shouting.
_CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:[\s,.'-]+[A-Z]{2,}){2,}\b|\b[A-Z]{7,}\b")
_EXCLAIM = re.compile(r"!{2,}|[!?]*\?![!?]*")
# An address is written as it is: DANA@EXAMPLE.COM in a letter is not shouting.
_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+|\b(?:https?://|www\.)\S+", re.IGNORECASE)

_INSULT = _words(
    r"idiots?",
    r"stupid",
    r"incompetent",
    r"morons?",
    r"clowns?",
    r"useless",
    r"pathetic",
    r"ridiculous",
    r"joke",
    r"liars?",
    r"lying",
    r"scam(?:mers?)?",
    r"thie(?:f|ves)",
    r"crooks?",
    r"disgusting",
    r"garbage company",
    r"trash company",
)
_THREAT = _words(
    r"(?:i|we)(?:'ll| will| am going to| are going to| shall)\s+(?:sue|take you to court|"
    r"call (?:my|a) lawyer|get (?:my|a) lawyer|go to the (?:media|press|news))",
    r"see you in court",
    r"(?:sue|suing) (?:you|amazon|the company|them)",
    r"my lawyer will",
    r"(?:contact|tell|call|go to) the (?:media|press|news|newspapers?)",
    r"go viral",
    r"post (?:this|it) (?:everywhere|online|on social media)",
    r"you(?:'ll| will) (?:regret|pay for)",
    r"or else",
    r"class action",
)
_BLAME = _words(
    r"(?:it was|this is|that is|it's) (?:all )?"
    r"(?:your|amazon's|the customer's|the company's) fault",
    r"not my fault",
    r"none of this (?:is|was) my fault",
    r"you people",
    r"your (?:stupid|broken|useless) (?:app|system|policy|algorithm)",
    r"the customer (?:lied|is lying|made it up)",
    r"blame (?:you|amazon|the customer|the app)",
    r"you (?:never|always) ",
)
_PROFANITY = _words(
    r"f+u+c+k\w*",
    r"sh+i+t+\w*",
    r"bull ?shit",
    r"damn(?:ed|it)?",
    r"crap(?:py)?",
    r"hell",
    r"bastards?",
    r"ass(?:hole)?s?",
    r"bitch\w*",
    r"piss(?:ed)?",
    r"wtf",
)

_RULES: tuple[tuple[re.Pattern[str], str, str, str, str], ...] = (
    (
        _CAPS_RUN,
        "shouting",
        "warning",
        "Capital letters read as shouting.",
        "Write this part in normal sentence case.",
    ),
    (
        _EXCLAIM,
        "exclamations",
        "warning",
        "Several exclamation marks read as anger.",
        "Use one full stop; let the facts carry the weight.",
    ),
    (
        _INSULT,
        "insult",
        "error",
        "This word insults the reader, who decides your appeal.",
        "Remove it and describe what happened instead, with dates and exhibits.",
    ),
    (
        _THREAT,
        "threat",
        "error",
        "This reads as a threat. Threats make reviewers close the appeal, not reopen the account.",
        "Leave it out of the appeal. If you want legal advice, ask a clinic separately.",
    ),
    (
        _BLAME,
        "blame",
        "warning",
        "This blames someone else; reviewers look for what you take responsibility for.",
        "State the facts (what happened, when, which exhibit shows it) and what you will do.",
    ),
    (
        _PROFANITY,
        "profanity",
        "error",
        "Swearing makes the appeal look unprofessional.",
        "Remove the word.",
    ),
)


def check_tone(text: str) -> list[ToneFinding]:
    """Every tone problem in `text`, in the order they appear."""
    addresses = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    findings = [
        ToneFinding(code, severity, message, fix, match.start(), match.end())
        for pattern, code, severity, message, fix in _RULES
        for match in pattern.finditer(text)
        if not (pattern is _CAPS_RUN and _inside(match, addresses))
    ]
    return sorted(findings, key=lambda f: (f.start, f.end, f.code))


def _inside(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start() and match.end() <= end for start, end in spans)
