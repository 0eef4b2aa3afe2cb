"""A draft record of good standing from the driver's own block records (account health).

Only what the blocks hold, each with the period it covers: how many blocks were completed
between the first and the last recorded, since when the driver has recorded blocks, how often
they checked in on time (the standing rules' own test: at most ON_TIME_GRACE after the start)
and how many packages went out on time, where those counts were recorded. Nothing when the
driver recorded no block on the case's platform. The appeal (below health) cannot read health;
this gathers from both, and the driver edits the draft before it is saved into the appeal.

The draft is written in the letter's language: it goes to the platform inside the letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Max, Min, Q, Sum
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reinstate.appeals.facts import letter_language
from reinstate.cases.models import Case
from reinstate.health.models import Block
from reinstate.lib.dates import when
from reinstate.rules.health.standing import COMPLETED, ON_TIME_GRACE


@dataclass(frozen=True)
class BlockFacts:
    """What the driver's blocks on one platform say, over the days they cover."""

    platform: str
    first_day: date  # the first block recorded (any outcome), in the driver's zone
    last_day: date
    blocks: int  # every block recorded
    completed: int
    with_arrival: int  # completed blocks that record when the driver checked in
    on_time: int  # of those, checked in at most ON_TIME_GRACE after the start
    delivered: int  # packages delivered, over completed blocks that record late deliveries too
    late: int


@dataclass(frozen=True)
class Draft:
    driving_since: str
    work_completed: str
    metrics: str


def block_facts(case: Case) -> BlockFacts | None:
    """The case owner's blocks on the case's platform, or None when there are none."""
    if not case.platform:
        return None
    blocks = Block.objects.filter(owner=case.owner, platform=case.platform)
    done = Q(status=COMPLETED)
    counted = blocks.aggregate(
        blocks=Count("pk"),
        first=Min("block_start"),
        last=Max("block_start"),
        completed=Count("pk", filter=done),
        with_arrival=Count("pk", filter=done & Q(arrived_at__isnull=False)),
        on_time=Count("pk", filter=done & Q(arrived_at__lte=F("block_start") + ON_TIME_GRACE)),
    )
    if not counted["blocks"]:
        return None
    both = done & Q(packages_delivered__isnull=False, late_deliveries__isnull=False)
    packages = blocks.filter(both).aggregate(
        delivered=Sum("packages_delivered"), late=Sum("late_deliveries")
    )
    tz = ZoneInfo(case.owner.time_zone or case.time_zone)
    return BlockFacts(
        platform=case.platform,
        first_day=counted["first"].astimezone(tz).date(),
        last_day=counted["last"].astimezone(tz).date(),
        blocks=counted["blocks"],
        completed=counted["completed"],
        with_arrival=counted["with_arrival"],
        on_time=counted["on_time"],
        delivered=packages["delivered"] or 0,
        late=packages["late"] or 0,
    )


def _percent(part: int, whole: int) -> str:
    share = 100 * part / whole
    # One decimal place near the top, where 99.4% and 100% differ; whole numbers elsewhere.
    text = f"{share:.1f}" if share >= 99 and part != whole else f"{share:.0f}"
    return text.removesuffix(".0")


def draft_from(facts: BlockFacts) -> Draft:
    """The three parts of the record the blocks can fill, in the active language."""
    period = {"start": when(facts.first_day, "date_long"), "end": when(facts.last_day, "date_long")}
    since = _("%(day)s (my first recorded block)") % {"day": period["start"]}
    work = ngettext(
        "%(count)s block completed between %(start)s and %(end)s",
        "%(count)s blocks completed between %(start)s and %(end)s",
        facts.completed,
    ) % {"count": f"{facts.completed:,}", **period}
    lines = []
    if facts.with_arrival:
        lines.append(
            ngettext(
                "Arrived on time for %(percent)s%% of %(count)s completed block with a "
                "recorded check-in time (%(start)s to %(end)s).",
                "Arrived on time for %(percent)s%% of %(count)s completed blocks with a "
                "recorded check-in time (%(start)s to %(end)s).",
                facts.with_arrival,
            )
            % {
                "percent": _percent(facts.on_time, facts.with_arrival),
                "count": f"{facts.with_arrival:,}",
                **period,
            }
        )
    if facts.delivered:
        lines.append(
            ngettext(
                "%(percent)s%% of %(count)s package delivered on time (%(start)s to %(end)s).",
                "%(percent)s%% of %(count)s packages delivered on time (%(start)s to %(end)s).",
                facts.delivered,
            )
            % {
                "percent": _percent(max(facts.delivered - facts.late, 0), facts.delivered),
                "count": f"{facts.delivered:,}",
                **period,
            }
        )
    return Draft(driving_since=since, work_completed=work, metrics="\n".join(lines))


def draft_for(case: Case) -> tuple[BlockFacts, Draft] | None:
    """The facts and the draft in the letter's language; None without block records."""
    facts = block_facts(case)
    if facts is None:
        return None
    with translation.override(letter_language(case)):
        return facts, draft_from(facts)


__all__ = ["BlockFacts", "Draft", "block_facts", "draft_for", "draft_from"]
