"""After the appeal is sent: when to expect the decision, and when to follow up.

Pure, no Django. The caller passes when the appeal was sent, the platform's review time from
the catalogue (stated, reported or our estimate, with its source), the case's zone and `now`.

The follow-up keeps to the platform's pace rather than a flat few days: Amazon reportedly takes
up to three weeks, and a message every third day of those would only annoy the reviewer, while
Spark answers in days. So:

- the first follow-up is halfway through the review time (in the review time's own unit, so a
  business-day review skips weekends and holidays), but never sooner than three days after
  sending: support needs a little time before a "did you get it?" is fair; when that day
  is not before the decision is expected anyway (a review of a day or two), there is no
  halfway follow-up;
- the second is the first day the review time is over (the day after the decision was
  expected; the next business day for a business-day review): the answer is late now;
- after that, every `pace` days (half the review time, at least three days) until an answer
  comes, so a driver who hears nothing is never told to stop asking.

Each date is a day in the case's zone: a driver follows up on a day, not at an instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _
from reinstate.rules.catalogue.types import Window
from reinstate.rules.deadlines.arithmetic import (
    add_business_days,
    add_calendar_days,
    is_business_day,
    require_aware,
)

# Never ask support whether they got it sooner than this after sending.
MIN_FOLLOW_UP_DAYS = 3


@dataclass(frozen=True)
class Waiting:
    sent_on: date
    decision_expected_by: date
    first_follow_up: date
    late_follow_up: date  # the first day the review time is over
    follow_up_on: date  # the next follow-up day from `now` (today when one is due today)
    overdue: bool  # the review time is over and no decision was recorded
    rule: str  # "21 calendar days after sending: the time Amazon reportedly says ..."
    label: str
    source: str
    confidence: str
    note: str | None


def waiting(*, sent_at: datetime, review: Window, tz: ZoneInfo, now: datetime) -> Waiting:
    sent = require_aware(sent_at).astimezone(tz)
    today = require_aware(now).astimezone(tz).date()
    expected = _add(sent, review.days, review.unit, tz).date()
    halfway = _add(sent, (review.days + 1) // 2, review.unit, tz).date()
    first = max(halfway, sent.date() + timedelta(days=MIN_FOLLOW_UP_DAYS))
    late = _next_day(expected, review.unit)
    if first >= expected:  # a short review: the "it is late" follow-up is the only one
        first = late
    pace = timedelta(days=max(MIN_FOLLOW_UP_DAYS, (review.days + 1) // 2))
    follow_up = _next_follow_up(today, first=first, late=late, pace=pace)
    return Waiting(
        sent_on=sent.date(),
        decision_expected_by=expected,
        first_follow_up=first,
        late_follow_up=late,
        follow_up_on=follow_up,
        overdue=today > expected,
        rule=_("%(window)s after sending: %(label)s")
        % {"window": review.describe(), "label": review.label},
        label=review.label,
        source=review.source,
        confidence=review.confidence,
        note=review.note,
    )


def _add(start: datetime, days: int, unit: str, tz: ZoneInfo) -> datetime:
    if unit == "business":
        return add_business_days(start, days, tz)
    return add_calendar_days(start, days, tz)


def _next_day(day: date, unit: str) -> date:
    following = day + timedelta(days=1)
    while unit == "business" and not is_business_day(following):
        following += timedelta(days=1)
    return following


def _next_follow_up(today: date, *, first: date, late: date, pace: timedelta) -> date:
    if today <= first:
        return first
    if today <= late:
        return late
    # Past the review time: the next day on the pace from the late follow-up, today included.
    behind = (today - late).days
    steps = -(-behind // pace.days)  # rounded up
    return late + pace * steps
