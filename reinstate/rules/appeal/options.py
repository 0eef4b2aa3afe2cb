"""What a driver can do now: before the decision, send or follow up; after a "no", the routes that
apply to them, each with who to go to, how, the clock and where the clock comes from.

Pure, no Django, `now` passed in. The caller (appeals/options.py) gathers the plain facts of a
case into `OptionFacts`; this rule reads them with the main catalogue (platforms, laws) and the
options catalogue (options.toml: clocks, arbitration, agencies, legal help) and returns the
options in the order a driver would take them. Legal help always comes last.

A clock is shown with its rule and source even before it starts: a request's clock starts on the
day it is received, so its `deadline` is set only once the driver says it went out.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _, ngettext
from reinstate.rules.appeal.protective import protective_due
from reinstate.rules.catalogue.options import Clock, OptionsCatalogue
from reinstate.rules.catalogue.types import Catalogue, Channel, Confidence, Fact, Law, Platform
from reinstate.rules.deadlines.arithmetic import end_of_local_day, require_aware

KEYS = (
    "send_appeal",
    "follow_up",
    "protective_appeal",
    "second_review",
    "arbitration",
    "regulator_complaint",
    "fcra_dispute",
    "data_access_request",
    "legal_help",
)
# The options that have a draft in option_drafts.py (the protective appeal's lives with the
# reminders, appeals/protective.py; the appeal itself is the letter the driver writes).
DRAFTED = frozenset(
    {
        "follow_up",
        "second_review",
        "arbitration",
        "regulator_complaint",
        "fcra_dispute",
        "data_access_request",
    }
)
# Outcomes after which the routes beyond the platform's own appeal are worth taking: a "no", a
# partial "yes", or no answer at all.
ESCALATE_AFTER = frozenset({"denied", "partial", "no_answer"})
GDPR_CLOCKS = {"GB": "uk_gdpr_access", "EU": "gdpr_access"}
# Ranks "how sure" so that an option built from several facts reports the weakest.
_SURENESS: dict[str, int] = {"official": 2, "reported": 1, "estimate": 0}


@dataclass(frozen=True, kw_only=True)
class Decision:
    outcome: str  # "granted", "denied", "partial", "no_answer"
    on: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class OptionFacts:
    """What the rule reads of a case, plainly."""

    platform: str | None
    reason: str | None
    background_check: bool = False  # the deactivation rests on a background report
    country: str | None = "US"  # "US", "GB" or "EU"; None when not known
    state: str | None = None
    city: str | None = None
    tz: ZoneInfo
    received_at: datetime  # when the notice arrived: laws apply from their effective date
    deadline: datetime | None = None  # the appeal deadline the case acts on
    deadline_rule: str = ""
    deadline_source: str = ""  # a URL
    deadline_confidence: str = ""
    sent_at: datetime | None = None  # when the appeal (or a protective appeal) went out
    decision: Decision | None = None
    # The next day to follow up and its rule, at the platform's pace (rules/appeal/waiting.py);
    # without them, `follow_up_days` after sending (the app's flat setting).
    follow_up_on: date | None = None
    follow_up_rule: str = ""
    follow_up_source: str = ""
    follow_up_confidence: str = ""
    follow_up_days: int = 3
    # When the driver sent each request whose clock the app tracks, by option key.
    requests_sent: Mapping[str, datetime] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Option:
    key: str  # one of KEYS
    title: str
    who: str
    how: str
    deadline: datetime | None
    clock_source: str  # the rule the clock follows, in words, with the law it comes from
    draft: bool
    source: str  # where the clock (else the route) comes from: a URL
    confidence: Confidence
    # Further sourced facts (an arbitration clause, its fee, an uncertainty) for the page.
    details: tuple[Fact, ...] = ()
    law: str | None = None  # the laws.toml key a regulator complaint rests on
    route: str = ""  # the platform's name for its second review, for the draft

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "who": self.who,
            "how": self.how,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "clock_source": self.clock_source,
            "draft": self.draft,
            "source": self.source,
            "confidence": self.confidence,
        }


def options_for(
    facts: OptionFacts, catalogue: Catalogue, extra: OptionsCatalogue, *, now: datetime
) -> list[Option]:
    """The options that apply now, in order; empty once the appeal was granted."""
    require_aware(now)
    require_aware(facts.received_at)
    decision = facts.decision
    if decision is not None and decision.outcome == "granted":
        return []
    platform = catalogue.platforms.get(facts.platform or "")
    found: list[Option | None] = []
    if decision is None:
        if facts.sent_at is None:
            found += [_protective(facts, now=now), _send(facts, platform)]
        else:
            found.append(_follow_up(facts, platform))
    elif decision.outcome == "no_answer":
        found.append(_follow_up(facts, platform))
    if decision is not None and decision.outcome in ESCALATE_AFTER and platform is not None:
        found += [
            _second_review(facts, platform, extra),
            _arbitration(platform, extra),
            _regulator(facts, platform, catalogue, extra),
        ]
    # Disputing the report and asking for the data help at every stage: the answers are
    # evidence for the appeal as much as for what comes after it.
    if facts.background_check:
        found.append(_clocked("fcra_dispute", extra.clocks.get("fcra_reinvestigation"), facts))
    found.append(_data_access(facts, extra))
    found.append(_legal_help(facts, platform, extra))
    return [option for option in found if option is not None]


def option_keys(options: list[Option]) -> list[str]:
    return [option.key for option in options]


# --- before the decision ---------------------------------------------------------------------


def _protective(facts: OptionFacts, *, now: datetime) -> Option | None:
    # The reminders' rule, so that the page, the command and the reminder email agree.
    if not protective_due(facts.deadline, now=now, sent=facts.sent_at is not None):
        return None
    return Option(
        key="protective_appeal",
        title=_("Send a short appeal now, so the window is not lost"),
        who=_("The platform, by the appeal route in the notice"),
        how=_(
            "Under a day is left and nothing is sent. Send two lines now: that you appeal the "
            "decision and that your evidence follows by a date you give. Then send the full "
            "appeal."
        ),
        deadline=facts.deadline,
        clock_source=facts.deadline_rule or _("The appeal deadline this case acts on."),
        draft=True,
        source=facts.deadline_source,
        confidence=_confidence(facts.deadline_confidence),
    )


def _send(facts: OptionFacts, platform: Platform | None) -> Option:
    channel = platform.appeal_channel if platform else None
    return Option(
        key="send_appeal",
        title=_("Send your appeal"),
        who=platform.name if platform else _("The platform"),
        how=channel.how if channel else _("Reply the way the notice says."),
        deadline=facts.deadline,
        clock_source=facts.deadline_rule
        or _("No deadline was found; send it as soon as it is ready."),
        draft=False,
        source=facts.deadline_source or (channel.source if channel else ""),
        confidence=_confidence(facts.deadline_confidence),
    )


def _follow_up(facts: OptionFacts, platform: Platform | None) -> Option:
    channel = platform.support[0] if platform and platform.support else None
    days = facts.follow_up_days
    day = facts.follow_up_on
    rule = facts.follow_up_rule
    if day is None and facts.sent_at is not None:
        day = facts.sent_at.astimezone(facts.tz).date() + timedelta(days=days)
    if not rule:
        rule = ngettext(
            "%(days)s day without an answer after you sent it "
            "(this app's setting, REINSTATE_FOLLOW_UP_DAYS; not a platform rule)",
            "%(days)s days without an answer after you sent it "
            "(this app's setting, REINSTATE_FOLLOW_UP_DAYS; not a platform rule)",
            days,
        ) % {"days": days}
    ask = _(
        "Ask politely whether your appeal arrived and when to expect an answer; quote the "
        "reference you were given."
    )
    return Option(
        key="follow_up",
        title=_("Follow up on your appeal"),
        who=_("%(platform)s support") % {"platform": platform.name}
        if platform
        else _("The platform's support team"),
        how=((channel.how + " ") if channel else "") + ask,
        deadline=end_of_local_day(day, facts.tz) if day else None,
        clock_source=_sentence(rule),
        draft=True,
        source=facts.follow_up_source or (channel.source if channel else ""),
        confidence=_confidence(facts.follow_up_confidence),
    )


# --- after a "no" ----------------------------------------------------------------------------


def _escalations(platform: Platform, extra: OptionsCatalogue, kind: str) -> list[Channel]:
    """The platform's escalations of one kind: as options.toml classifies them, else by the
    channel's own key or name ("arbitration" in it), else a second review."""

    def kind_of(channel: Channel) -> str:
        known = extra.escalation(platform.key, channel.name)
        if known is not None:
            return known.kind
        if channel.key == "arbitration" or "arbitration" in channel.name.casefold():
            return "arbitration"
        return "second_review"

    return [c for c in platform.escalation if kind_of(c) == kind]


