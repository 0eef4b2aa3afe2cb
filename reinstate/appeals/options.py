"""What a driver can do now on a case: gathers the case's plain facts for the pure rule
(rules/appeal/options.py) and its drafts (rules/appeal/option_drafts.py). Read-only.

The decision is read in one function, `decision_of`, and what was sent in `after_sending`
(appeals/after_sending.py), so the page, `reinstate next` and `reinstate draft` agree.
"""

from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.appeals.after_sending import AfterSending, after_sending
from reinstate.appeals.facts import appeal_facts
from reinstate.cases.models import Case
from reinstate.cases.presenters import deadline_rule_text
from reinstate.rules.appeal.option_drafts import Draft, NoDraft, draft_for, draft_title, heading
from reinstate.rules.appeal.options import KEYS, Decision, Option, OptionFacts, options_for
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.options import load_options

# Time zones that place a driver in the UK or the European Union, where GDPR rights apply. The
# profile has a US state but no country, so the zone the driver chose is the best hint we have.
UK_ZONES = frozenset({"Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Jersey"})
EU_ZONES = frozenset(
    "Europe/" + city
    for city in [
        "Amsterdam",
        "Athens",
        "Berlin",
        "Bratislava",
        "Brussels",
        "Bucharest",
        "Budapest",
        "Copenhagen",
        "Dublin",
        "Helsinki",
        "Lisbon",
        "Ljubljana",
        "Luxembourg",
        "Madrid",
        "Malta",
        "Nicosia",
        "Paris",
        "Prague",
        "Riga",
        "Rome",
        "Sofia",
        "Stockholm",
        "Tallinn",
        "Vienna",
        "Vilnius",
        "Warsaw",
        "Zagreb",
    ]
)


class UnknownOption(LookupError):
    """Not an option key, or not an option that applies to this case now."""


def decision_of(case: Case, after: AfterSending) -> Decision | None:
    """The decision on what was sent last: the recorded decision, else how the case was closed
    (a case closed as denied before decisions were recorded)."""
    if after.decision is not None:
        found = after.decision
        on = datetime.combine(found.decided_on, datetime.min.time(), tzinfo=case.tz)
        return Decision(outcome=found.outcome, on=on)
    if case.outcome == Case.Outcome.DENIED:
        return Decision(outcome="denied")
    if case.outcome == Case.Outcome.REINSTATED:
        return Decision(outcome="granted")
    return None


def country_of(user: User) -> str | None:
    """US for a driver with a US state, GB or EU from a European time zone, else US
    (the app's drivers are in the US unless something says otherwise)."""
    if user.state:
        return "US"
    if user.time_zone in UK_ZONES:
        return "GB"
    if user.time_zone in EU_ZONES:
        return "EU"
    return "US"


def option_facts(case: Case, *, now: datetime) -> OptionFacts:
    after = after_sending(case, now=now)
    wait = after.waiting
    owner = case.owner
    return OptionFacts(
        platform=case.platform,
        reason=case.reason,
        background_check=case.reason == "background_check",
        country=country_of(owner),
        state=owner.state or None,
        city=owner.city or None,
        tz=case.tz,
        received_at=case.received_at,
        deadline=case.deadline,
        deadline_rule=deadline_rule_text(case),
        deadline_source=case.deadline_source_url,
        deadline_confidence=case.deadline_confidence,
        sent_at=after.sending.sent_at if after.sending else None,
        decision=decision_of(case, after),
        follow_up_on=wait.follow_up_on if wait else None,
        follow_up_rule=wait.rule if wait else "",
        follow_up_source=wait.source if wait else "",
        follow_up_confidence=wait.confidence if wait else "",
        follow_up_days=settings.FOLLOW_UP_DAYS,
        requests_sent=requests_sent(case),
    )


def requests_sent(case: Case) -> dict[str, datetime]:
    """The day each dispute or data request last went out, as noon in the case's zone (the
    rule counts whole days from it)."""
    sent: dict[str, datetime] = {}
    for option, day in case.requests_sent.order_by("sent_on", "pk").values_list(
        "option", "sent_on"
    ):
        sent[option] = datetime.combine(day, time(12), tzinfo=case.tz)
    return sent


def case_options(case: Case, *, now: datetime) -> list[Option]:
    return options_for(option_facts(case, now=now), load_catalogue(), load_options(), now=now)


def case_option(case: Case, key: str, *, now: datetime) -> Option:
    """The option `key` if it applies to the case now; UnknownOption otherwise."""
    if key not in KEYS:
        raise UnknownOption(f"{key!r} is not an option; the options are {', '.join(KEYS)}")
    for option in case_options(case, now=now):
        if option.key == key:
            return option
    raise UnknownOption(f"{key!r} does not apply to case {case.pk} now")


def option_draft(case: Case, key: str, *, now: datetime) -> Draft:
    """The draft for the case's option `key`. UnknownOption when it does not apply; NoDraft when
    it has no draft (the appeal itself is the letter; legal help is a list of places)."""
    option = case_option(case, key, now=now)
    if key == "protective_appeal":
        return _protective(case, option, now=now)
    if not option.draft:
        raise NoDraft(key)
    return draft_for(option, appeal_facts(case), option_facts(case, now=now), load_catalogue())


def _protective(case: Case, option: Option, *, now: datetime) -> Draft:
    # The reminders' module writes it (the same letter the deadline email offers).
    from reinstate.appeals.protective import protective_draft

    return Draft(
        key=option.key,
        title=draft_title(option.title),
        heading=heading(),
        to=option.who,
        subject=_("My appeal"),
        text=protective_draft(case, now=now),
    )
