"""Drafts for the options after a decision: a follow-up, a second review request, a notice of
dispute before arbitration, a complaint to an agency, a background report dispute and a data
request (California or GDPR). Plain and polite: each runs through the tone check in the tests.

Pure, no Django. Like the letter's draft (letter.py) it adds no fact of its own: it names the
driver, the account the platform knows and the notice's references the way the letter signs, and
leaves [brackets] where only the driver knows what to write. Every draft's heading says it is a
draft to check, not legal advice; the heading is kept apart from the text to send.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reinstate.rules.appeal.letter import account_words, long_date, signature_lines
from reinstate.rules.appeal.options import DRAFTED, Option, OptionFacts
from reinstate.rules.appeal.shape import AppealFacts
from reinstate.rules.catalogue.types import GIVES, Catalogue

HEADING = (
    "A draft to check, not legal advice. Read it, fill in the parts in [brackets] and change "
    "anything that is not right before you send it."
)


@dataclass(frozen=True)
class Draft:
    key: str
    title: str
    heading: str  # says it is a draft to check, not legal advice
    to: str  # who it goes to
    subject: str
    text: str  # what to send

    def full(self) -> str:
        """The draft as a file holds it: the heading, then the message."""
        return "\n\n".join(
            [f"{self.title}", self.heading, f"To: {self.to}", f"Subject: {self.subject}", self.text]
        )


class NoDraft(LookupError):
    """The option has no draft here."""


def draft_for(option: Option, facts: AppealFacts, case: OptionFacts, catalogue: Catalogue) -> Draft:
    if option.key not in DRAFTED:
        raise NoDraft(option.key)
    build = {
        "follow_up": _follow_up,
        "second_review": _second_review,
        "arbitration": _notice_of_dispute,
        "regulator_complaint": _complaint,
        "fcra_dispute": _fcra_dispute,
        "data_access_request": _data_request,
    }[option.key]
    subject, body = build(option, facts, case, catalogue)
    return Draft(
        key=option.key,
        title=f"Draft: {option.title}",
        heading=HEADING,
        to=option.who,
        subject=subject,
        text=body,
    )


Parts = tuple[str, str]


def _follow_up(option: Option, facts: AppealFacts, case: OptionFacts, _: Catalogue) -> Parts:
    sent = f" on {_day(case.sent_at, case)}" if case.sent_at else ""
    return (
        f"Following up on my appeal: {account_words(facts)}",
        _letter(
            facts,
            f"Hello {_team(facts)},",
            (
                f"I sent my appeal of the deactivation of my {account_words(facts)}{sent}"
                f"{_refs(facts)}. Could you please confirm that it arrived, and tell me when I "
                "can expect a decision?"
            ),
            "If you need anything more from me to review it, I will send it straight away.",
            "Thank you for your help.",
        ),
    )


def _second_review(option: Option, facts: AppealFacts, case: OptionFacts, _: Catalogue) -> Parts:
    decided = _decided(case)
    return (
        f"Request for a second review: {account_words(facts)}",
        _letter(
            facts,
            f"Dear {_team(facts)},",
            (
                f"I am writing to ask for a second review of the decision{decided} on my appeal "
                f"of the deactivation of my {account_words(facts)}, notified on "
                f"{long_date(facts.notice_date)}{_refs(facts)}."
            ),
            (
                f"Through your {option.route or 'review process'}, I ask that a person who did "
                "not make the first decision look at my appeal again."
            ),
            "[In two or three sentences: why the decision is wrong, with dates, and what shows "
            "it. Name the exhibits you sent with the appeal.]",
            "I would be grateful to have my account reinstated. Thank you for your time.",
        ),
    )


def _notice_of_dispute(
    option: Option, facts: AppealFacts, case: OptionFacts, _: Catalogue
) -> Parts:
    platform = facts.platform_name or "the platform"
    return (
        f"Notice of dispute: {account_words(facts)}",
        _letter(
            facts,
            f"Dear {platform} legal department,",
            (
                "I give notice of a dispute under the dispute resolution section of the "
                f"{platform} terms I accepted. It is about the deactivation of my "
                f"{account_words(facts)}, "
                f"notified on {long_date(facts.notice_date)}{_refs(facts)}, and the decision"
                f"{_decided(case)} to deny my appeal."
            ),
            "What happened: [the dates and facts, briefly, and what shows them].",
            "What I ask for: that my account be reinstated [and any pay lost, if you claim it].",
            (
                "I would prefer to resolve this with you directly and I am ready to talk. If we "
                "cannot resolve it, I intend to file a demand for arbitration as the terms provide."
            ),
            "Please reply to me at [your email or phone].",
        ),
    )


def _complaint(option: Option, facts: AppealFacts, case: OptionFacts, cat: Catalogue) -> Parts:
    law = cat.laws.get(option.law or "")
    place = ", ".join(p for p in (case.city, case.state) if p)
    platform = facts.platform_name or "the platform"
    asks = [GIVES[g] for g in law.gives if g in GIVES] if law else []
    checks = (
        "Under this law, please look at whether I was given:\n"
        + "\n".join(f"- {a} [yes, no, or not sure]" for a in asks)
        if asks
        else ""
    )
    sent = f" I appealed on {_day(case.sent_at, case)}." if case.sent_at else ""
    return (
        f"Complaint about a deactivation by {platform}" + (f" ({law.name})" if law else ""),
        _letter(
            facts,
            "Dear Sir or Madam,",
            (
                f"I drive for {platform}" + (f" in {place}" if place else "") + ". "
                f"{platform} deactivated my {account_words(facts)}; I was told on "
                f"{long_date(facts.notice_date)}{_refs(facts)}.{sent}"
                + (f" My appeal was denied{_decided(case, 'on')}." if case.decision else "")
            ),
            checks,
            "What happened: [the dates and facts, briefly].",
            "I enclose the deactivation notice, my appeal and the answer I received. I can send "
            "anything else you need. Thank you for looking into this.",
        ),
    )


def _fcra_dispute(option: Option, facts: AppealFacts, case: OptionFacts, _: Catalogue) -> Parts:
    platform = facts.platform_name or "a platform"
    return (
        "Dispute of the accuracy of my background report",
        _letter(
            facts,
            "Dear Disputes team,",
            (
                f"I dispute the accuracy of the background report you prepared about me for "
                f"{platform}. {platform} deactivated my {account_words(facts)} because of it; "
                f"I was told on {long_date(facts.notice_date)}{_refs(facts)}."
            ),
            "My details: [full name, date of birth, the report or order number, and your address].",
            "The item I dispute: [copy the line from the report].\nWhy it is wrong: [for example "
            "it is not me, the case was dismissed, or the date is wrong]. I enclose [the court "
            "record or other document that shows it].",
            (
                "Please reinvestigate this item and correct or delete it, as the Fair Credit "
                "Reporting Act requires (15 U.S.C. § 1681i), send me the result and a free copy "
                f"of the corrected report, and tell {platform} that the report is in dispute."
            ),
            "Thank you.",
        ),
    )


def _data_request(option: Option, facts: AppealFacts, case: OptionFacts, _: Catalogue) -> Parts:
    platform = facts.platform_name or "your company"
    if case.country in ("GB", "EU"):
        law = "UK GDPR" if case.country == "GB" else "the GDPR"
        return (
            f"Subject access request under Articles 15 and 22 of {law}",
            _letter(
                facts,
                "Dear Data Protection Officer,",
                (
                    f"I make a subject access request under Article 15 of {law} for the personal "
                    f"data {platform} holds about me as a driver ({account_words(facts)})."
                ),
                _wanted(
                    "information about any automated decision-making about me, including the "
                    "deactivation notified on "
                    f"{long_date(facts.notice_date)}: whether a person took part, the logic "
                    "involved and its effects (Articles 15(1)(h) and 22)",
                ),
                "Please answer within one month of receiving this request (Article 12(3)), in an "
                "electronic format I can read.",
                "Thank you.",
            ),
        )
    return (
        "Request to know and access my personal information (CCPA)",
        _letter(
            facts,
            "Dear Privacy team,",
            (
                "I am a California resident and I work as an independent contractor through my "
                f"{account_words(facts)}. Under the California Consumer Privacy Act I ask to know "
                "and to have a copy of the personal information you hold about me."
            ),
            _wanted(
                "the information used in deciding to deactivate my account, notified on "
                f"{long_date(facts.notice_date)}",
            ),
            "Please answer within 45 days of receiving this request, as the law requires. "
            "Thank you.",
        ),
    )


# --- pieces ----------------------------------------------------------------------------------


def _wanted(decision_line: str) -> str:
    items = [
        "all the personal data you hold about me, and where it came from",
        "my delivery or trip records, with times and locations (GPS)",
        "every rating, complaint and report about me, and any internal notes or labels on my "
        "account",
        decision_line,
        "who you have shared my data with",
    ]
    return "Please send me:\n" + "\n".join(f"- {item}" for item in items)


def _letter(facts: AppealFacts, greeting: str, *paragraphs: str) -> str:
    sign = "\n".join(["Sincerely,", facts.driver_name, *signature_lines(facts)])
    return "\n\n".join(p.strip() for p in (greeting, *paragraphs, sign) if p.strip())


def _team(facts: AppealFacts) -> str:
    return f"{facts.platform_name} team" if facts.platform_name else "Support team"


def _refs(facts: AppealFacts) -> str:
    refs = facts.notice_references
    return f" (reference {', '.join(refs)})" if refs else ""


def _day(moment: datetime | None, case: OptionFacts) -> str:
    return long_date(moment.astimezone(case.tz).date()) if moment else ""


def _decided(case: OptionFacts, word: str = "of") -> str:
    """ " of 1 December 2026" (or " on ..."), "" when the day is not known."""
    on = case.decision.on if case.decision else None
    return f" {word} {_day(on, case)}" if on else ""
