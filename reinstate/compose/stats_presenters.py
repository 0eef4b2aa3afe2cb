"""What the outcomes page shows: the headline, one table and chart a group, the CSV link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reinstate.accounts.models import Organisation
from reinstate.compose.org_stats import label, median_text, percent
from reinstate.compose.stats_forms import RangeForm
from reinstate.lib.dates import when
from reinstate.rules.appeal.outcome_charts import Bar, bar_chart
from reinstate.rules.appeal.outcomes import Outcomes, Tally


@dataclass(frozen=True)
class StatsRow:
    label: str
    cases: int
    answered: int
    reinstated: int
    rate: str  # "40 %", "" before any outcome
    median_days: str  # "21", "" before any timed decision


@dataclass(frozen=True)
class StatsSection:
    key: str
    title: str
    chart: SafeString
    rows: tuple[StatsRow, ...]
    rate_chart: SafeString | None = None


def _row(group: str, tally: Tally) -> StatsRow:
    return StatsRow(
        label=label(group, tally.key),
        cases=tally.cases,
        answered=tally.answered,
        reinstated=tally.reinstated,
        rate=percent(tally.rate),
        median_days=median_text(tally.median_days),
    )


def _cases(count: int) -> str:
    return ngettext("%(count)s case", "%(count)s cases", count) % {"count": count}


def _svg(svg: str) -> SafeString:
    return mark_safe(svg)  # noqa: S308 - built by rules/appeal/outcome_charts, which escapes text


def _section(found: Outcomes, group: str, title: str, chart_title: str) -> StatsSection:
    tallies = found.group(group)
    bars = [Bar(label(group, t.key), t.cases, _cases(t.cases)) for t in tallies]
    return StatsSection(
        key=group,
        title=title,
        chart=_svg(bar_chart(chart_id=f"chart-{group}", title=chart_title, bars=bars)),
        rows=tuple(_row(group, t) for t in tallies),
    )


def _rate_by_reason(found: Outcomes) -> SafeString:
    """The reasons with at least one outcome (a rate of nothing says nothing)."""
    bars = [
        Bar(
            label("reason", t.key),
            t.rate,
            _("%(rate)s of %(count)s with an outcome")
            % {"rate": percent(t.rate), "count": t.answered},
        )
        for t in found.group("reason")
        if t.rate is not None
    ]
    return _svg(
        bar_chart(
            chart_id="chart-rate-reason",
            title=_("Reinstatement rate by reason"),
            bars=bars,
            scale=1.0,
            empty=_("No case has an outcome yet."),
        )
    )


def range_words(since: date, until: date) -> str:
    return _("Cases whose notice arrived from %(since)s to %(until)s") % {
        "since": when(since, "date_long"),
        "until": when(until, "date_long"),
    }


def stats_context(
    organisation: Organisation,
    form: RangeForm,
    found: Outcomes | None,
) -> dict[str, Any]:
    context: dict[str, Any] = {"organisation": organisation, "form": form, "found": found}
    if found is None or found.since is None or found.until is None:
        return context
    sections = [
        _section(found, "month", _("By month"), _("Cases by month of the notice")),
        _section(found, "platform", _("By platform"), _("Cases by platform")),
        _section(found, "reason", _("By reason"), _("Cases by reason for the deactivation")),
        _section(found, "stage", _("By stage"), _("Cases by stage")),
        _section(found, "outcome", _("By outcome"), _("Cases by outcome")),
    ]
    reasons = sections[2]
    sections[2] = StatsSection(
        reasons.key, reasons.title, reasons.chart, reasons.rows, _rate_by_reason(found)
    )
    total = found.total
    params = urlencode({"since": found.since.isoformat(), "until": found.until.isoformat()})
    return context | {
        "range_words": range_words(found.since, found.until),
        "total": total,
        "total_rate": percent(total.rate),
        "total_median": median_text(total.median_days),
        "sections": sections,
        "csv_url": reverse("accounts:org_stats_csv", args=[organisation.pk]) + "?" + params,
    }
