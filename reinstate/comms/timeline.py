"""The case's timeline: the notice, every contact, evidence times, deadlines and the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from reinstate.cases.models import Case
from reinstate.cases.presenters import deadline_rule_html, work_plan
from reinstate.comms.presenters import CHANNEL_ICONS, case_follow_up, who_text
from reinstate.comms.queries import contacts_of
from reinstate.evidence.presenters import item_time


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # "notice", "contact", "evidence", "deadline", "follow_up"
    icon: str
    title: str
    detail: str = ""
    url: str = ""
    approximate: bool = False  # the time is when it was added, not when it happened
    future: bool = False


def timeline(case: Case, *, now: datetime, kinds: set[str]) -> list[Entry]:
    entries: list[Entry] = []
    if "notice" in kinds:
        entries.append(
            Entry(case.received_at, "notice", "⚑", _("Notice received"), case.notice_subject)
        )
    if "contact" in kinds:
        entries += _contacts(case)
    if "evidence" in kinds:
        entries += _evidence(case)
    if "deadline" in kinds:
        entries += _deadlines(case)
    if "follow_up" in kinds:
        follow = case_follow_up(case, now=now)
        if follow is not None:
            entries.append(
                Entry(
                    follow.due_at,
                    "follow_up",
                    "↻",
                    _("Follow up: support has not answered")
                    if follow.due
                    else _("Follow up if no answer"),
                )
            )
    entries.sort(key=lambda entry: entry.at)
    return [Entry(**{**entry.__dict__, "future": entry.at > now}) for entry in entries]


# The timeline shows the latest contacts; the support log pages through all of them.
TIMELINE_CONTACTS = 200


def _contacts(case: Case) -> list[Entry]:
    latest = contacts_of(case).order_by("-at", "-pk")[:TIMELINE_CONTACTS]
    return [
        Entry(
            contact.at,
            "contact",
            CHANNEL_ICONS.get(contact.channel, "•"),
            _("%(channel)s: %(who)s")
            % {"channel": contact.get_channel_display(), "who": who_text(contact)},
            contact.summary,
            reverse("comms:contact", args=[case.pk, contact.pk]),
            approximate=not contact.at_known,
        )
        for contact in latest
    ]


def _evidence(case: Case) -> list[Entry]:
    tz = case.tz
    entries = []
    for item in case.evidence.select_related("blob").order_by("position", "pk"):
        taken = item_time(item, tz).at
        entries.append(
            Entry(
                taken or item.added_at,
                "evidence",
                "▣",
                (
                    _("Exhibit %(exhibit)s: %(kind)s")
                    if taken
                    else _("Exhibit %(exhibit)s: %(kind)s (added to the locker)")
                )
                % {"exhibit": item.exhibit, "kind": item.get_kind_display()},
                item.description or item.filename,
                reverse("evidence:item", args=[case.pk, item.pk]),
                approximate=taken is None,
            )
        )
    return entries


def _deadlines(case: Case) -> list[Entry]:
    entries = [
        Entry(step.due, "deadline", "☐", _("Plan: %(step)s") % {"step": step.title}, step.detail)
        for step in work_plan(case)
    ]
    if case.deadline is not None:
        entries.append(
            Entry(case.deadline, "deadline", "⚠", _("Appeal deadline"), deadline_rule_html(case))
        )
    return entries
