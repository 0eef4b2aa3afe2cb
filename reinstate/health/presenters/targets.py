"""Targets after reinstatement: how each is going, the "Keep watching your plan" form, and what
the case page shows of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from reinstate.accounts.models import User
from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.health import queries
from reinstate.health.alerts import shown_alerts
from reinstate.health.assessment import assess
from reinstate.health.forms.targets import PlanTargetsForm
from reinstate.health.models import Alert
from reinstate.health.platforms import target_choices
from reinstate.health.target_status import TargetStatus, target_ref, target_status
from reinstate.rules.health.plan_targets import PlanRow, plan_rows


def target_rows(
    user: User, platform: str, now: datetime, *, case: Case | None = None
) -> list[TargetStatus]:
    """Each target of the corrective action plan beside the numbers since it was set."""
    found = (target_status(user, t, as_of=now) for t in queries.targets(user, platform, case=case))
    return [status for status in found if status is not None]


def plan_rows_for(case: Case) -> list[PlanRow]:
    """The case's plan, line by line, with the measure and level the app read in each."""
    appeal = appeal_of(case)
    if appeal.pk is None or not case.platform:
        return []
    return plan_rows(
        monitoring_metric=appeal.monitoring_metric,
        monitoring_threshold=appeal.monitoring_threshold,
        monitoring_frequency=appeal.monitoring_frequency,
        actions=[(a.action, a.target) for a in appeal.actions.all()],
        choices=target_choices(case.platform),
    )


def plan_form(case: Case, *, today: date, data: Any = None) -> PlanTargetsForm:
    """The "Keep watching your plan" form, filled from the plan; counting from reinstatement."""
    return PlanTargetsForm(
        data,
        rows=plan_rows_for(case),
        choices=target_choices(case.platform or ""),
        today=today,
        watched=set(case.health_targets.values_list("metric", "threshold")),
        initial={"since": case.reinstated_on},
    )


@dataclass(frozen=True)
class PlanWatch:
    """The case page's "After reinstatement": the plan's targets, the ones being missed and
    their warnings; or, before any is kept, the form to keep them."""

    rows: list[TargetStatus]
    missed: list[TargetStatus]
    alerts: list[Alert]
    form: PlanTargetsForm | None
    platform: str | None


def plan_watch(user: User, case: Case, *, now: datetime) -> PlanWatch | None:
    """After reinstatement, on the case page: the plan's targets since then, and an early flag
    when one is being missed. Only for the driver: the numbers are theirs alone."""
    if case.owner_id != user.pk:
        return None
    rows = target_rows(user, case.platform or "", now, case=case)
    reinstated = case.outcome == Case.Outcome.REINSTATED
    if not reinstated and not rows:
        return None
    refs = [target_ref(row.target.pk) for row in rows]
    alerts = [
        alert
        for alert in queries.open_alerts(user, case.platform)
        if any(ref in alert.key for ref in refs)
    ]
    if alerts and case.platform:  # their words in the reader's language
        alerts = shown_alerts(alerts, assess(user, case.platform, as_of=now))
    form = None
    if reinstated and not rows and case.platform:
        form = plan_form(case, today=now.astimezone(ZoneInfo(user.time_zone)).date())
        if not form.rows:
            form = None
    return PlanWatch(
        rows=rows,
        missed=[row for row in rows if not row.met],
        alerts=alerts,
        form=form,
        platform=case.platform,
    )


def plan_offers(user: User, platform: str) -> list[Case]:
    """Reinstated cases on this platform whose plan nobody watches yet: the health page offers
    to keep watching them."""
    return [
        case
        for case in queries.reinstated_cases(user, platform)
        if not case.health_targets.exists() and plan_rows_for(case)
    ]
