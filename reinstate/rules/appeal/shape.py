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

from reinstate.lib.i18n import _


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


# What the driver says of the decision: "dispute", the decision is wrong (the facts, the
# evidence, the records asked for); "acknowledge", they understand what went wrong (what they
# accept, and a corrective action plan); or "both". Nothing forces an admission: a dispute never
# needs an acknowledgement or a plan. Appeals written before the choice existed acknowledge.
STANCES = ("dispute", "acknowledge", "both")
DEFAULT_STANCE = "acknowledge"


@dataclass(frozen=True)
class Explanation:
    stance: str = DEFAULT_STANCE  # one of STANCES
    policies: tuple[str, ...] = ()  # catalogue refs "<platform>.<policy key>"
    policy_quote: str = ""  # or the policy in the notice's or the terms' own words
    what_happened: str = ""
    acknowledgement: str = ""
    context: str = ""
    # The records the decision rests on that the driver asks the platform for (a dispute).
    records_requested: str = ""
    statements: tuple[Statement, ...] = ()

    @property
    def disputes(self) -> bool:
        return self.stance in ("dispute", "both")

    @property
    def acknowledges(self) -> bool:
        return self.stance in ("acknowledge", "both")


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
    driver_name: str  # as the appeal is signed: the legal name, else the user name
    legal_name: str = ""  # "" when the driver has not given it
    # How the platform knows the driver (the email or phone of their account), "" when not given.
    platform_account: str = ""
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
    # The references the notice carries (ticket and case numbers), for the platform to find it.
    notice_references: tuple[str, ...] = ()
    newest_letter: str = ""  # the newest letter version's text, "" before there is one
    newest_version: int | None = None
    approved_letter: str = ""  # the text a packet carries: the newest approved version's
    approved_version: int | None = None  # None: no version is approved
    support_contacts: int | None = None  # None: no support log to read yet

    def policy_title(self, ref: str) -> str:
        """The catalogue's title in the active language (the letter's, or the page's)."""
        return _(self.policy_titles[ref]) if ref in self.policy_titles else ref
