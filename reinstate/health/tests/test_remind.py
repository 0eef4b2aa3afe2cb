"""`reinstate remind`: reminders 30, 7 and 1 days ahead, alerts and the weekly check-in, each
sent once however often cron runs it."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from reinstate.health import actions, imports
from reinstate.health.models import ReminderSent
from reinstate.health.remind import run_reminders
from reinstate.testing.blocks import LA


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T09:00").replace(tzinfo=LA)


@pytest.fixture
def dana(driver):
    driver.email = "dana@example.org"
    driver.save()
    return driver


def test_document_reminders_come_30_7_and_1_days_ahead_each_once(dana):
    actions.do_add_document(owner=dana, kind="insurance", title="", expires_on=date(2026, 12, 31))
    sent_on = {}
    for offset in range(40, -2, -1):
        day = date(2026, 12, 31) - timedelta(days=offset)
        before = len(mail.outbox)
        run_reminders(now=at(day.isoformat()))
        run_reminders(now=at(day.isoformat()) + timedelta(hours=1))  # cron twice that day
        reminders = [
            m
            for m in mail.outbox[before:]
            if "things to check" in m.subject or "thing to check" in m.subject
        ]
        if reminders:
            sent_on[offset] = reminders
    assert sorted(sent_on, reverse=True) == [30, 7, 1, 0]
    assert all(len(emails) == 1 for emails in sent_on.values())
    assert "Vehicle insurance expires in 30 days" in sent_on[30][0].body
    assert "expires tomorrow" in sent_on[1][0].body
    assert "expires today" in sent_on[0][0].body
    assert sent_on[30][0].to == ["dana@example.org"]


def test_a_renewed_document_starts_its_reminders_again(dana):
    document = actions.do_add_document(
        owner=dana, kind="driving_licence", title="", expires_on=date(2026, 12, 6)
    )
    assert run_reminders(now=at("2026-12-01"))["documents"] == 1
    actions.do_update_document(document=document, actor=dana, expires_on=date(2026, 12, 31))
    assert run_reminders(now=at("2026-12-01"))["documents"] == 1  # the 30-day one for the new date
    assert run_reminders(now=at("2026-12-01"))["documents"] == 0


def test_alerts_are_emailed_once_and_the_weekly_check_in_once_a_week(dana, record_blocks):
    record_blocks(dana, [False, True], end=at("2026-11-20") - timedelta(hours=1))
    actions.do_set_watch_level(
        owner=dana, platform="amazon_flex", metric="reliability", level=0.9, now=at("2026-11-20")
    )
    first = run_reminders(now=at("2026-11-20"))
    assert (first["alerts"], first["checkins"], first["emails"]) == (2, 1, 2)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Reinstate: 2 things to check", "Reinstate: your weekly check-in"]
    checkin = next(m for m in mail.outbox if "check-in" in m.subject)
    assert "Amazon Flex: 2 blocks in the last 7 days" in checkin.body
    assert "Reliability: 50 %" in checkin.body
    again = run_reminders(now=at("2026-11-21"))
    assert (again["emails"], again["alerts"], again["checkins"]) == (0, 0, 0)
    next_week = run_reminders(now=at("2026-11-23"))  # a Monday: a new ISO week
    assert next_week["checkins"] == 1
    assert ReminderSent.objects.filter(owner=dana, key__startswith="weekly:").count() == 2


def test_a_driver_without_email_is_counted_not_mailed(driver):
    actions.do_add_document(owner=driver, kind="insurance", title="", expires_on=date(2026, 12, 5))
    counts = run_reminders(now=at("2026-12-01"))
    assert counts["skipped_no_email"] == 1 and counts["emails"] == 0 and mail.outbox == []


def test_a_failed_email_is_sent_on_the_next_run(dana, monkeypatch):
    actions.do_add_document(owner=dana, kind="insurance", title="", expires_on=date(2026, 12, 5))

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("reinstate.health.remind.send_mail", broken)
    assert run_reminders(now=at("2026-12-01"))["failed"] == 1
    assert not ReminderSent.objects.exists()  # rolled back: nothing recorded as sent
    monkeypatch.undo()
    counts = run_reminders(now=at("2026-12-01"))
    assert counts["documents"] == 1 and counts["failed"] == 0


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_the_command_prints_what_it_sent_and_is_safe_to_run_twice(dana):
    actions.do_add_document(owner=dana, kind="registration", title="", expires_on=date(2026, 12, 2))
    out = io.StringIO()
    call_command("remind", "--as-of", "2026-12-01T09:00:00-08:00", stdout=out)
    first = json.loads(out.getvalue())
    assert first == {
        "as_of": "2026-12-01T09:00:00-08:00",
        "users": 1,
        "emails": 2,
        "documents": 1,
        "alerts": 0,
        "checkins": 1,
        "skipped_no_email": 0,
        "stale_imports": 0,
        "follow_ups": 0,
        "deadlines": 0,
        "withdrawn_deleted": 0,
        "originals_deleted": 0,
        "failed": 0,
    }
    out = io.StringIO()
    call_command("remind", "--as-of", "2026-12-01T10:00:00-08:00", stdout=out)
    assert json.loads(out.getvalue())["emails"] == 0


def test_uploads_never_confirmed_are_dropped_after_a_week(driver):
    from reinstate.health.models import BlockImport

    staged = imports.do_stage_import(
        owner=driver,
        platform="amazon_flex",
        filename="old.csv",
        data=b"block_start,block_end,status\n2026-01-05 08:00,2026-01-05 11:00,no_show\n",
        time_zone="America/Los_Angeles",
    )
    assert run_reminders(now=staged.created_at + timedelta(days=6))["stale_imports"] == 0
    assert run_reminders(now=staged.created_at + timedelta(days=8))["stale_imports"] == 1
    assert not BlockImport.objects.exists()
