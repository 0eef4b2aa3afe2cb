"""What reading a notice produces: the shared vocabulary of the notice reader.

Pure data, no Django. ``reinstate.rules.notice.reader.read_notice`` fills these;
the deadline rules, the case pages and the command line consume them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

PLATFORMS = (
    "amazon_flex",
    "doordash",
    "uber",
    "lyft",
    "instacart",
    "walmart_spark",
    "grubhub",
    "shipt",
)
KINDS = (
    "deactivation",
    "under_review",
    "warning",
    "verification_request",
    "appeal_denied",
    "appeal_granted",
    "information",
)
REASONS = (
    "performance_metrics",
    "delivery_disputes",
    "conduct_or_safety",
    "background_check",
    "fraud_suspected",
    "unauthorized_tools",
    "identity_verification",
    "account_sharing",
    "documents_expired",
    "unknown",
)

DeadlineSource = Literal["notice", "platform", "law"]


@dataclass(frozen=True)
class Phrase:
    """A span of the notice text that decided part of the reading."""

    text: str  # the words as they appear in the notice
    start: int  # character offsets into the notice text: text == notice[start:end]
    end: int
    label: str  # what it showed: a platform, kind or reason key, or a deadline rule name


@dataclass(frozen=True)
class References:
    ticket_numbers: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StatedDeadline:
    """A deadline the notice itself states, with the words it came from."""

    at: datetime  # aware, expressed in the notice's time zone
    text: str  # e.g. "within 10 calendar days of this message"
    rule: str  # e.g. "within N calendar days": which row of the deadline table applied
    phrase: Phrase


@dataclass(frozen=True)
class NoticeReading:
    platform: str | None
    kind: str
    reason: str | None
    stated_deadline: StatedDeadline | None
    platform_phrases: list[Phrase]
    kind_phrases: list[Phrase]
    reason_phrases: list[Phrase]
    references: References
    language: Literal["en", "es"] = "en"

    @property
    def all_phrases(self) -> list[Phrase]:
        """Every deciding phrase, in text order, for highlighting."""
        phrases = [*self.platform_phrases, *self.kind_phrases, *self.reason_phrases]
        if self.stated_deadline is not None:
            phrases.append(self.stated_deadline.phrase)
        return sorted(phrases, key=lambda p: (p.start, -p.end))
