"""The weekly check-in, on its page and in the email `reinstate remind` sends: each platform's
standing and margins, what is new, and documents running out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.accounts.models import User
from reinstate.health import queries
from reinstate.health.assessment import Assessment, assess
from reinstate.health.models import Alert
from reinstate.health.platforms import platform_name
from reinstate.health.presenters.documents import DocumentRow, document_rows
from reinstate.health.presenters.standing import margin_text, reading_row
from reinstate.rules.health.charts import format_value
from reinstate.rules.health.standing import METRICS, WINDOW_30D


def summary_lines(assessment: Assessment) -> list[str]:
    """The 30-day numbers in a line each, for the weekly check-in."""
    window = assessment.standing.windows[WINDOW_30D]
    return [
        f"{info.title}: {format_value(info.unit, window.metrics[info.key])}" for info in METRICS
    ]


@dataclass(frozen=True)
class CheckInSection:
    """One platform the driver drives for."""

    platform_name: str
    blocks_this_week: int
    lines: list[str]  # the 30-day numbers
    margins: list[str]
    readings: list[str]  # the numbers from the platform's app


@dataclass(frozen=True)
class CheckIn:
    user: User
    week_of: date
    sections: list[CheckInSection]
    new_alerts: list[Alert]
    documents: list[DocumentRow]  # those not "ok"


def checkin(user: User, *, now: datetime) -> CheckIn:
    """The weekly check-in: standing, margins and anything new, for each platform driven."""
    tz = ZoneInfo(user.time_zone)
    week_ago = now - timedelta(days=7)
    sections = []
    for platform in queries.active_platforms(user):
        assessment = assess(user, platform, as_of=now)
        sections.append(
            CheckInSection(
                platform_name=platform_name(platform),
                blocks_this_week=sum(
                    1 for r in assessment.records if week_ago < r.block_start <= now
                ),
                lines=summary_lines(assessment),
                margins=[
                    margin_text(level, m)
                    for level, m in assessment.margins
                    if m.window == WINDOW_30D
                ],
                readings=[
                    f"{row.metric.title}: {row.value}"
                    for row in map(reading_row, assessment.readings)
                ],
            )
        )
    today = now.astimezone(tz).date()
    return CheckIn(
        user=user,
        week_of=today,
        sections=sections,
        new_alerts=list(
            Alert.objects.filter(owner=user, opened_at__gt=week_ago).order_by("-opened_at")
        ),
        documents=[
            row for row in document_rows(queries.documents(user), today) if row.status != "ok"
        ],
    )