def _second_review(
    facts: OptionFacts, platform: Platform, extra: OptionsCatalogue
) -> Option | None:
    for channel in _escalations(platform, extra, "second_review"):
        known = extra.escalation(platform.key, channel.name)
        if known is not None and not known.place.contains(state=facts.state, city=facts.city):
            continue
        return Option(
            key="second_review",
            title=_("Ask for a second review: %(route)s") % {"route": channel.name},
            who=platform.name,
            how=channel.how,
            deadline=None,
            clock_source=_(
                "No time limit is published; ask within days of the decision, while it is fresh."
            ),
            draft=True,
            source=channel.source,
            confidence=channel.confidence,
            details=_notes(channel.facts, channel),
            route=channel.name,
        )
    return None


def _arbitration(platform: Platform, extra: OptionsCatalogue) -> Option | None:
    entry = extra.arbitration.get(platform.key)
    channels = _escalations(platform, extra, "arbitration")
    if entry is None and not channels:
        return None
    channel = channels[0] if channels else None
    # The platform's own facts about its clause (platforms.toml) come first; options.toml adds
    # what they do not say: the clause in a line, the filing route, the provider's fee schedule.
    facts: list[Fact] = [entry.clause] if entry else []
    if channel is not None:
        facts += channel.facts
    if entry is not None:
        taken = {f.key for f in facts}
        if "notice_of_intent" in taken:
            taken.add("filing")
        facts += [f for f in (entry.opt_out, entry.filing, entry.fee) if f and f.key not in taken]
    notice = entry.notice_days if entry else None
    clock = (
        ngettext(
            "Send the notice of dispute first; drivers report the terms require %(days)s day "
            "before you file a demand. No time limit to start was found: check the terms you "
            "accepted.",
            "Send the notice of dispute first; drivers report the terms require %(days)s days "
            "before you file a demand. No time limit to start was found: check the terms you "
            "accepted.",
            notice,
        )
        % {"days": notice}
        if notice
        else _("No time limit to start was found: check the terms you accepted.")
    )
    first = entry.filing if entry else channel
    assert first is not None
    provider = entry.provider if entry else _("the provider the terms name")
    return Option(
        key="arbitration",
        title=_("Start arbitration under the platform's terms"),
        who=_("%(platform)s, then %(provider)s")
        % {"platform": platform.name, "provider": provider},
        how=_(
            "Send the platform a notice of dispute that says what you ask for (reinstatement) and "
            "why; if it does not settle, file a demand for arbitration the way the terms say."
        ),
        deadline=None,
        clock_source=clock,
        draft=True,
        source=first.source,
        confidence=_weakest(f.confidence for f in facts) if facts else first.confidence,
        details=tuple(facts),
    )


