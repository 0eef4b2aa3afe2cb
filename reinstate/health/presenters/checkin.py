"""The weekly check-in, on its page and in the email `reinstate remind` sends: each platform's
standing and margins, what is new, and documents running out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.health import queries
from reinstate.health.alerts import shown_alerts
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
        _("%(measure)s: %(value)s")
        % {"measure": _(info.title), "value": format_value(info.unit, window.metrics[info.key])}
        for info in METRICS
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
    assessments = []
    for platform in queries.active_platforms(user):
        assessment = assess(user, platform, as_of=now)
        assessments.append(assessment)
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
                    _("%(measure)s: %(value)s")
                    % {"measure": _(row.metric.title), "value": row.value}
                    for row in map(reading_row, assessment.readings)
                ],
            )
        )
    today = now.astimezone(tz).date()
    return CheckIn(
        user=user,
        week_of=today,
        sections=sections,
        new_alerts=_in_language(
            list(Alert.objects.filter(owner=user, opened_at__gt=week_ago).order_by("-opened_at")),
            assessments,
        ),
        documents=[
            row for row in document_rows(queries.documents(user), today) if row.status != "ok"
        ],
    )


def _in_language(alerts: list[Alert], assessments: list[Assessment]) -> list[Alert]:
    """The week's alerts with the words of the warnings still open in the reader's language
    (the stored words are English; one that is over keeps them)."""
    for assessment in assessments:
        shown_alerts([a for a in alerts if a.platform == assessment.platform], assessment)
    return alerts
