"""Deadlines and work-plan steps as iCalendar, for a phone's calendar."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from reinstate.advocacy.models import Task
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_title, deadline_rule_text, work_plan
from reinstate.comms.presenters import case_follow_up

PRODID = "-//Reinstate//Appeal deadlines//EN"


def calendar_for(
    cases: Iterable[Case],
    *,
    name: str,
    now: datetime,
    site_url: str = "",
    tasks: Iterable[Task] = (),
) -> bytes:
    """The cases' deadlines, plan steps and follow-ups; and, for an advocate's own feed, the
    open tasks of their organisations' cases (advocacy/queries.py:open_tasks_for_calendar)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval;value=duration", "PT6H")
    for case in cases:
        if case.deadline is None or case.status != Case.Status.OPEN:
            continue
        for event in _events(case, now=now, site_url=site_url):
            calendar.add_component(event)
    for task in tasks:
        calendar.add_component(_task_event(task, now=now, site_url=site_url))
    return bytes(calendar.to_ical())


def _task_event(task: Task, *, now: datetime, site_url: str) -> Event:
    """A task is due on a day, not at a time: an all-day event."""
    url = f"{site_url}/cases/{task.case_id}/" if site_url else ""
    event = Event()
    event.add("uid", f"task-{task.pk}@reinstate")
    event.add("dtstamp", now)
    event.add("dtstart", task.due_on)
    event.add("dtend", task.due_on + timedelta(days=1))
    event.add(
        "summary",
        _("Task: %(task)s (%(case)s)") % {"task": task.title, "case": case_title(task.case)},
    )
    if task.assignee is not None:
        who = _("For %(name)s.") % {"name": task.assignee.display_name()}
        event.add("description", f"{who}\n{url}".strip())
    elif url:
        event.add("description", url)
    return event


def _events(case: Case, *, now: datetime, site_url: str) -> list[Event]:
    assert case.deadline is not None
    title = case_title(case)
    url = f"{site_url}/cases/{case.pk}/" if site_url else ""
    deadline = Event()
    deadline.add("uid", f"case-{case.pk}-deadline@reinstate")
    deadline.add("dtstamp", now)
    deadline.add("dtstart", case.deadline - timedelta(minutes=30))
    deadline.add("dtend", case.deadline)
    deadline.add("summary", _("DEADLINE: %(case)s") % {"case": title})
    deadline.add("description", f"{deadline_rule_text(case)}\n{url}".strip())
    for before in (timedelta(days=2), timedelta(hours=6)):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Appeal deadline: %(case)s") % {"case": title})
        alarm.add("trigger", -before - timedelta(minutes=30))
        deadline.add_component(alarm)
    events = [deadline]
    for step in work_plan(case):
        event = Event()
        event.add("uid", f"case-{case.pk}-step-{step.key}@reinstate")
        event.add("dtstamp", now)
        event.add("dtstart", step.starts)
        event.add("dtend", step.due)
        event.add("summary", _("%(step)s: %(case)s") % {"step": step.title, "case": title})
        event.add("description", f"{step.detail}\n{url}".strip())
        events.append(event)
    follow = case_follow_up(case, now=now)
    if follow is not None:
        # Support has not answered (or may not by then): a nudge to write again.
        event = Event()
        event.add("uid", f"case-{case.pk}-follow-up-{follow.contact_id}@reinstate")
        event.add("dtstamp", now)
        event.add("dtstart", follow.due_at)
        event.add("dtend", follow.due_at + timedelta(minutes=30))
        event.add("summary", _("Follow up with support: %(case)s") % {"case": title})
        again = _("No answer yet from support? Write again.")
        event.add("description", f"{again}\n{url}".strip())
        events.append(event)
    return events
