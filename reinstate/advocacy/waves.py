"""Gathers what the wave rule (rules/advocacy/waves.py) needs for one organisation: one query
whatever its size (so the docket's query count never depends on whether a wave exists), over
the open cases of the last WAVE_WEEKS weeks only. The rule groups them by platform, reason and
week first and compares the wording only inside a group large enough to hold a wave."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.accounts.models import Organisation
from reinstate.cases.models import Case
from reinstate.lib.tz import zone_or_utc
from reinstate.rules.advocacy.waves import Notice, Received, Wave, candidate_groups, waves

# A batch matters while its cases are open and their deadlines near: older notices are left
# out, which also keeps the text read small on a docket of thousands.
WAVE_WEEKS = 8


def organisation_waves(organisation: Organisation, *, now: datetime) -> list[Wave]:
    recent = Case.objects.filter(
        organisation=organisation,
        status=Case.Status.OPEN,
        received_at__gte=now - timedelta(weeks=WAVE_WEEKS),
        platform__isnull=False,
        reason__isnull=False,
    ).values_list("pk", "platform", "reason", "received_at", "time_zone", "notice_text")
    zones: dict[str, ZoneInfo] = {}
    received: list[Received] = []
    texts: dict[int, str] = {}
    for pk, platform, reason, at, zone, text in recent:
        local = at.astimezone(zones.setdefault(zone, zone_or_utc(zone)))
        received.append(Received(pk, platform or "", reason or "", local.date()))
        texts[pk] = text
    groups = candidate_groups(received)
    wanted = {case_id for members in groups.values() for case_id in members}
    return waves(groups, [Notice(pk, texts[pk]) for pk in wanted])
