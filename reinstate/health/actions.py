"""Writes to account health. Each runs in one transaction and appends an audit event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.health.alerts import sync_alerts
from reinstate.health.bulk import miles, money
from reinstate.health.models import (
    Alert,
    Block,
    Document,
    PaymentChange,
    Reading,
    StandingReading,
    Target,
    WatchLevel,
)
from reinstate.health.platforms import target_choices
from reinstate.health.target_status import format_target
from reinstate.rules.health.blocks_csv import check_consistent
from reinstate.rules.health.csv_values import ValueProblem
from reinstate.rules.health.expiry import DOCUMENT_KINDS
from reinstate.rules.health.standing import BlockRecord
from reinstate.rules.health.standing_screen import TIERS, measures_for
from reinstate.rules.notice.reading import PLATFORMS

CLOCK_SKEW = timedelta(minutes=5)


class HealthInputError(ValueError):
    """Input a person can fix; the message says how."""


def check_platform(platform: str) -> str:
    if platform not in PLATFORMS:
        raise HealthInputError(
            _("Unknown platform %(platform)s: use one of %(platforms)s.")
            % {"platform": repr(platform), "platforms": ", ".join(PLATFORMS)}
        )
    return platform


def do_record_block(
    *, owner: User, platform: str, record: BlockRecord, now: datetime | None = None
) -> Block:
    """Keep one block the driver typed in."""
    now = now or timezone.now()
    check_platform(platform)
    start = record.block_start.replace(second=0, microsecond=0)
    record = record._replace(block_start=start)
    if record.block_end <= start:
        raise HealthInputError(_("The block must end after it starts."))
    if start > now + CLOCK_SKEW:
        raise HealthInputError(_("This block starts in the future. Record it once it is done."))
    try:
        check_consistent(record)
    except ValueProblem as problem:
        raise HealthInputError(_sentence(str(problem))) from None
    if Block.objects.filter(owner=owner, platform=platform, block_start=start).exists():
        raise HealthInputError(
            _(
                "You already recorded a block that starts at that time. Change the start time, "
                "or delete the other block first."
            )
        )
    with transaction.atomic():
        block = Block.objects.create(
            owner=owner,
            platform=platform,
            source=Block.Source.FORM,
            **_block_fields(record),
        )
        record_event(
            kind=EventKind.HEALTH_BLOCK_RECORDED,
            actor=owner,
            data={"platform": platform, "block_start": start.isoformat(), "status": record.status},
        )
        sync_alerts(owner=owner, platform=platform, now=now)
    return block


def do_delete_block(*, block: Block, actor: User, now: datetime | None = None) -> None:
    with transaction.atomic():
        record_event(
            kind=EventKind.HEALTH_BLOCK_DELETED,
            actor=actor,
            data={"platform": block.platform, "block_start": block.block_start.isoformat()},
        )
        block.delete()
        sync_alerts(owner=block.owner, platform=block.platform, now=now or timezone.now())


def do_set_watch_level(
    *, owner: User, platform: str, metric: str, level: float | None, now: datetime | None = None
) -> WatchLevel | None:
    """Set (or, with None, remove) the level at which the driver wants to hear about a measure."""
    check_platform(platform)
    with transaction.atomic():
        if level is None:
            WatchLevel.objects.filter(owner=owner, platform=platform, metric=metric).delete()
            watch = None
        else:
            watch, _ = WatchLevel.objects.update_or_create(
                owner=owner, platform=platform, metric=metric, defaults={"level": level}
            )
        record_event(
            kind=EventKind.HEALTH_WATCH_LEVEL,
            actor=owner,
            data={"platform": platform, "metric": metric, "level": level},
        )
        sync_alerts(owner=owner, platform=platform, now=now or timezone.now())
    return watch


def do_add_target(
    *,
    owner: User,
    platform: str,
    metric: str,
    threshold: float,
    since: date,
    note: str = "",
    case: Case | None = None,
    now: datetime | None = None,
) -> Target:
    """Keep a target of the plan; with ``case``, one kept from that case's plan."""
    check_platform(platform)
    now = now or timezone.now()
    choice = next((c for c in target_choices(platform) if c.key == metric), None)
    if choice is None:
        raise HealthInputError(
            _("Unknown measure %(measure)s: choose one of the list.") % {"measure": repr(metric)}
        )
    if since > now.astimezone(ZoneInfo(owner.time_zone)).date():
        raise HealthInputError(_("The date to count from is in the future: use today or earlier."))
    if case is not None and case.owner_id != owner.pk:
        raise HealthInputError(_("Only the driver of the case can keep its plan's targets."))
    with transaction.atomic():
        target = Target.objects.create(
            owner=owner,
            platform=platform,
            metric=metric,
            threshold=threshold,
            since=since,
            note=note[:300],
            case=case,
        )
        record_event(
            kind=EventKind.HEALTH_TARGET_ADDED,
            actor=owner,
            case_id=case.pk if case is not None else None,
            data={"platform": platform, "metric": metric, "threshold": threshold},
        )
        sync_alerts(owner=owner, platform=platform, now=now)
    return target


