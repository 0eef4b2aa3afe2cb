"""Drafts of what drivers most need to ask support, filled from the case.

Pure, no Django. Like the deadline confirmation (rules/comms/deadline_confirmation.py, reused
here), a draft states only what the caller passes in and asks questions; where a law gives a
right (Seattle's SMC 8.40, the FCRA) it is named as the driver's understanding, never as a
threat. The driver reads and edits each one before sending; every draft also goes through the
tone check.

A draft's title and why are the driver's to read, in their language; its text is marked for
translation too, but support reads English: comms/drafts.py makes the text in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _, gettext_noop
from reinstate.rules.comms.deadline_confirmation import (
    draft_deadline_confirmation,
    opening_sentence,
    ticket_sentence,
)

SEATTLE = "seattle_smc_8_40"
SEATTLE_NAME = gettext_noop("Seattle's App-Based Worker Deactivation Rights Ordinance (SMC 8.40)")
CALIFORNIA_PRIVACY = "ca_ccpa_workers"  # catalogue/laws.toml


@dataclass(frozen=True)
class CaseFacts:
    platform_name: str | None
    reason_key: str | None
    reason_title: str | None
    received: datetime  # aware
    tz: ZoneInfo
    tickets: list[str]
    law_keys: list[str]
    deadline: datetime | None = None


@dataclass(frozen=True)
class Draft:
    key: str
    title: str
    why: str
    text: str


def drafts_for(facts: CaseFacts) -> list[Draft]:
    found = [
        Draft(
            "exact_reason",
            _("Ask for the exact reason"),
            _(
                "A vague reason cannot be answered. Ask what happened, when, and which rule it "
                "broke."
            ),
            _exact_reason(facts),
        ),
        Draft(
            "deadline",
            _("Confirm the appeal deadline"),
            _("Have the deadline in writing, with its time zone, so no one can say you were late."),
            draft_deadline_confirmation(
                platform_name=facts.platform_name,
                reason_title=facts.reason_title,
                received=facts.received,
                tz=facts.tz,
                ticket_numbers=facts.tickets,
            ),
        ),
        Draft(
            "records",
            _("Ask for the records used in the decision"),
            _(
                "You can only answer evidence you have seen. In Seattle the ordinance gives you "
                "a right to it."
            )
            if _seattle(facts)
            else _("You can only answer evidence you have seen."),
            _records(facts),
        ),
        Draft(
            "human_review",
            _("Ask for a human review"),
            _("Automated decisions are often reversed when a person looks at the facts."),
            _human_review(facts),
        ),
    ]
    if CALIFORNIA_PRIVACY in facts.law_keys:
        found.append(
            Draft(
                "data_access",
                _("Ask for the data the company holds about you (California)"),
                _(
                    "California's privacy law (CCPA/CPRA) lets workers see the data a company "
                    "holds about them, free of charge; it can show what the decision was based on."
                ),
                _data_access(facts),
            )
        )
    if facts.reason_key == "background_check":
        found.append(
            Draft(
                "background_report",
                _("Ask for a copy of the background report (FCRA)"),
                _("Under the FCRA you can see the report, and dispute what is wrong in it."),
                _background_report(facts),
            )
        )
    return found


def _seattle(facts: CaseFacts) -> bool:
    return SEATTLE in facts.law_keys


def _opening(facts: CaseFacts) -> str:
    opening = opening_sentence(facts.platform_name, facts.received, facts.tz)
    return opening + ticket_sentence(facts.tickets)


def _letter(facts: CaseFacts, *body: str) -> str:
    return "\n".join(
        [_("Hello,"), "", _opening(facts), "", *body, "", _("Thank you for your help.")]
    )


def _exact_reason(facts: CaseFacts) -> str:
    return _letter(
        facts,
        _("The message does not tell me exactly what happened. Could you please tell me:"),
        _("1. The specific reason for the action on my account, and the policy it relates to."),
        _("2. The dates, times and deliveries or trips it concerns."),
        _("3. What I can provide to show my side."),
    )


def _records(facts: CaseFacts) -> str:
    ask = _(
        "Could you please send me a copy of the records used in this decision: the reports, "
        "ratings, GPS or delivery data, and any customer complaints, with their dates."
    )
    body = [ask]
    if _seattle(facts):
        body += [
            "",
            _(
                "As I understand it, %(law)s requires the company to give a worker the "
                "records it relied on for a deactivation. I would like to receive them so I can "
                "respond to them."
            )
            % {"law": _(SEATTLE_NAME)},
        ]
    return _letter(facts, *body)


def _human_review(facts: CaseFacts) -> str:
    body = [
        _(
            "I would like a person to review this decision, and to have the chance to explain "
            "my side before it is final. Could you please tell me how to request that review "
            "and when I can expect an answer?"
        )
    ]
    if _seattle(facts):
        body += [
            "",
            _("As I understand it, %(law)s requires a human review of every deactivation.")
            % {"law": _(SEATTLE_NAME)},
        ]
    return _letter(facts, *body)


def _background_report(facts: CaseFacts) -> str:
    return _letter(
        facts,
        _(
            "My account was affected by a background check. Under the Fair Credit Reporting "
            "Act, I would like:"
        ),
        _("1. A copy of the background report that was used."),
        _("2. The name, address and phone number of the company that prepared it."),
        _("3. A summary of my rights under the Fair Credit Reporting Act."),
        "",
        _("I may need to dispute information in the report, so please send it as soon as you can."),
    )


def _data_access(facts: CaseFacts) -> str:
    return _letter(
        facts,
        _(
            "I live and work in California. Under the California Consumer Privacy Act, as "
            "amended by the California Privacy Rights Act, I would like to know what personal "
            "information the company holds about me. Could you please send me:"
        ),
        _(
            "1. The specific pieces of personal information you have collected about me, "
            "including my ratings, customer reports, location and GPS data, delivery or trip "
            "records, and the history of my account's status."
        ),
        _("2. The categories of sources it came from, and the purposes it is used for."),
        _("3. The categories of third parties it has been shared with."),
        "",
        _(
            "As I understand it, the company is to answer within 45 days, free of charge. "
            "Please tell me if you need anything from me to confirm who I am."
        ),
    )
