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