def do_watch_plan(
    *,
    owner: User,
    case: Case,
    targets: Sequence[tuple[str, float, str]],
    since: date,
    now: datetime | None = None,
) -> list[Target]:
    """Keep the chosen lines of a reinstated case's plan as targets: all of them, or none."""
    if not case.platform:
        raise HealthInputError(_("This case names no platform: correct the case's reading first."))
    if not targets:
        raise HealthInputError(_("Tick at least one line of your plan to keep watching."))
    seen = set(Target.objects.filter(owner=owner, case=case).values_list("metric", "threshold"))
    choices = {c.key: c for c in target_choices(case.platform)}
    for metric, threshold, _note in targets:
        if (metric, threshold) in seen and metric in choices:
            choice = choices[metric]
            raise HealthInputError(
                _(
                    "You already watch %(measure)s at %(level)s for this case. Untick that line "
                    "or change its level."
                )
                % {"measure": _(choice.title), "level": format_target(choice.unit, threshold)}
            )
        seen.add((metric, threshold))
    with transaction.atomic():
        return [
            do_add_target(
                owner=owner,
                platform=case.platform,
                metric=metric,
                threshold=threshold,
                since=since,
                note=note,
                case=case,
                now=now,
            )
            for metric, threshold, note in targets
        ]


def do_delete_target(*, target: Target, actor: User, now: datetime | None = None) -> None:
    with transaction.atomic():
        record_event(
            kind=EventKind.HEALTH_TARGET_DELETED,
            actor=actor,
            data={"platform": target.platform, "metric": target.metric},
        )
        target.delete()
        sync_alerts(owner=target.owner, platform=target.platform, now=now or timezone.now())


def do_record_reading(
    *,
    owner: User,
    platform: str,
    metric: str,
    value: float,
    observed_at: datetime,
    note: str = "",
    now: datetime | None = None,
) -> Reading:
    check_platform(platform)
    now = now or timezone.now()
    _check_past(observed_at, now)
    with transaction.atomic():
        reading = Reading.objects.create(
            owner=owner,
            platform=platform,
            metric=metric,
            value=value,
            observed_at=observed_at,
            note=note[:300],
        )
        record_event(
            kind=EventKind.HEALTH_READING,
            actor=owner,
            data={"platform": platform, "metric": metric, "value": value},
        )
        sync_alerts(owner=owner, platform=platform, now=now)
    return reading


@dataclass(frozen=True)
class ScreenshotRead:
    """The picture a standing was read from: its SHA-256 and the text read off it."""

    sha256: str
    text: str


def do_record_standing(
    *,
    owner: User,
    platform: str,
    observed_on: date,
    tier: str,
    parts: dict[str, str],
    percents: dict[str, float],
    screenshot: ScreenshotRead | None = None,
    note: str = "",
    now: datetime | None = None,
) -> StandingReading:
    """Keep the standing the app showed on a day; a second one for that day replaces it."""
    check_platform(platform)
    now = now or timezone.now()
    measures = {m.key: m for m in measures_for(platform)}
    if not measures:
        raise HealthInputError(_("This platform's app shows no standing to record."))
    if observed_on > now.astimezone(ZoneInfo(owner.time_zone)).date():
        raise HealthInputError(_("That date is in the future."))
    if tier and tier not in TIERS:
        raise HealthInputError(
            _("Unknown tier %(tier)s: use one of %(tiers)s.")
            % {"tier": repr(tier), "tiers": ", ".join(TIERS)}
        )
    given: list[tuple[str, str | float]] = [*parts.items(), *percents.items()]
    for key, value in given:
        measure = measures.get(key)
        if measure is None:
            raise HealthInputError(
                _("Unknown measure %(key)s: use one of %(keys)s.")
                % {"key": repr(key), "keys": ", ".join(measures)}
            )
        if key in parts and (measure.shown != "tier" or value not in TIERS):
            raise HealthInputError(
                _("%(measure)s takes a tier: one of %(tiers)s.")
                % {"measure": _(measure.title), "tiers": ", ".join(TIERS)}
            )
        if key in percents and (measure.shown != "percent" or not 0 <= percents[key] <= 1):
            raise HealthInputError(
                _("%(measure)s must be a percentage from 0 to 100.") % {"measure": _(measure.title)}
            )
    if not (tier or parts or percents):
        raise HealthInputError(_("Give the tier or at least one number the app shows."))
    fields = {
        "tier": tier,
        "parts": dict(parts),
        "percents": {key: round(float(value), 4) for key, value in percents.items()},
        "source": StandingReading.Source.SCREENSHOT if screenshot else StandingReading.Source.FORM,
        "screenshot_sha256": screenshot.sha256 if screenshot else "",
        "screenshot_text": screenshot.text if screenshot else "",
        "note": note[:300],
        "recorded_at": now,
    }
    with transaction.atomic():
        reading, created = StandingReading.objects.update_or_create(
            owner=owner, platform=platform, observed_on=observed_on, defaults=fields
        )
        record_event(
            kind=EventKind.HEALTH_STANDING_RECORDED,
            actor=owner,
            data={
                "platform": platform,
                "observed_on": observed_on.isoformat(),
                "tier": tier,
                "parts": fields["parts"],
                "percents": fields["percents"],
                "screenshot_sha256": fields["screenshot_sha256"],
                "replaced": not created,
            },
        )
    return reading


