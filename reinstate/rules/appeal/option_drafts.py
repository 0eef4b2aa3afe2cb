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

from reinstate.lib.i18n import _, gettext_noop
from reinstate.rules.appeal.letter import account_words, long_date, sign_off
from reinstate.rules.appeal.options import DRAFTED, Option, OptionFacts
from reinstate.rules.appeal.shape import AppealFacts
from reinstate.rules.catalogue.types import GIVES, Catalogue

# The drafts are written in the active language (the caller chooses it, as for the letter).
HEADING = gettext_noop(
    "A draft to check, not legal advice. Read it, fill in the parts in [brackets] and change "
    "anything that is not right before you send it."
)


def heading() -> str:
    """HEADING in the active language."""
    return _(HEADING)


def draft_title(option_title: str) -> str:
    """ "Draft: Follow up on your appeal"."""
    return _("Draft: %(title)s") % {"title": option_title}


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
            [
                f"{self.title}",
                self.heading,
                _("To: %(to)s") % {"to": self.to},
                _("Subject: %(subject)s") % {"subject": self.subject},
                self.text,
            ]
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
        title=draft_title(option.title),
        heading=heading(),
        to=option.who,
        subject=subject,
        text=body,
    )


Parts = tuple[str, str]


def _follow_up(option: Option, facts: AppealFacts, case: OptionFacts, _c: Catalogue) -> Parts:
    values = {"account": account_words(facts), "refs": _refs(facts)}
    if case.sent_at:
        sent = _("I sent my appeal of the deactivation of my %(account)s on %(day)s%(refs)s.") % (
            values | {"day": _day(case.sent_at, case)}
        )
    else:
        sent = _("I sent my appeal of the deactivation of my %(account)s%(refs)s.") % values
    return (
        _("Following up on my appeal: %(account)s") % values,
        _letter(
            facts,
            _("Hello %(team)s,") % {"team": _team(facts)},
            sent
            + " "
            + _(
                "Could you please confirm that it arrived, and tell me when I can expect a "
                "decision?"
            ),
            _("If you need anything more from me to review it, I will send it straight away."),
            _("Thank you for your help."),
        ),
    )


def _second_review(option: Option, facts: AppealFacts, case: OptionFacts, _c: Catalogue) -> Parts:
    values = {
        "account": account_words(facts),
        "notified": long_date(facts.notice_date),
        "refs": _refs(facts),
        "decided": _day(case.decision.on, case) if case.decision and case.decision.on else "",
    }
    if values["decided"]:
        ask = _(
            "I am writing to ask for a second review of the decision of %(decided)s on my "
            "appeal of the deactivation of my %(account)s, notified on %(notified)s%(refs)s."
        )
    else:
        ask = _(
            "I am writing to ask for a second review of the decision on my appeal of the "
            "deactivation of my %(account)s, notified on %(notified)s%(refs)s."
        )
    if option.route:
        route = _(
            "Through your %(route)s, I ask that a person who did not make the first decision "
            "look at my appeal again."
        ) % {"route": option.route}
    else:
        route = _(
            "Through your review process, I ask that a person who did not make the first "
            "decision look at my appeal again."
        )
    return (
        _("Request for a second review: %(account)s") % values,
        _letter(
            facts,
            _("Dear %(team)s,") % {"team": _team(facts)},
            ask % values,
            route,
            _(
                "[In two or three sentences: why the decision is wrong, with dates, and what "
                "shows it. Name the exhibits you sent with the appeal.]"
            ),
            _("I would be grateful to have my account reinstated. Thank you for your time."),
        ),
    )


def _notice_of_dispute(
    option: Option, facts: AppealFacts, case: OptionFacts, _c: Catalogue
) -> Parts:
    values = {
        "platform": facts.platform_name or _("the platform"),
        "account": account_words(facts),
        "notified": long_date(facts.notice_date),
        "refs": _refs(facts),
        "decided": _day(case.decision.on, case) if case.decision and case.decision.on else "",
    }
    if values["decided"]:
        notice = _(
            "I give notice of a dispute under the dispute resolution section of the "
            "%(platform)s terms I accepted. It is about the deactivation of my %(account)s, "
            "notified on %(notified)s%(refs)s, and the decision of %(decided)s to deny my "
            "appeal."
        )
    else:
        notice = _(
            "I give notice of a dispute under the dispute resolution section of the "
            "%(platform)s terms I accepted. It is about the deactivation of my %(account)s, "
            "notified on %(notified)s%(refs)s, and the decision to deny my appeal."
        )
    return (
        _("Notice of dispute: %(account)s") % values,
        _letter(
            facts,
            _("Dear %(platform)s legal department,") % values,
            notice % values,
            _("What happened: [the dates and facts, briefly, and what shows them]."),
            _("What I ask for: that my account be reinstated [and any pay lost, if you claim it]."),
            _(
                "I would prefer to resolve this with you directly and I am ready to talk. If we "
                "cannot resolve it, I intend to file a demand for arbitration as the terms provide."
            ),
            _("Please reply to me at [your email or phone]."),
        ),
    )


