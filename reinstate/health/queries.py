"""Reads of account health that depend on who is asking: a driver sees only their own."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.health.models import (
    Alert,
    Block,
    BlockImport,
    Document,
    Reading,
    StandingReading,
    Target,
    WatchLevel,
)
from reinstate.rules.health.standing import COUNTED, LAST_BLOCKS, BlockRecord
from reinstate.rules.notice.reading import PLATFORMS

M = TypeVar("M", bound=Model)
DEFAULT_PLATFORM = "amazon_flex"
# Enough history for the 30-day window, the 90 days of "usual" pay and 12 weeks of charts.
HISTORY = timedelta(days=120)
RECORD_FIELDS = BlockRecord._fields  # the Block columns a rule needs, in the record's order


def _owned(queryset: QuerySet[M], user: User, object_id: int, what: str) -> M:
    """The user's own object, or 404: nobody can tell someone else's from one that is not."""
    if not user.is_authenticated:
        raise Http404(f"No such {what}")
    try:
        return queryset.get(owner=user, pk=object_id)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404(f"No such {what}") from None


def get_block_for_user(user: User, block_id: int) -> Block:
    return _owned(Block.objects.all(), user, block_id, "block")


def get_import_for_user(user: User, import_id: int) -> BlockImport:
    return _owned(BlockImport.objects.all(), user, import_id, "import")


def get_document_for_user(user: User, document_id: int) -> Document:
    return _owned(Document.objects.all(), user, document_id, "document")


def get_target_for_user(user: User, target_id: int) -> Target:
    return _owned(Target.objects.all(), user, target_id, "target")


def get_alert_for_user(user: User, alert_id: int) -> Alert:
    return _owned(Alert.objects.all(), user, alert_id, "alert")


def get_reading_for_user(user: User, reading_id: int) -> Reading:
    return _owned(Reading.objects.all(), user, reading_id, "reading")


def get_standing_for_user(user: User, reading_id: int) -> StandingReading:
    return _owned(StandingReading.objects.all(), user, reading_id, "standing reading")


# A year of days: the chart and the list stay short, the JSON too.
STANDING_HISTORY = 366


def standing_readings(user: User, platform: str) -> list[StandingReading]:
    """The standing the driver recorded from the app, oldest first (the last year of them)."""
    found = StandingReading.objects.filter(owner=user, platform=platform).order_by("-observed_on")
    return list(reversed(found[:STANDING_HISTORY]))


def platform_for(user: User, requested: str | None) -> str:
    """The platform asked for; else the one of the driver's last block, or of their last case."""
    if requested in PLATFORMS:
        return str(requested)
    last = Block.objects.filter(owner=user).order_by("-block_start").first()
    if last is not None:
        return last.platform
    case = Case.objects.filter(owner=user, platform__isnull=False).order_by("-created_at").first()
    return case.platform if case is not None and case.platform else DEFAULT_PLATFORM


def last_block(user: User, platform: str) -> Block | None:
    return Block.objects.filter(owner=user, platform=platform).order_by("-block_start").first()


def recent_blocks(user: User, platform: str, limit: int = 50) -> list[Block]:
    return list(Block.objects.filter(owner=user, platform=platform)[:limit])


def blocks_count(user: User, platform: str) -> int:
    return Block.objects.filter(owner=user, platform=platform).count()


def open_alerts(user: User, platform: str | None = None) -> list[Alert]:
    alerts = Alert.objects.filter(owner=user, resolved_at__isnull=True, dismissed_at__isnull=True)
    if platform is not None:
        alerts = alerts.filter(platform=platform)
    return list(alerts)


def watch_level_values(user: User, platform: str) -> dict[str, float]:
    """The driver's watch levels on a platform, by measure."""
    return dict(
        WatchLevel.objects.filter(owner=user, platform=platform).values_list("metric", "level")
    )


def documents(user: User) -> list[Document]:
    return list(Document.objects.filter(owner=user))


def targets(user: User, platform: str, *, case: Case | None = None) -> list[Target]:
    """The driver's targets on a platform; with a case, only those kept from its plan."""
    found = Target.objects.filter(owner=user, platform=platform)
    if case is not None:
        found = found.filter(case=case)
    return list(found)


def reinstated_cases(user: User, platform: str) -> list[Case]:
    """The driver's own cases on this platform that ended in reinstatement, latest first."""
    return list(
        Case.objects.filter(
            owner=user, platform=platform, outcome=Case.Outcome.REINSTATED
        ).order_by("-reinstated_on", "-pk")
    )


def imports(user: User, limit: int = 10) -> list[BlockImport]:
    return list(BlockImport.objects.filter(owner=user).defer("data")[:limit])


def active_platforms(user: User) -> list[str]:
    """Platforms the driver keeps records for, in the catalogue's order."""
    used = set(Block.objects.filter(owner=user).values_list("platform", flat=True).distinct())
    used |= set(Reading.objects.filter(owner=user).values_list("platform", flat=True).distinct())
    used |= set(Target.objects.filter(owner=user).values_list("platform", flat=True).distinct())
    return [p for p in PLATFORMS if p in used]


def existing_starts(user: User, platform: str, starts: list[datetime]) -> set[datetime]:
    """Which of these block starts the driver already has: a re-import adds nothing twice."""
    if not starts:
        return set()
    return set(
        Block.objects.filter(
            owner=user,
            platform=platform,
            block_start__gte=min(starts),
            block_start__lte=max(starts),
        ).values_list("block_start", flat=True)
    )


def block_records(
    owner: User, platform: str, *, as_of: datetime, history: timedelta = HISTORY
) -> list[BlockRecord]:
    """Blocks of the last ``history`` and, before that, enough for the 100-block window, as the
    standing rules read them."""
    started = Block.objects.filter(owner=owner, platform=platform, block_start__lte=as_of)
    recent = started.filter(block_start__gt=as_of - history)
    older = started.filter(block_start__lte=as_of - history, status__in=COUNTED).order_by(
        "-block_start"
    )[:LAST_BLOCKS]
    rows = [*older.values_list(*RECORD_FIELDS), *recent.values_list(*RECORD_FIELDS)]
    return [to_record(row) for row in rows]


def to_record(row: tuple[object, ...]) -> BlockRecord:
    values = list(row)
    for index in (9, 10, 11):  # money and miles: floats for the rules' arithmetic
        values[index] = None if values[index] is None else float(values[index])  # type: ignore[arg-type]
    return BlockRecord(*values)  # type: ignore[arg-type]
