"""What the docket page shows around its rows: the sorting links, the filters, the pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy, ngettext

from reinstate.compose.docket import PAGE_SORTS, WEEK, DocketPage, stage_title
from reinstate.lib.dates import when
from reinstate.rules.advocacy.waves import Wave
from reinstate.rules.appeal.stage import STAGES
from reinstate.rules.catalogue.files import load_catalogue

COLUMNS = (
    ("driver", gettext_lazy("Driver")),
    ("platform", gettext_lazy("Platform")),
    ("reason", gettext_lazy("Reason")),
    ("stage", gettext_lazy("Stage")),
    ("deadline", gettext_lazy("Deadline")),
    ("readiness", gettext_lazy("Readiness")),
    ("activity", gettext_lazy("Last activity")),
    ("assignee", gettext_lazy("Assigned to")),
    ("tasks", gettext_lazy("Tasks")),
)


@dataclass(frozen=True)
class SortLink:
    key: str
    title: str
    url: str
    current: bool
    arrow: str  # "▲" ascending, "▼" descending, "" when not sorted by it
    aria_sort: str  # for the column header: "ascending", "descending" or "none"


WAVES_SHOWN = 5


@dataclass(frozen=True)
class WaveLine:
    key: str
    text: str  # "3 cases look like one batch: Amazon Flex · Deliveries · week of 2 Nov"
    url: str  # the docket showing only them
    current: bool


def wave_text(wave: Wave) -> str:
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(wave.platform)
    reason = catalogue.reasons.get(wave.reason)
    return ngettext(
        "%(count)s case looks like one batch: %(platform)s · %(reason)s · week of %(day)s",
        "%(count)s cases look like one batch: %(platform)s · %(reason)s · week of %(day)s",
        len(wave.case_ids),
    ) % {
        "count": len(wave.case_ids),
        "platform": platform.name if platform else wave.platform,
        "reason": gettext(reason.title) if reason else wave.reason,
        "day": when(wave.week_start, "month_day"),
    }


def docket_context(found: DocketPage) -> dict[str, Any]:
    query = found.query
    base = reverse("accounts:docket", args=[found.organisation.pk])
    csv_url = reverse("accounts:docket_csv", args=[found.organisation.pk])

    def link(**changes: Any) -> str:
        params = query.params(**changes)
        return f"{base}?{urlencode(params)}" if params else base

    sorts = []
    for key, title in COLUMNS:
        current = query.sort == key
        # A second tap on the current column turns it round.
        flip = "" if current and query.descending else ("desc" if current else "")
        sorts.append(
            SortLink(
                key=key,
                title=str(title),
                url=link(sort=key, dir=flip, page=1),
                current=current,
                arrow=("▼" if query.descending else "▲") if current else "",
                aria_sort=(
                    ("descending" if query.descending else "ascending") if current else "none"
                ),
            )
        )
    platforms = sorted((p.name, key) for key, p in load_catalogue().platforms.items())
    filtered = bool(
        query.stage
        or query.platform
        or query.due_within is not None
        or query.search
        or query.assignee
        or query.wave
    )
    # The wave asked for first, then the largest: a docket of thousands may hold many.
    chosen = [w for w in found.waves if w.key == query.wave]
    shown = chosen + [w for w in found.waves if w.key != query.wave][: WAVES_SHOWN - len(chosen)]
    waves = [
        WaveLine(w.key, wave_text(w), link(wave=w.key, page=1), w.key == query.wave) for w in shown
    ]
    members = sorted(
        ((str(m.user_id), m.user.display_name()) for m in found.organisation.membership_set.all()),
        key=lambda pair: pair[1].lower(),
    )
    return {
        "docket": found,
        "organisation": found.organisation,
        "rows": found.rows,
        "sorts": sorts,
        "stages": [(stage, stage_title(stage)) for stage in STAGES],
        "platforms": [(key, name) for name, key in platforms],
        "week": WEEK,
        "due_week_url": link(due=WEEK, page=1),
        "clear_url": base,
        "filtered": filtered,
        "csv_url": f"{csv_url}?{urlencode(query.params())}" if query.params() else csv_url,
        "previous_url": link(page=found.page - 1) if found.page > 1 else "",
        "next_url": link(page=found.page + 1) if found.page < found.pages else "",
        "within_page": query.sort in PAGE_SORTS,
        "waves": waves,
        "more_waves": len(found.waves) - len(waves),
        "members": members,
        "mine_url": link(assignee="me", page=1),
    }
