"""An organisation's outcomes for a date range: the page, its CSV and `reinstate org stats`.

One query whatever the number of cases: the database filters the organisation's cases to the
range and works out, per case, whether anything was sent, the latest decision and the day of
the first answer (subqueries), and hands back a few plain columns (no names, no text). The
counting, the rates and the medians are done by rules/appeal/outcomes.py from those rows: a
median and a month in each case's own time zone are not portable SQL, and 5,000 short rows
cost milliseconds.

A case counts in the range when its notice arrived on one of the range's days, in the case's
time zone (the database narrows by a day either side, the rows are then checked exactly).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from reinstate.accounts.models import Organisation
from reinstate.appeals.models import Decision, Sending
from reinstate.cases.models import Case
from reinstate.lib.dates import when
from reinstate.lib.tz import zone_or_utc
from reinstate.rules.appeal.outcomes import (
    GROUPS,
    CaseFacts,
    Outcomes,
    Tally,
    classify_outcome,
    classify_stage,
    median_is_safe,
    outcomes_of,
    rate_is_safe,
    shown_count,
)
from reinstate.rules.catalogue.files import load_catalogue

UTC = ZoneInfo("UTC")
LONGEST_DAYS = 5 * 366  # a longer range is refused: sixty months is already a long chart
STAGE_TITLES = {
    "preparing": pgettext_lazy("outcome stage", "Not sent yet"),
    "sent": pgettext_lazy("outcome stage", "Sent, waiting"),
    "decided": pgettext_lazy("outcome stage", "Decided"),
    "closed": pgettext_lazy("outcome stage", "Closed"),
}
OUTCOME_TITLES = {
    "reinstated": pgettext_lazy("outcome", "Reinstated"),
    "partial": pgettext_lazy("outcome", "Partly granted"),
    "denied": pgettext_lazy("outcome", "Denied"),
    "other": pgettext_lazy("outcome", "Closed without an answer, or other"),
    "pending": pgettext_lazy("outcome", "No answer yet"),
}


def case_facts(
    organisation: Organisation, *, since: date | None, until: date | None
) -> list[CaseFacts]:
    """The organisation's cases whose notice arrived in the range, as plain rows: one query."""
    cases = Case.objects.filter(organisation=organisation)
    if since is not None:
        cases = cases.filter(received_at__gte=datetime.combine(since, time(), UTC) - timedelta(1))
    if until is not None:
        cases = cases.filter(received_at__lt=datetime.combine(until, time(), UTC) + timedelta(2))
    decisions = Decision.objects.filter(case=OuterRef("pk"))
    answered = decisions.exclude(outcome=Decision.Outcome.NO_ANSWER).order_by("decided_on", "pk")
    rows = cases.annotate(
        sent=Exists(Sending.objects.filter(case=OuterRef("pk"))),
        latest=Subquery(decisions.order_by("-decided_on", "-pk").values("outcome")[:1]),
        first_answer=Subquery(answered.values("decided_on")[:1]),
        # As text, parsed below: Django's own conversion of 5,000 datetimes costs more than
        # the whole query (SQLite gives "2026-11-02 16:00:00", PostgreSQL adds "+00").
        received_text=Cast("received_at", CharField()),
    ).values_list(
        "platform",
        "reason",
        "status",
        "outcome",
        "received_text",
        "time_zone",
        "reinstated_on",
        "sent",
        "latest",
        "first_answer",
    )
    zones: dict[str, ZoneInfo] = {}
    facts = []
    for (
        platform,
        reason,
        status,
        outcome,
        received,
        zone,
        reinstated_on,
        sent,
        latest,
        first,
    ) in rows.order_by():
        tz = zones.get(zone) or zones.setdefault(zone, zone_or_utc(zone))
        closed = status == Case.Status.CLOSED
        ending = classify_outcome(closed=closed, case_outcome=outcome, latest_decision=latest)
        facts.append(
            CaseFacts(
                platform=platform or "",
                reason=reason or "",
                stage=classify_stage(closed=closed, decided=latest is not None, sent=sent),
                outcome=ending,
                notice_day=_moment(received).astimezone(tz).date(),
                # The platform's first answer; a case closed as reinstated without a recorded
                # decision has the day the driver said the account came back.
                decided_on=first or (reinstated_on if ending == "reinstated" else None),
            )
        )
    return facts


def _moment(text: str | datetime) -> datetime:
    """A stored time in UTC, from the database's text (or a datetime, should a backend give
    one)."""
    moment = text if isinstance(text, datetime) else datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def organisation_outcomes(
    organisation: Organisation, *, since: date | None, until: date | None
) -> Outcomes:
    return outcomes_of(case_facts(organisation, since=since, until=until), since=since, until=until)


# What each key is called where a person reads it (the JSON keeps the keys).


def label(group: str, key: str) -> str:
    if group == "platform":
        platform = load_catalogue().platforms.get(key)
        return platform.name if platform else _("Platform not named")
    if group == "reason":
        reason = load_catalogue().reasons.get(key)
        return _(reason.title) if reason else _("Reason not recognised")
    if group == "stage":
        return str(STAGE_TITLES.get(key, key))
    if group == "outcome":
        return str(OUTCOME_TITLES.get(key, key))
    year, month = key.split("-")
    return when(date(int(year), int(month), 1), "month")


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{round(rate * 100):d} %"


def median_text(days: float | None) -> str:
    return "" if days is None else f"{days:g}"


def tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "key": tally.key or None,
        "cases": tally.cases,
        "with_outcome": tally.answered,
        "reinstated": tally.reinstated,
        "reinstatement_rate": None if tally.rate is None else round(tally.rate, 4),
        "decisions_timed": tally.timed,
        "median_days_to_decision": tally.median_days,
    }


def outcomes_json(organisation: Organisation, found: Outcomes) -> dict[str, Any]:
    """`reinstate org stats`: exact counts, for the person who runs the server."""
    return {
        "organisation": {"id": organisation.pk, "name": organisation.name},
        "since": found.since.isoformat() if found.since else None,
        "until": found.until.isoformat() if found.until else None,
        "total": tally_json(found.total),
        **{f"by_{name}": [tally_json(t) for t in found.group(name)] for name in GROUPS},
    }


CSV_COLUMNS = (
    "group",
    "key",
    "label",
    "cases",
    "with_outcome",
    "reinstated",
    "reinstatement_rate",
    "decisions_timed",
    "median_days_to_decision",
)


@dataclass(frozen=True)
class _Line:
    group: str
    tally: Tally


def outcomes_csv(found: Outcomes) -> str:
    """Aggregates only: no driver, no reference, no text a person typed. A count from 1 to 4 is
    written "<5", and a rate or a median that would give one away is left empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    lines = [_Line("total", found.total)] + [
        _Line(name, tally) for name in GROUPS for tally in found.group(name)
    ]
    for line in lines:
        tally = line.tally
        writer.writerow(
            [
                line.group,
                tally.key,
                _("All cases") if line.group == "total" else label(line.group, tally.key),
                shown_count(tally.cases),
                shown_count(tally.answered),
                shown_count(tally.reinstated),
                f"{tally.rate:.4f}" if tally.rate is not None and rate_is_safe(tally) else "",
                shown_count(tally.timed),
                median_text(tally.median_days) if median_is_safe(tally) else "",
            ]
        )
    return out.getvalue()
