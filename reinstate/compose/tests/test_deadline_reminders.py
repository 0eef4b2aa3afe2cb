"""`reinstate remind` emails the driver 72 and 24 hours before the appeal deadline while
nothing is marked sent, each email once however often cron runs it; the 24-hour one offers the
short protective appeal."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from pytest_django.fixtures import Settings

from reinstate.accounts.models import Organisation, User
from reinstate.appeals.models import Sending
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain
from reinstate.cases.actions import do_set_case_status, do_set_received, do_share_case
from reinstate.cases.models import Case
from reinstate.compose.deadline_reminders import deadline_reminders
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db
SITE = "https://reinstate.example.org"


@pytest.fixture(autouse=True)
def locmem(settings: Settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = SITE


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    driver.email = "dana@example.com"
    driver.save(update_fields=["email"])
    return open_case(driver, FLEX_LATE)


def remind(at: datetime) -> dict[str, object]:
    out = io.StringIO()
    call_command("remind", "--as-of", at.isoformat(), stdout=out)
    result: dict[str, object] = json.loads(out.getvalue())
    return result


def deadline_emails() -> list[EmailMessage]:
    return [m for m in mail.outbox if "to send your" in m.subject]


def before(case: Case, hours: float) -> datetime:
    assert case.deadline is not None
    return case.deadline - timedelta(hours=hours)


def test_remind_twice_sends_each_deadline_email_once(case: Case) -> None:
    assert remind(before(case, 80))["deadlines"] == 0
    assert remind(before(case, 71))["deadlines"] == 1
    assert remind(before(case, 71))["deadlines"] == 0  # cron ran twice
    assert remind(before(case, 50))["deadlines"] == 0
    assert remind(before(case, 23))["deadlines"] == 1
    assert remind(before(case, 22))["deadlines"] == 0
    assert remind(before(case, 1))["deadlines"] == 0
    first, second = deadline_emails()
    assert first.to == ["dana@example.com"] and second.to == ["dana@example.com"]
    assert "2 days 23 hours left" in first.subject
    assert "23 hours left" in second.subject
    events = AuditEvent.objects.filter(kind=EventKind.CASE_DEADLINE_REMINDED, case_id_ref=case.pk)
    assert [e.data["hours"] for e in events] == [72, 24]
    assert verify_chain() == []


def test_the_email_says_the_deadline_in_the_driver_s_zone_and_the_next_step(case: Case) -> None:
    case.owner.time_zone = "America/New_York"  # Dana moved east: her profile says so
    case.owner.save(update_fields=["time_zone"])
    remind(before(case, 71))
    [email] = deadline_emails()
    assert "due by Thursday 12 November 2026, 7:00 PM EST" in email.body  # 4 PM in LA
    assert "2 days 23 hours left" in email.body
    assert "Nothing is marked as sent yet" in email.body
    assert "Next: " in email.body
    assert f"{SITE}/cases/{case.pk}/" in email.body
    assert "protective appeal" not in email.body  # only at 24 hours


def test_the_24_hour_email_offers_the_protective_appeal(case: Case) -> None:
    remind(before(case, 20))
    [email] = deadline_emails()
    assert "Next: send a short protective appeal now" in email.body
    assert f"{SITE}/cases/{case.pk}/appeal/protective" in email.body
    assert "Then go on with your full appeal: " in email.body
    assert f"{SITE}/cases/{case.pk}/appeal/step/send" in email.body


def test_a_missed_72_hour_email_is_sent_late_but_not_once_the_24_hour_one_is_due(
    case: Case,
) -> None:
    assert deadline_reminders(now=before(case, 30))["deadlines"] == 1  # cron was down at 72
    mail.outbox.clear()
    assert deadline_reminders(now=before(case, 10))["deadlines"] == 1
    [email] = deadline_emails()
    assert "protective appeal" in email.body


def test_only_the_24_hour_email_when_remind_first_runs_within_24_hours(case: Case) -> None:
    deadline_reminders(now=before(case, 10))
    deadline_reminders(now=before(case, 5))
    [email] = deadline_emails()
    assert "protective appeal" in email.body


def test_no_email_once_something_is_sent(case: Case) -> None:
    Sending.objects.create(
        case=case,
        kind=Sending.Kind.PROTECTIVE,
        sent_at=before(case, 100),
        channel=Sending.Channel.EMAIL,
    )
    assert remind(before(case, 71))["deadlines"] == 0
    assert remind(before(case, 20))["deadlines"] == 0
    assert deadline_emails() == []


def test_no_email_for_a_closed_case(case: Case) -> None:
    do_set_case_status(case=case, actor=case.owner, status=Case.Status.CLOSED)
    assert remind(before(case, 20))["deadlines"] == 0
    assert deadline_emails() == []


def test_no_email_after_the_deadline(case: Case) -> None:
    assert remind(before(case, -1))["deadlines"] == 0
    assert deadline_emails() == []


def test_no_email_without_an_address(case: Case) -> None:
    case.owner.email = ""
    case.owner.save(update_fields=["email"])
    assert deadline_reminders(now=before(case, 20))["deadlines"] == 0
    assert deadline_emails() == []


def test_a_moved_deadline_gets_its_own_reminders(case: Case) -> None:
    deadline_reminders(now=before(case, 20))
    old_deadline = case.deadline
    assert old_deadline is not None
    # the notice really came two days later: the deadline moves two days on
    do_set_received(case=case, actor=case.owner, received=case.received_at + timedelta(days=2))
    case.refresh_from_db()
    assert case.deadline is not None and case.deadline > old_deadline
    assert deadline_reminders(now=before(case, 70))["deadlines"] == 1
    assert deadline_reminders(now=before(case, 70))["deadlines"] == 0


def test_a_shared_case_s_email_goes_to_the_driver_only(case: Case, advocate: User) -> None:
    advocate.email = "ada@clinic.example.org"
    advocate.save(update_fields=["email"])
    organisation = Organisation.objects.get(membership__user=advocate)
    do_share_case(case=case, actor=case.owner, invite_code=organisation.invite_code)
    deadline_reminders(now=before(case, 20))
    [email] = deadline_emails()
    assert email.to == ["dana@example.com"]


def test_a_failed_email_is_tried_again_next_run(case: Case, settings: Settings) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.Broken"
    counts = deadline_reminders(now=before(case, 20))
    assert counts["failed"] == 1 and counts["deadlines"] == 0
    assert not AuditEvent.objects.filter(kind=EventKind.CASE_DEADLINE_REMINDED).exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deadline_reminders(now=before(case, 19))["deadlines"] == 1


class Broken:
    """An email backend whose server is down."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def send_messages(self, messages: object) -> int:
        raise ConnectionRefusedError("the mail server is down")