def do_delete_standing(*, reading: StandingReading, actor: User) -> None:
    with transaction.atomic():
        record_event(
            kind=EventKind.HEALTH_STANDING_DELETED,
            actor=actor,
            data={"platform": reading.platform, "observed_on": reading.observed_on.isoformat()},
        )
        reading.delete()


def do_record_payment_change(
    *,
    owner: User,
    platform: str,
    changed_at: datetime,
    by_driver: bool,
    note: str = "",
    now: datetime | None = None,
) -> PaymentChange:
    check_platform(platform)
    now = now or timezone.now()
    _check_past(changed_at, now)
    with transaction.atomic():
        change = PaymentChange.objects.create(
            owner=owner,
            platform=platform,
            changed_at=changed_at,
            by_driver=by_driver,
            note=note[:300],
        )
        record_event(
            kind=EventKind.HEALTH_PAYMENT_CHANGE,
            actor=owner,
            data={"platform": platform, "by_driver": by_driver},
        )
        sync_alerts(owner=owner, platform=platform, now=now)
    return change


def do_add_document(*, owner: User, kind: str, title: str, expires_on: date) -> Document:
    if kind not in DOCUMENT_KINDS:
        raise HealthInputError(_("Unknown kind of document %(kind)s.") % {"kind": repr(kind)})
    with transaction.atomic():
        document = Document.objects.create(
            owner=owner, kind=kind, title=title[:120], expires_on=expires_on
        )
        record_event(
            kind=EventKind.HEALTH_DOCUMENT_ADDED,
            actor=owner,
            data={"kind": kind, "expires_on": expires_on.isoformat()},
        )
    return document


def do_update_document(*, document: Document, actor: User, expires_on: date) -> Document:
    """A renewed document: the new date restarts its reminders."""
    with transaction.atomic():
        old = document.expires_on
        document.expires_on = expires_on
        document.save(update_fields=["expires_on"])
        record_event(
            kind=EventKind.HEALTH_DOCUMENT_RENEWED,
            actor=actor,
            data={"kind": document.kind, "from": old.isoformat(), "to": expires_on.isoformat()},
        )
    return document


def do_delete_document(*, document: Document, actor: User) -> None:
    with transaction.atomic():
        record_event(
            kind=EventKind.HEALTH_DOCUMENT_DELETED, actor=actor, data={"kind": document.kind}
        )
        document.delete()


def do_dismiss_alert(*, alert: Alert, actor: User, now: datetime | None = None) -> Alert:
    if alert.dismissed_at is not None:
        return alert
    with transaction.atomic():
        alert.dismissed_at = now or timezone.now()
        alert.save(update_fields=["dismissed_at"])
        record_event(kind=EventKind.HEALTH_ALERT_DISMISSED, actor=actor, data={"alert": alert.key})
    return alert


def _check_past(when: datetime, now: datetime) -> None:
    if when > now + CLOCK_SKEW:
        raise HealthInputError(_("That date is in the future."))


def _block_fields(record: BlockRecord) -> dict[str, object]:
    return {
        "block_start": record.block_start,
        "block_end": record.block_end,
        "arrived_at": record.arrived_at,
        "status": record.status,
        "packages_assigned": record.packages_assigned,
        "packages_delivered": record.packages_delivered,
        "packages_returned": record.packages_returned,
        "late_deliveries": record.late_deliveries,
        "dnr_reports": record.dnr_reports,
        "earnings": money(record.earnings),
        "tips": money(record.tips),
        "miles": miles(record.miles),
    }


def _sentence(problem: str) -> str:
    return problem[0].upper() + problem[1:] + "."


__all__ = [
    "HealthInputError",
    "ScreenshotRead",
    "check_platform",
    "do_add_document",
    "do_add_target",
    "do_delete_block",
    "do_delete_document",
    "do_delete_standing",
    "do_delete_target",
    "do_dismiss_alert",
    "do_record_block",
    "do_record_payment_change",
    "do_record_reading",
    "do_record_standing",
    "do_set_watch_level",
    "do_update_document",
    "do_watch_plan",
]
