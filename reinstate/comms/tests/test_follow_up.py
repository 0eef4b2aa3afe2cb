"""When support has not answered in N days: the case says so, an email goes out once, and the
calendar feed has the follow-up."""

from __future__ import annotations

import io
import json
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from reinstate.cases.models import Case
from reinstate.comms.models import Contact, FollowUpSent
from reinstate.comms.remind import send_follow_ups
from reinstate.compose.calendar import calendar_for
from reinstate.testing.personas import client_for


def ask(case: Case, days_ago: float, direction: str = "to_platform") -> Contact:
    return Contact.objects.create(
        case=case,
        channel="email",
        direction=direction,
        at=timezone.now() - timedelta(days=days_ago),
        summary="Asked for the exact reason",
    )


def test_the_case_page_says_when_support_has_not_answered(case: Case) -> None:
    client = client_for(case.owner)
    ask(case, days_ago=1)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "1 contact with support" in page and "Waiting for support" in page
    ask(case, days_ago=4)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "support has not answered your message" in page


def test_an_answer_clears_the_follow_up(case: Case) -> None:
    ask(case, days_ago=5)
    ask(case, days_ago=2, direction="from_platform")
    page = client_for(case.owner).get(reverse("comms:log", args=[case.pk])).content.decode()
    assert "Follow up" not in page


def test_the_number_of_days_is_a_setting(case: Case, settings: Settings) -> None:
    settings.FOLLOW_UP_DAYS = 7
    ask(case, days_ago=4)
    page = client_for(case.owner).get(reverse("comms:log", args=[case.pk])).content.decode()
    assert "Waiting for support" in page


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_reminder_goes_out_once(case: Case) -> None:
    contact = ask(case, days_ago=4)
    ask(case, days_ago=1)  # a second unanswered message does not restart the clock
    assert send_follow_ups(now=timezone.now())["follow_ups"] == 1
    assert send_follow_ups(now=timezone.now())["follow_ups"] == 0
    [sent] = mail.outbox
    assert sent.to == ["dana@example.com"] and "follow up" in sent.subject
    assert "has not answered" in sent.body
    assert FollowUpSent.objects.get().contact == contact


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_reinstate_remind_sends_follow_ups_too(case: Case) -> None:
    ask(case, days_ago=4)
    out = io.StringIO()
    call_command("remind", stdout=out)
    assert json.loads(out.getvalue())["emails"] >= 1
    assert any("follow up with support" in m.subject for m in mail.outbox)


def test_the_calendar_feed_has_the_follow_up(case: Case) -> None:
    contact = ask(case, days_ago=1)
    feed = calendar_for([case], name="x", now=timezone.now()).decode()
    assert f"case-{case.pk}-follow-up-{contact.pk}@reinstate" in feed
    assert "Follow up with support" in feed
