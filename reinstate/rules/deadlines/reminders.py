"""Which deadline reminder is due for a case: an email 72 hours and 24 hours before the appeal
deadline, while nothing is marked sent and the case is open.

Pure, no Django; `now` is passed in. `reinstate remind` runs from cron every few hours (or not
at all while the server is down), so a reminder is due from its moment until the deadline, not
only at it. Only the most urgent one whose moment has come is ever due: once the 24-hour
reminder is due, the 72-hour one is skipped (one email, not two at once), and it is never sent
after the 24-hour one. Nothing is due once the deadline has passed: "3 days left" would be false,
and the case page says what to do then.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from reinstate.rules.deadlines.arithmetic import as_utc

# Hours before the deadline, the most urgent last.
REMINDER_HOURS = (72, 24)
# From this many hours before the deadline the app offers the short protective appeal
# (rules/appeal/protective.py): the 24-hour reminder carries the offer.
PROTECTIVE_HOURS = 24


def due_reminder(
    deadline: datetime | None,
    *,
    now: datetime,
    sent: bool,
    closed: bool,
    reminded: Collection[int] = (),
) -> int | None:
    """The hours (72 or 24) of the one reminder to send now, or None.

    `sent`: the driver has marked anything sent (a protective appeal counts); `reminded`: the
    hours of the reminders already sent for this deadline.
    """
    if deadline is None or sent or closed:
        return None
    left = as_utc(deadline) - as_utc(now)
    if left <= timedelta(0):
        return None
    come = [hours for hours in REMINDER_HOURS if left <= timedelta(hours=hours)]
    if not come:
        return None
    most_urgent = min(come)
    return None if most_urgent in reminded else most_urgent
