"""An organisation's docket: every case shared with it, one row each, for its advocates.

Why the query count is fixed: the database filters, sorts, counts and pages by what it holds
(driver name, platform, reason, deadline, last change). Stage and readiness come from reading
each case's appeal, so they are worked out only for the one page shown (at most PER_PAGE
cases), with each kind of row read once for the page (compose/docket_progress.py): a page
costs the same queries whether the organisation has 30 cases or 5,000.
The organisation's own work rides on the same query: who carries each case, its next open
task and how many are overdue are subqueries of the one page query; the waves (notices that
look like one batch, advocacy/waves.py) cost one query whatever the docket's size.
Hence, documented on the page too:

- sorting by stage or readiness orders the rows of the page, not the whole docket;
- a stage filter narrows in the database to the cases that can be at that stage (closed ones;
  sent or decided ones; open ones with nothing sent), and the page keeps the rows whose exact
  stage matches, so a page may show fewer rows than PER_PAGE.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from reinstate.accounts.models import Organisation, User
from reinstate.accounts.queries import get_organisation_for_advocate
from reinstate.advocacy.models import Assignment, Task
from reinstate.advocacy.waves import organisation_waves
from reinstate.appeals.models import Decision, Sending
from reinstate.cases.models import Case
from reinstate.cases.presenters import docket_row
from reinstate.compose.docket_progress import progress_for_page
from reinstate.lib.iso import iso
from reinstate.rules.advocacy.waves import Wave, is_wave_key
from reinstate.rules.appeal.next_step import CaseProgress
from reinstate.rules.appeal.readiness import Readiness
from reinstate.rules.appeal.stage import STAGES, stage_of
from reinstate.rules.catalogue.files import load_catalogue

PER_PAGE = 50
WEEK = 7
# Sorts the database does over the whole docket, and the two done within the page.
DB_SORTS = {
    "driver": ("driver_sort",),
    "platform": ("platform", "reason"),
    "reason": ("reason", "platform"),
    "deadline": ("deadline",),
    "activity": ("updated_at",),
    "assignee": ("assignee_sort",),
    "tasks": ("next_task_due",),
}
PAGE_SORTS = ("stage", "readiness")
SORTS = (*DB_SORTS, *PAGE_SORTS)
OPEN_UNSENT = ("reading", "gathering", "writing", "ready")
# How the page names each stage (the CSV and the command line keep the stage's key).
STAGE_TITLES = {
    "reading": pgettext_lazy("docket stage", "Reading"),
    "gathering": pgettext_lazy("docket stage", "Gathering"),
    "writing": pgettext_lazy("docket stage", "Writing"),
    "ready": pgettext_lazy("docket stage", "Ready"),
    "sent": pgettext_lazy("docket stage", "Sent"),
    "decided": pgettext_lazy("docket stage", "Decided"),
    "escalated": pgettext_lazy("docket stage", "Escalated"),
    "closed": pgettext_lazy("docket stage", "Closed"),
}


def stage_title(stage: str) -> str:
    return str(STAGE_TITLES.get(stage, stage.capitalize()))


@dataclass(frozen=True)
class DocketQuery:
    """What the advocate asked for, from the page's query string or the command's flags."""

    stage: str = ""
    platform: str = ""
    due_within: int | None = None
    search: str = ""
    assignee: str = ""  # "me", "none", or a member's id
    wave: str = ""  # a wave's key (rules/advocacy/waves.py)
    sort: str = "deadline"
    descending: bool = False
    page: int = 1

    @classmethod
    def from_params(cls, params: Any) -> DocketQuery:
        """Lenient: a link typed by hand with a bad value gets the default, not an error."""
        sort = params.get("sort", "deadline")
        return cls(
            stage=_choice(params.get("stage", ""), STAGES),
            platform=_choice(params.get("platform", ""), tuple(load_catalogue().platforms)),
            due_within=_whole(params.get("due", ""), upper=3650),
            search=" ".join(str(params.get("q", "")).split())[:100],
            assignee=_assignee(params.get("assignee", "")),
            wave=str(params.get("wave", "")) if is_wave_key(str(params.get("wave", ""))) else "",
            sort=sort if sort in SORTS else "deadline",
            descending=params.get("dir") == "desc",
            page=_whole(params.get("page", ""), upper=10**6) or 1,
        )

    def params(self, **changes: Any) -> dict[str, str]:
        """The query string for this view with some parts changed (sorting and paging links)."""
        values = {
            "stage": self.stage,
            "platform": self.platform,
            "due": "" if self.due_within is None else str(self.due_within),
            "q": self.search,
            "assignee": self.assignee,
            "wave": self.wave,
            "sort": self.sort,
            "dir": "desc" if self.descending else "",
            "page": str(self.page),
        } | {k: str(v) for k, v in changes.items()}
        defaults = {"sort": "deadline", "page": "1"}
        return {k: v for k, v in values.items() if v and defaults.get(k) != v}


def _assignee(value: Any) -> str:
    text = str(value).strip()
    return text if text in ("me", "none") or (text.isdigit() and len(text) < 12) else ""


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else ""


def _whole(value: Any, *, upper: int) -> int | None:
    text = str(value).strip()
    return min(int(text), upper) if text.isdigit() else None


@dataclass(frozen=True)
class DocketRow:
    case_id: int
    driver: str
    platform: str  # catalogue key, "" when the notice did not name one
    platform_name: str
    reason_title: str
    stage: str
    deadline: datetime | None
    time_left: str  # "3 days left", "Overdue by 2 days", "Closed: …", "No deadline"
    urgency: str
    readiness: int
    last_activity: datetime
    assignee: str = ""  # the name shown; "" for nobody
    assignee_username: str = ""
    next_task_due: date | None = None  # the soonest open task of the organisation
    overdue_tasks: int = 0
    # Opened by an advocate for a driver who has not yet claimed it with its link.
    unclaimed: bool = False

    @property
    def stage_title(self) -> str:
        return stage_title(self.stage)

    def as_json(self) -> dict[str, Any]:
        return {
            "case": self.case_id,
            "driver": self.driver,
            "unclaimed": self.unclaimed,
            "platform": self.platform or None,
            "platform_name": self.platform_name,
            "reason": self.reason_title,
            "stage": self.stage,
            "deadline": iso(self.deadline),
            "time_left": self.time_left,
            "urgency": self.urgency,
            "readiness": self.readiness,
            "last_activity": iso(self.last_activity),
            "assignee": self.assignee_username or None,
            "next_task_due": self.next_task_due.isoformat() if self.next_task_due else None,
            "overdue_tasks": self.overdue_tasks,
        }


@dataclass(frozen=True)
class DocketPage:
    organisation: Organisation
    query: DocketQuery
    rows: tuple[DocketRow, ...]
    total: int  # cases matching the filters, over every page
    page: int
    pages: int
    waves: tuple[Wave, ...] = ()

    @property
    def sorted_within_page(self) -> bool:
        return self.query.sort in PAGE_SORTS


def organisation_for_docket(user: User, organisation_id: int) -> Organisation:
    """The organisation, or 404 for anyone not one of its advocates (a former advocate too)."""
    return get_organisation_for_advocate(user, organisation_id)


def docket_cases(
    organisation: Organisation,
    query: DocketQuery,
    *,
    now: datetime,
    viewer: User | None = None,
    wave_ids: tuple[int, ...] | None = None,
) -> QuerySet[Case]:
    """The organisation's shared cases, filtered and sorted in the database. `wave_ids`: the
    cases of the wave asked for (empty when there is no such wave)."""
    today = timezone.localdate(now)
    # The organisation's own work: only rows of the organisation the case is shared with now.
    assigned = Assignment.objects.filter(case=OuterRef("pk"), organisation=OuterRef("organisation"))
    tasks = Task.objects.filter(
        case=OuterRef("pk"), organisation=OuterRef("organisation"), done=False
    )
    overdue = tasks.filter(due_on__lt=today).values("case").annotate(n=Count("pk")).values("n")
    cases: QuerySet[Case] = (
        Case.objects.filter(organisation=organisation)
        .select_related("owner")
        .annotate(
            driver_sort=Lower(
                Coalesce(NullIf(F("owner__legal_name"), Value("")), F("owner__username"))
            ),
            assigned_id=Subquery(assigned.values("assignee_id")[:1]),
            assignee_username=Subquery(assigned.values("assignee__username")[:1]),
            assignee_name=Subquery(
                assigned.annotate(
                    shown=Coalesce(
                        NullIf(F("assignee__legal_name"), Value("")), F("assignee__username")
                    )
                ).values("shown")[:1]
            ),
            assignee_sort=Lower(F("assignee_name")),
            next_task_due=Subquery(tasks.order_by("due_on").values("due_on")[:1]),
            overdue_tasks=Coalesce(Subquery(overdue[:1]), 0),
        )
    )
    if wave_ids is not None:
        cases = cases.filter(pk__in=wave_ids)
    if query.assignee == "none":
        cases = cases.filter(Q(assigned_id__isnull=True))
    elif query.assignee == "me":
        # No one asking (the command line names a member instead): nothing is "mine".
        cases = cases.filter(Q(assigned_id=viewer.pk)) if viewer else cases.none()
    elif query.assignee:
        cases = cases.filter(Q(assigned_id=int(query.assignee)))
    if query.platform:
        cases = cases.filter(platform=query.platform)
    if query.due_within is not None:
        # Its deadline falls within the days, or one of the organisation's open tasks does.
        task_due = Exists(
            tasks.filter(due_on__gte=today, due_on__lte=today + timedelta(days=query.due_within))
        )
        cases = cases.filter(
            Q(deadline__gte=now, deadline__lte=now + timedelta(days=query.due_within)) | task_due,
            status=Case.Status.OPEN,
        )
    if query.search:
        term = query.search.lstrip("#")
        found = (
            Q(owner__legal_name__icontains=query.search)
            | Q(owner__username__icontains=query.search)
            | Q(reading__references__icontains=term)
        )
        if term.isdigit():
            found |= Q(pk=int(term))
        cases = cases.filter(found)
    if query.stage:
        cases = _could_be_at(cases, query.stage)
    keys = DB_SORTS.get(query.sort, DB_SORTS["deadline"])
    order = [
        F(k).desc(nulls_last=True) if query.descending else F(k).asc(nulls_last=True) for k in keys
    ]
    return cases.order_by(*order, "pk")


def _could_be_at(cases: QuerySet[Case], stage: str) -> QuerySet[Case]:
    """The cases that can be at this stage, as far as the database can tell (see the top)."""
    if stage == "closed":
        return cases.filter(status=Case.Status.CLOSED)
    went_out = Exists(Sending.objects.filter(case=OuterRef("pk"))) | Exists(
        Decision.objects.filter(case=OuterRef("pk"))
    )
    cases = cases.filter(status=Case.Status.OPEN)
    return cases.exclude(went_out) if stage in OPEN_UNSENT else cases.filter(went_out)


def docket_page(
    organisation: Organisation, query: DocketQuery, *, now: datetime, viewer: User | None = None
) -> DocketPage:
    waves = tuple(organisation_waves(organisation, now=now))
    wave_ids = None
    if query.wave:
        wave_ids = next((w.case_ids for w in waves if w.key == query.wave), ())
    cases = docket_cases(organisation, query, now=now, viewer=viewer, wave_ids=wave_ids)
    total = cases.count()
    pages = max(1, math.ceil(total / PER_PAGE))
    page = min(query.page, pages)
    chosen = list(cases[(page - 1) * PER_PAGE : page * PER_PAGE])
    progress = progress_for_page(chosen, now=now)
    rows = [row_of(case, *progress[case.pk], now=now) for case in chosen]
    if query.stage:
        rows = [row for row in rows if row.stage == query.stage]
    if query.sort == "stage":
        rows.sort(key=lambda r: STAGES.index(r.stage), reverse=query.descending)
    elif query.sort == "readiness":
        rows.sort(key=lambda r: r.readiness, reverse=query.descending)
    return DocketPage(organisation, query, tuple(rows), total, page, pages, waves)


def row_of(case: Case, progress: CaseProgress, readiness: Readiness, *, now: datetime) -> DocketRow:
    shown = docket_row(case, now=now)
    if shown.ended:
        time_left = shown.ended
    elif case.deadline:
        time_left = shown.countdown
    else:
        time_left = _("No deadline")
    return DocketRow(
        case_id=case.pk,
        driver=case.owner.display_name(),
        platform=case.platform or "",
        platform_name=shown.platform_name,
        reason_title=shown.reason_title or shown.kind_title,
        stage=stage_of(progress),
        deadline=case.deadline,
        time_left=time_left,
        urgency=shown.urgency,
        readiness=readiness.score,
        last_activity=case.updated_at,
        assignee=getattr(case, "assignee_name", None) or "",
        assignee_username=getattr(case, "assignee_username", None) or "",
        next_task_due=getattr(case, "next_task_due", None),
        overdue_tasks=getattr(case, "overdue_tasks", 0) or 0,
        unclaimed=case.owner.placeholder,
    )


CSV_COLUMNS = (
    "case",
    "driver",
    "platform",
    "reason",
    "stage",
    "deadline",
    "time_left",
    "readiness",
    "last_activity",
    "assignee",
    "next_task_due",
    "overdue_tasks",
)


def docket_csv(rows: tuple[DocketRow, ...] | list[DocketRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.as_json()
        writer.writerow(
            [
                data["case"],
                _safe(row.driver),
                row.platform_name,
                _safe(row.reason_title),
                row.stage,
                data["deadline"] or "",
                row.time_left,
                row.readiness,
                data["last_activity"],
                row.assignee_username,
                data["next_task_due"] or "",
                row.overdue_tasks,
            ]
        )
    return out.getvalue()


def _safe(text: str) -> str:
    """A name typed by a driver must not run as a formula when the CSV opens in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
