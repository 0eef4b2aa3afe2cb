"""The protective appeal: a short, polite "I appeal this decision; my full appeal and evidence
follow by DATE", sent when the deadline is close and the full appeal is not ready, so the window
is not lost. And when the app offers it.

Pure, no Django; `now` is passed in. Like the full letter (letter.py) it adds no fact: it names
the driver, the account and the notice's references the way the full letter does, and promises
only a date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.lib.dates import when
from reinstate.lib.i18n import _, gettext_noop
from reinstate.rules.appeal.letter import (
    account_words,
    greeting,
    long_date,
    references_sentence,
    sign_off,
)
from reinstate.rules.appeal.shape import AppealFacts
from reinstate.rules.deadlines.arithmetic import as_utc
from reinstate.rules.deadlines.reminders import PROTECTIVE_HOURS

# The full appeal follows within a week: long enough to gather documents and write, short
# enough that a reviewer keeps the appeal open for it.
FOLLOW_WITHIN = timedelta(days=7)
# A promise needs a couple of days to be one the driver can keep. With less before the deadline
# the full appeal cannot come in time anyway: that is why a protective appeal is sent.
SHORTEST_PROMISE = timedelta(days=2)
WITHIN = gettext_noop(
    "I am sending this now so that my appeal is received within the time allowed."
)
LATE = gettext_noop("I am sending this now so that my appeal is on record.")


def protective_due(
    deadline: datetime | None, *, now: datetime, sent: bool, closed: bool = False
) -> bool:
    """True exactly when nothing is sent, the case is open, and 24 hours or less are left.

    It stays True after the deadline: the deadline the app acts on is often the platform's
    reported window or a law's, not a date the notice states, and a platform may still read a
    late appeal; a short one sent now is the quickest way to get something on record (the page
    says it is late). Without a deadline there is no clock to beat: the full appeal is the way.
    """
    if deadline is None or sent or closed:
        return False
    return as_utc(deadline) - as_utc(now) <= timedelta(hours=PROTECTIVE_HOURS)


def follow_by(*, today: date, deadline_day: date | None) -> date:
    """The day the driver promises the full appeal and evidence by.

    A week from today; but not after the deadline's day when the deadline is far enough off
    for the full appeal to still come within it (the letter is a promise the driver makes, and a
    platform may decide at its deadline on what it has). When the deadline is today, tomorrow or
    past, the full appeal comes after it whatever the letter says: a week is then a promise the
    driver can keep.
    """
    week = today + FOLLOW_WITHIN
    if deadline_day is None or deadline_day < today + SHORTEST_PROMISE:
        return week
    return min(week, deadline_day)


def draft_protective(facts: AppealFacts, *, now: datetime, tz: ZoneInfo) -> str:
    """The letter, dated from `now` in the driver's zone `tz`."""
    today = now.astimezone(tz).date()
    deadline_day = facts.deadline.astimezone(tz).date() if facts.deadline else None
    by = follow_by(today=today, deadline_day=deadline_day)
    refs = facts.notice_references
    # Sent after the deadline, it does not claim to be in time.
    late = facts.deadline is not None and as_utc(now) > as_utc(facts.deadline)
    appeal = _("I appeal the decision to deactivate my %(account)s, notified on %(day)s.") % {
        "account": account_words(facts),
        "day": long_date(facts.notice_date),
    }
    promise = [
        _(LATE if late else WITHIN),
        _("My full appeal and my evidence will follow by %(day)s.") % {"day": when(by, "day")},
        _("Please keep my appeal open until then, so that you can decide it on the full facts."),
    ]
    parts = [
        greeting(facts),
        appeal + (f" {references_sentence(refs)}" if refs else ""),
        " ".join(promise),
        _("Thank you for your time."),
        sign_off(facts),
    ]
    return "\n\n".join(parts)
