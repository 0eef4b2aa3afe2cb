"""One contact with support, as the appeal packet's appendix and the readiness check see it.

The support log (reinstate/comms) produces these; the appeal (reinstate/appeals) consumes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SupportLogRow:
    at: datetime  # aware
    channel: str  # "email", "in_app_chat", "phone", "in_person", "web_form"
    direction: str  # "to_platform" or "from_platform"
    summary: str
    agent: str = ""
    tickets: list[str] = field(default_factory=list)
    exhibits: list[str] = field(default_factory=list)  # exhibit labels of attached evidence
    at_known: bool = True  # False: the source gave no time, `at` is when it was imported
    # A chat's every line, in order, both sides: "Sam (support), 10:31 AM: Hello".
    chat: list[str] = field(default_factory=list)


SIDES = {"driver": "driver", "platform": "support"}


def chat_line(turn: dict[str, str]) -> str:
    """One turn of a stored chat ({"speaker", "side", "time", "text"}) as the packet prints it."""
    speaker = turn.get("speaker", "") or "Not attributed"
    side = SIDES.get(turn.get("side", ""), "")
    who = f"{speaker} ({side})" if side and side.casefold() != speaker.casefold() else speaker
    when = f", {turn['time']}" if turn.get("time") else ""
    return f"{who}{when}: {turn.get('text', '')}"