def _regulator(
    facts: OptionFacts, platform: Platform, catalogue: Catalogue, extra: OptionsCatalogue
) -> Option | None:
    laws = catalogue.laws_for(
        work_type=platform.work_type,
        reason=facts.reason,
        state=facts.state,
        city=facts.city,
        platform=platform.key,
        on=facts.received_at.astimezone(facts.tz).date(),
    )
    # The most local law first: a city's office knows its own ordinance best.
    for law in sorted(laws, key=lambda law: (law.city is None, law.state is None)):
        route = extra.regulators.get(law.key)
        if route is None:
            continue
        confidence = route.confidence
        details = [_fact("law", law.summary, law)]
        if platform.key in law.uncertain_for:
            confidence = "estimate"
            details.insert(
                0,
                _fact(
                    "coverage",
                    _("UNCERTAIN: whether %(law)s covers %(platform)s is not confirmed.")
                    % {"law": law.name, "platform": platform.name},
                    law,
                ),
            )
        details += law.facts
        if route.note:
            details.append(_fact("note", route.note, route))
        return Option(
            key="regulator_complaint",
            title=_("Make a complaint to the agency"),
            who=route.who,
            how=route.how,
            deadline=None,
            clock_source=f"{route.clock} ({law.name})",
            draft=True,
            source=route.source,
            confidence=confidence,
            details=tuple(details),
            law=law.key,
        )
    return None


