"""The appeal in one shape: what the driver writes (the explanation, the corrective action plan,
the record of good standing) and the facts of the case around it. The rules (readiness.py,
letter.py) read these types and nothing else.

Everything else maps to and from these types by field name, so a new field is added here, in
the `Appeal` model (a column of the same name), and where it is asked for and used:
`appeals/facts.py` reads the model into them, `appeals/actions.py` stores them, and
`appeals/inputs.py` reads them from a TOML file or a web form. A section's text fields default
to "" and its lists to (); `statements` and `actions` are stored as rows of their own.

Pure, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Statement:
    """A fact the appeal relies on, and the exhibits that show it."""

    text: str
    exhibits: tuple[str, ...] = ()  # labels of the exhibits that back it


@dataclass(frozen=True)
class PlanAction:
    action: str
    target: str = ""
    starts_on: date | None = None


@dataclass(frozen=True)
class Explanation:
    policies: tuple[str, ...] = ()  # catalogue refs "<platform>.<policy key>"
    policy_quote: str = ""  # or the policy in the notice's or the terms' own words
    what_happened: str = ""
    acknowledgement: str = ""
    context: str = ""
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Plan:
    root_causes: tuple[str, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    # The TOML file and `reinstate appeal show` group these three as "monitoring".
    monitoring_metric: str = ""
    monitoring_threshold: str = ""
    monitoring_frequency: str = ""
    commitment: str = ""
    commitment_policies: tuple[str, ...] = ()  # catalogue refs


@dataclass(frozen=True)
class Record:
    """The record of good standing, entered by hand."""

    driving_since: str = ""
    work_completed: str = ""
    metrics: str = ""
    positive_feedback: str = ""


Section = Explanation | Plan | Record


@dataclass(frozen=True)
class AppealSections:
    explanation: Explanation = field(default_factory=Explanation)
    plan: Plan = field(default_factory=Plan)
    record: Record = field(default_factory=Record)


@dataclass(frozen=True, kw_only=True)
class AppealFacts:
    """The appeal as written, and what the rules need to know of its case."""

    appeal: AppealSections = field(default_factory=AppealSections)
    driver_name: str
    platform_name: str = ""  # "" when the platform is not known
    reason: str | None  # the case's reason for deactivation
    reason_title: str = ""  # the catalogue's title for it, "" when not known
    explained_reason: str | None = None  # the reason the explanation was written for
    notice_date: date  # the day the notice came, in the driver's zone
    deadline: datetime | None = None
    missing_documents: tuple[str, ...] = ()  # titles of required documents with no evidence
    exhibit_count: int = 0
    # The catalogue's title of each policy chosen; a ref it no longer has is missing.
    policy_titles: Mapping[str, str] = field(default_factory=dict)
    newest_letter: str = ""  # the newest letter version's text, "" before there is one
    support_contacts: int | None = None  # None: no support log to read yet

    def policy_title(self, ref: str) -> str:
        return self.policy_titles.get(ref, ref)
