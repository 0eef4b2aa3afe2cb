"""Taking in a notice: the checks on its received time, then the reading and the deadline.

Pure and free of Django, so `reinstate notice read` can answer without starting Django.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.lib.errors import UserInputError
from reinstate.lib.i18n import _
from reinstate.rules.deadlines.decision import DeadlineDecision, decide_deadline
from reinstate.rules.notice.reader import read_notice
from reinstate.rules.notice.reading import PLATFORMS, NoticeReading

# A received time a little ahead of the server clock is a clock difference, not a mistake.
CLOCK_SKEW = timedelta(minutes=5)


class IntakeError(UserInputError):
    """Input a person can fix; the message says how."""


def check_received(received: datetime, *, now: datetime) -> None:
    if received.tzinfo is None:
        raise IntakeError(
            _("The received time needs a time zone offset, e.g. 2026-11-20T09:00-05:00.")
        )
    if received > now + CLOCK_SKEW:
        raise IntakeError(
            _(
                "The received time is in the future. Enter when the notice arrived (today or "
                "earlier)."
            )
        )


def check_received_change(received: datetime, *, opened: datetime, now: datetime) -> None:
    """A corrected received time: the intake checks, and no later than when the case was
    opened (the notice was in hand then)."""
    check_received(received, now=now)
    if received > opened + CLOCK_SKEW:
        raise IntakeError(
            _(
                "The notice was already in your case when you opened it. Enter when it arrived "
                "(before you opened the case)."
            )
        )


def check_platform(platform: str | None) -> None:
    if platform is not None and platform not in PLATFORMS:
        raise IntakeError(
            _("Unknown platform %(platform)s: use one of %(choices)s.")
            % {"platform": repr(platform), "choices": ", ".join(PLATFORMS)}
        )


def read_and_decide(
    text: str,
    *,
    received: datetime,
    tz: ZoneInfo,
    state: str | None,
    city: str | None,
    platform_hint: str | None,
) -> tuple[NoticeReading, DeadlineDecision]:
    """What the notice says, and the deadline the app acts on."""
    reading = read_notice(text, received=received, tz=tz, platform_hint=platform_hint)
    decision = decide_deadline(reading, received=received, tz=tz, state=state, city=city)
    return reading, decision