# --- requests with a clock -------------------------------------------------------------------


def _data_access(facts: OptionFacts, extra: OptionsCatalogue) -> Option | None:
    key = GDPR_CLOCKS.get(facts.country or "")
    if key is None and facts.country in (None, "US") and (facts.state or "").upper() == "CA":
        key = "ccpa_access"
    return _clocked("data_access_request", extra.clocks.get(key or ""), facts)


def _clocked(option: str, clock: Clock | None, facts: OptionFacts) -> Option | None:
    if clock is None:
        return None
    sent = facts.requests_sent.get(option)
    deadline = clock_end(clock, sent.astimezone(facts.tz).date(), facts.tz) if sent else None
    starts = (
        ""
        if sent
        else " " + _("It starts when you send it: the app counts it once you say it went out.")
    )
    return Option(
        key=option,
        title=clock.title,
        who=clock.who,
        how=clock.how,
        deadline=deadline,
        clock_source=_sentence(clock.rule) + starts,
        draft=True,
        source=clock.source,
        confidence=clock.confidence,
        details=(_fact("note", clock.note, clock),) if clock.note else (),
    )


def clock_end(clock: Clock, sent_on: date, tz: ZoneInfo) -> datetime:
    """The end of the day the answer is due, for a request sent (and so received, at the
    earliest) on `sent_on`: the cautious reading, since the clock runs from receipt."""
    if clock.days is not None:
        return end_of_local_day(sent_on + timedelta(days=clock.days), tz)
    return end_of_local_day(add_months(sent_on, clock.months or 0), tz)


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day (31 January
    plus one month is 28 or 29 February), as the data protection authorities count."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- legal help ------------------------------------------------------------------------------


def _legal_help(
    facts: OptionFacts, platform: Platform | None, extra: OptionsCatalogue
) -> Option | None:
    work_type = platform.work_type if platform else None
    helpers = [
        h
        for h in extra.help
        if h.serves(country=facts.country, state=facts.state, city=facts.city, work_type=work_type)
    ]
    if not helpers:
        return None
    # The most local first: a city's organisation, then the state's, then the country's.
    helpers.sort(key=lambda h: (h.place.city is None, h.place.state is None))
    return Option(
        key="legal_help",
        title=_("Get help from a driver organisation or a legal clinic"),
        who="; ".join(h.name for h in helpers),
        how="; ".join(f"{h.name}: {h.how}" for h in helpers),
        deadline=None,
        clock_source=_("No clock: ask early, so they have time before any deadline above."),
        draft=False,
        source=helpers[0].source,
        confidence=helpers[0].confidence,
        details=tuple(_fact("help", f"{h.name}: {h.how}", h) for h in helpers),
    )


# --- small helpers ---------------------------------------------------------------------------


def _fact(key: str, text: str, origin: Law | Channel | Any) -> Fact:
    return Fact(
        key=key,
        text=text,
        source=origin.source,
        confidence=origin.confidence,
        checked=origin.checked,
    )


def _notes(facts: tuple[Fact, ...], channel: Channel) -> tuple[Fact, ...]:
    notes = (_fact("note", channel.note, channel),) if channel.note else ()
    return (*facts, *notes)


def _weakest(confidences: Any) -> Confidence:
    return cast(Confidence, min(confidences, key=lambda c: _SURENESS.get(c, 0)))


def _confidence(value: str) -> Confidence:
    return cast(Confidence, value) if value in _SURENESS else "estimate"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
