"""After the appeal went out: when the decision is expected, when to follow up, and what was
decided. Gathers the case's sending and decision and the platform's review time from the
catalogue for the pure rule (rules/appeal/waiting.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from reinstate.appeals.models import Decision, Sending
from reinstate.appeals.queries import latest_decision, latest_sending
from reinstate.cases.models import Case
from reinstate.rules.appeal.waiting import Waiting, waiting
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Window

UNKNOWN_PLATFORM_NOTE = (
    "UNCERTAIN: we do not know which platform this case is with, so we do not know how long it "
    "takes to decide. Fourteen calendar days is our own assumption, only to say when to follow up."
)


def review_time(case: Case) -> Window:
    """The platform's time to decide; for an unknown platform, our cautious estimate."""
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    if platform is not None:
        return platform.review_time
    # Built from the generic window so it carries every sourced field the catalogue has.
    return dataclasses.replace(
        catalogue.generic_window,
        label=_("our estimate, because the platform is not known"),
        days=14,
        unit="calendar",
        note=UNKNOWN_PLATFORM_NOTE,
    )


@dataclass(frozen=True)
class AfterSending:
    sending: Sending | None
    waiting: Waiting | None  # None until something is sent
    decision: Decision | None  # the decision on what was sent last; None while waiting

    @property
    def decided(self) -> str:
        return self.decision.outcome if self.decision else ""


def after_sending(case: Case, *, now: datetime) -> AfterSending:
    # A decision may come without the sending having been recorded here (sent some other way).
    return after_sending_from(case, latest_sending(case), latest_decision(case), now=now)


def after_sending_from(
    case: Case, sending: Sending | None, decision: Decision | None, *, now: datetime
) -> AfterSending:
    """From the latest sending and decision already read (the docket reads a page's at once)."""
    if sending is None:
        return AfterSending(None, None, decision)
    found = waiting(sent_at=sending.sent_at, review=review_time(case), tz=case.tz, now=now)
    # Sent again after a decision (a second review): waiting again, the old decision is history.
    if decision is not None and sending.sent_at.astimezone(case.tz).date() > decision.decided_on:
        decision = None
    return AfterSending(sending, found, decision)