def _complaint(option: Option, facts: AppealFacts, case: OptionFacts, cat: Catalogue) -> Parts:
    law = cat.laws.get(option.law or "")
    place = ", ".join(p for p in (case.city, case.state) if p)
    values = {
        "platform": facts.platform_name or _("the platform"),
        "place": place,
        "account": account_words(facts),
        "notified": long_date(facts.notice_date),
        "refs": _refs(facts),
        "sent": _day(case.sent_at, case),
        "decided": _day(case.decision.on, case) if case.decision and case.decision.on else "",
        "law": law.name if law else "",
    }
    asks = [_(GIVES[g]) for g in law.gives if g in GIVES] if law else []
    checks = (
        _("Under this law, please look at whether I was given:")
        + "\n"
        + "\n".join("- " + _("%(item)s [yes, no, or not sure]") % {"item": a} for a in asks)
        if asks
        else ""
    )
    drive = _("I drive for %(platform)s in %(place)s.") if place else _("I drive for %(platform)s.")
    told = [
        drive % values,
        _("%(platform)s deactivated my %(account)s; I was told on %(notified)s%(refs)s.") % values,
    ]
    if case.sent_at:
        told.append(_("I appealed on %(sent)s.") % values)
    if case.decision:
        told.append(
            _("My appeal was denied on %(decided)s.") % values
            if values["decided"]
            else _("My appeal was denied.")
        )
    return (
        _("Complaint about a deactivation by %(platform)s (%(law)s)") % values
        if law
        else _("Complaint about a deactivation by %(platform)s") % values,
        _letter(
            facts,
            _("Dear Sir or Madam,"),
            " ".join(told),
            checks,
            _("What happened: [the dates and facts, briefly]."),
            _(
                "I enclose the deactivation notice, my appeal and the answer I received. I can "
                "send anything else you need. Thank you for looking into this."
            ),
        ),
    )


def _fcra_dispute(option: Option, facts: AppealFacts, case: OptionFacts, _c: Catalogue) -> Parts:
    values = {
        "platform": facts.platform_name or _("a platform"),
        "account": account_words(facts),
        "notified": long_date(facts.notice_date),
        "refs": _refs(facts),
    }
    return (
        _("Dispute of the accuracy of my background report"),
        _letter(
            facts,
            _("Dear Disputes team,"),
            _(
                "I dispute the accuracy of the background report you prepared about me for "
                "%(platform)s. %(platform)s deactivated my %(account)s because of it; I was told "
                "on %(notified)s%(refs)s."
            )
            % values,
            _(
                "My details: [full name, date of birth, the report or order number, and your "
                "address]."
            ),
            _("The item I dispute: [copy the line from the report].")
            + "\n"
            + _(
                "Why it is wrong: [for example it is not me, the case was dismissed, or the date "
                "is wrong]. I enclose [the court record or other document that shows it]."
            ),
            _(
                "Please reinvestigate this item and correct or delete it, as the Fair Credit "
                "Reporting Act requires (15 U.S.C. § 1681i), send me the result and a free copy "
                "of the corrected report, and tell %(platform)s that the report is in dispute."
            )
            % values,
            _("Thank you."),
        ),
    )


def _data_request(option: Option, facts: AppealFacts, case: OptionFacts, _c: Catalogue) -> Parts:
    values = {
        "platform": facts.platform_name or _("your company"),
        "account": account_words(facts),
        "notified": long_date(facts.notice_date),
    }
    if case.country in ("GB", "EU"):
        values["law"] = _("UK GDPR") if case.country == "GB" else _("the GDPR")
        return (
            _("Subject access request under Articles 15 and 22 of %(law)s") % values,
            _letter(
                facts,
                _("Dear Data Protection Officer,"),
                _(
                    "I make a subject access request under Article 15 of %(law)s for the "
                    "personal data %(platform)s holds about me as a driver (%(account)s)."
                )
                % values,
                _wanted(
                    _(
                        "information about any automated decision-making about me, including the "
                        "deactivation notified on %(notified)s: whether a person took part, the "
                        "logic involved and its effects (Articles 15(1)(h) and 22)"
                    )
                    % values,
                ),
                _(
                    "Please answer within one month of receiving this request (Article 12(3)), "
                    "in an electronic format I can read."
                ),
                _("Thank you."),
            ),
        )
    return (
        _("Request to know and access my personal information (CCPA)"),
        _letter(
            facts,
            _("Dear Privacy team,"),
            _(
                "I am a California resident and I work as an independent contractor through my "
                "%(account)s. Under the California Consumer Privacy Act I ask to know and to "
                "have a copy of the personal information you hold about me."
            )
            % values,
            _wanted(
                _(
                    "the information used in deciding to deactivate my account, notified on "
                    "%(notified)s"
                )
                % values,
            ),
            _(
                "Please answer within 45 days of receiving this request, as the law requires. "
                "Thank you."
            ),
        ),
    )


# --- pieces ----------------------------------------------------------------------------------


def _wanted(decision_line: str) -> str:
    items = [
        _("all the personal data you hold about me, and where it came from"),
        _("my delivery or trip records, with times and locations (GPS)"),
        _(
            "every rating, complaint and report about me, and any internal notes or labels on "
            "my account"
        ),
        decision_line,
        _("who you have shared my data with"),
    ]
    return _("Please send me:") + "\n" + "\n".join(f"- {item}" for item in items)


def _letter(facts: AppealFacts, greeting: str, *paragraphs: str) -> str:
    return "\n\n".join(p.strip() for p in (greeting, *paragraphs, sign_off(facts)) if p.strip())


def _team(facts: AppealFacts) -> str:
    if facts.platform_name:
        return _("%(platform)s team") % {"platform": facts.platform_name}
    return _("Support team")


def _refs(facts: AppealFacts) -> str:
    """ " (reference CASE-4471)", "" when the notice has none."""
    refs = facts.notice_references
    if not refs:
        return ""
    return " " + _("(reference %(references)s)") % {"references": ", ".join(refs)}


def _day(moment: datetime | None, case: OptionFacts) -> str:
    return long_date(moment.astimezone(case.tz).date()) if moment else ""
