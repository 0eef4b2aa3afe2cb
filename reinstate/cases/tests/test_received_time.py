"""When the notice arrived is asked, not assumed: the deadline counts from it, and it can change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reinstate.accounts.models import Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import CaseInputError, do_set_received
from reinstate.cases.models import Case
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db
LA = ZoneInfo("America/Los_Angeles")
NOW = "2026-11-05T12:00:00-08:00"
EMAIL = (
    "From: Amazon Flex <no-reply@amazonflex.example>\r\n"
    "To: dana@example.com\r\n"
    "Subject: Your Amazon Flex account\r\n"
    "Date: Mon, 02 Nov 2026 16:00:00 -0800\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n" + FLEX_LATE.replace("\n", "\r\n")
)


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def new_case(driver: User, **data: str | SimpleUploadedFile) -> Case:
    response = client_for(driver).post(reverse("cases:new"), data)
    assert response.status_code == 302, response.content.decode()
    return Case.objects.get()


@time_machine.travel(NOW, tick=False)
def test_the_new_case_page_asks_when_it_arrived_filled_with_now_in_the_drivers_zone(
    driver: User,
) -> None:
    page = client_for(driver).get(reverse("cases:new")).content.decode()
    assert "When did this arrive?" in page
    assert 'type="date" name="received_date" value="2026-11-05"' in page
    assert 'type="time" name="received_time" value="12:00"' in page


@time_machine.travel(NOW, tick=False)
def test_a_notice_pasted_two_days_late_counts_from_when_it_arrived(driver: User) -> None:
    case = new_case(
        driver, notice_text=FLEX_LATE, received_date="2026-11-03", received_time="12:00"
    )
    assert case.received_at == datetime(2026, 11, 3, 12, 0, tzinfo=LA)
    assert case.received_source == "given"
    # "within 10 calendar days of this message": from the 3rd, not from today (the 5th).
    assert case.deadline == datetime(2026, 11, 13, 12, 0, tzinfo=LA)


@time_machine.travel(NOW, tick=False)
def test_an_emails_date_is_used_unless_the_driver_changes_the_time_shown(driver: User) -> None:
    shown = {"received_date": "2026-11-05", "received_time": "12:00"}
    upload = SimpleUploadedFile("notice.eml", EMAIL.encode(), "message/rfc822")
    case = new_case(driver, notice_file=upload, received_shown="2026-11-05T12:00", **shown)
    assert case.received_at == datetime(2026, 11, 2, 16, 0, tzinfo=LA)
    assert case.received_source == "email_header"
    Case.objects.all().delete()
    upload = SimpleUploadedFile("notice.eml", EMAIL.encode(), "message/rfc822")
    case = new_case(
        driver,
        notice_file=upload,
        received_shown="2026-11-05T12:00",
        received_date="2026-11-01",
        received_time="08:30",
    )
    assert case.received_at == datetime(2026, 11, 1, 8, 30, tzinfo=LA)
    assert case.received_source == "given"


@time_machine.travel(NOW, tick=False)
def test_a_pasted_email_with_its_headers_is_dated_by_its_date_header(driver: User) -> None:
    case = new_case(
        driver,
        notice_text=EMAIL.replace("\r\n", "\n"),
        received_shown="2026-11-05T12:00",
        received_date="2026-11-05",
        received_time="12:00",
    )
    assert case.received_at == datetime(2026, 11, 2, 16, 0, tzinfo=LA)
    assert case.received_source == "email_header"
    assert case.deadline == datetime(2026, 11, 12, 16, 0, tzinfo=LA)


@time_machine.travel(NOW, tick=False)
def test_changing_when_it_arrived_recomputes_the_deadline_and_plan_and_is_audited(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-11-04T09:00:00-08:00")
    assert case.deadline == datetime(2026, 11, 14, 9, 0, tzinfo=LA)
    client = client_for(driver)
    url = reverse("cases:received", args=[case.pk])
    page = client.get(url).content.decode()
    assert 'value="2026-11-04"' in page and 'value="09:00"' in page
    response = client.post(url, {"received_date": "2026-11-02", "received_time": "16:00"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.received_at == datetime(2026, 11, 2, 16, 0, tzinfo=LA)
    assert case.received_source == "given"
    assert case.deadline == datetime(2026, 11, 12, 16, 0, tzinfo=LA)
    assert case.stated_deadline == case.deadline
    assert case.plan_anchor == datetime.fromisoformat(NOW)
    event = AuditEvent.objects.get(kind="case.received_changed")
    assert event.actor == driver
    assert at(event.data["from"]) == datetime(2026, 11, 4, 9, 0, tzinfo=LA)
    assert at(event.data["to"]) == datetime(2026, 11, 2, 16, 0, tzinfo=LA)
    assert at(event.data["deadline"]["from"]) == datetime(2026, 11, 14, 9, 0, tzinfo=LA)
    assert at(event.data["deadline"]["to"]) == datetime(2026, 11, 12, 16, 0, tzinfo=LA)
    assert event.data["source_from"] == "given"
    correction = case.corrections.get(field="received_at")
    assert correction.by == driver
    detail = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Mon 2 Nov 2026, 4:00 PM PST (as you said)" in detail


@time_machine.travel(NOW, tick=False)
def test_a_stated_deadline_the_driver_corrected_stays_when_the_time_changes(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client_for(driver).post(
        reverse("cases:correct", args=[case.pk]),
        {
            "platform": "amazon_flex",
            "kind": case.kind,
            "reason": case.reason or "",
            "stated_deadline": "2026-11-20T17:00",
        },
    )
    case.refresh_from_db()
    assert case.deadline == datetime(2026, 11, 20, 17, 0, tzinfo=LA)
    do_set_received(case=case, actor=driver, received=datetime(2026, 11, 1, 9, 0, tzinfo=LA))
    case.refresh_from_db()
    assert case.deadline == datetime(2026, 11, 20, 17, 0, tzinfo=LA)
    assert case.received_at == datetime(2026, 11, 1, 9, 0, tzinfo=LA)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"received_date": "2026-11-09", "received_time": "09:00"}, "in the future"),
        ({"received_date": "2026-11-05", "received_time": "11:58"}, "when you opened it"),
        ({"received_date": "", "received_time": "09:00"}, "Enter the day"),
        ({"received_date": "2026-11-01", "received_time": ""}, "Enter the time"),
    ],
)
def test_a_bad_time_changes_nothing(
    driver: User, open_case: Callable[..., Case], data: dict[str, str], message: str
) -> None:
    with time_machine.travel("2026-11-05T11:00:00-08:00", tick=False):
        case = open_case(driver, FLEX_LATE)  # opened at 11:00
    before = (case.received_at, case.deadline)
    response = client_for(driver).post(reverse("cases:received", args=[case.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    case.refresh_from_db()
    assert (case.received_at, case.deadline) == before
    assert not AuditEvent.objects.filter(kind="case.received_changed").exists()


def test_it_refuses_a_time_after_the_day_the_driver_was_reinstated(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    case.reinstated_on = datetime(2026, 11, 3).date()
    case.save()
    with pytest.raises(CaseInputError, match="reinstated"):
        do_set_received(case=case, actor=driver, received=datetime(2026, 11, 4, 9, tzinfo=LA))


def test_an_advocate_of_the_shared_organisation_may_change_it_and_an_outsider_gets_404(
    driver: User, other_driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    url = reverse("cases:received", args=[case.pk])
    data = {"received_date": "2026-11-01", "received_time": "09:00"}
    assert client_for(other_driver).get(url).status_code == 404
    assert client_for(other_driver).post(url, data).status_code == 404
    assert client_for(advocate).post(url, data).status_code == 404
    case.refresh_from_db()
    assert not case.corrections.exists()
    case.organisation = Organisation.objects.get(membership__user=advocate)
    case.save()
    assert client_for(advocate).post(url, data).status_code == 302
    assert AuditEvent.objects.get(kind="case.received_changed").actor == advocate


def test_the_case_page_asks_when_nobody_said(driver: User, tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    ok(reinstate("user", "add", "zoe", "--tz", "America/Los_Angeles"))
    shown = ok(reinstate("case", "new", "--user", "zoe", "--notice", str(notice)))
    assert shown["received_source"] == "assumed_now"
    zoe = User.objects.get(username="zoe")
    page = client_for(zoe).get(reverse("cases:detail", args=[shown["id"]])).content.decode()
    assert "Nobody said when this notice arrived" in page
    assert reverse("cases:received", args=[shown["id"]]) in page


def test_cli_case_new_says_how_the_time_was_known(tmp_path: Path) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    text, eml = tmp_path / "n.txt", tmp_path / "n.eml"
    text.write_text(FLEX_LATE)
    eml.write_text(EMAIL)
    assumed = ok(reinstate("case", "new", "--user", "dana", "--notice", str(text)))
    assert assumed["received_source"] == "assumed_now"
    emailed = ok(reinstate("case", "new", "--user", "dana", "--notice", str(eml)))
    assert (emailed["received_at"], emailed["received_source"]) == (
        "2026-11-02T16:00:00-08:00",
        "email_header",
    )
    given = ok(
        reinstate(
            "case", "new", "--user", "dana", "--notice", str(eml), "--received", "2026-10-30T08:00"
        )
    )
    assert (given["received_at"], given["received_source"]) == (
        "2026-10-30T08:00:00-07:00",
        "given",
    )


def test_cli_case_received_corrects_it_and_recomputes(tmp_path: Path) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    opened = ok(reinstate("case", "new", "--user", "dana", "--notice", str(notice)))
    case_id = str(opened["id"])
    two_days_ago = datetime.now(LA).replace(microsecond=0) - timedelta(days=2)
    changed = ok(reinstate("case", "received", case_id, two_days_ago.isoformat()))
    assert at(changed["received_at"]) == two_days_ago
    assert changed["received_source"] == "given"
    # "within 10 calendar days of this message": ten days from the time given.
    assert at(changed["deadline"]) == at(opened["deadline"]) - timedelta(days=2) or (
        at(changed["deadline"]) < at(opened["deadline"]) - timedelta(days=1)
    )
    shown = ok(reinstate("case", "show", case_id))
    assert (shown["received_at"], shown["received_source"]) == (
        changed["received_at"],
        "given",
    )
    assert at(shown["deadline"]) == at(changed["deadline"])
    event = AuditEvent.objects.get(kind="case.received_changed")
    assert event.data["source_from"] == "assumed_now"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "yesterday"], "is not a date and time"),
        (["1", "2031-01-01T00:00:00Z"], "in the future"),
        (["1", (datetime.now(LA) - timedelta(days=1)).isoformat()], "when you opened it"),
        (["42", "2026-11-01T08:00:00Z"], "No case 42"),
    ],
)
def test_cli_case_received_refuses_bad_input_with_one_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = tmp_path / "n.txt"
    notice.write_text(FLEX_LATE)
    three_days_ago = datetime.now(LA) - timedelta(days=3)
    with time_machine.travel(three_days_ago + timedelta(hours=1), tick=False):
        opened = ok(
            reinstate(
                "case",
                "new",
                "--user",
                "dana",
                "--notice",
                str(notice),
                "--received",
                three_days_ago.isoformat(),
            )
        )
    if args[0] == "1":
        args = [str(opened["id"]), *args[1:]]
    result = reinstate("case", "received", *args)
    assert result.returncode == 2
    stderr = result.stderr.strip()
    assert message in stderr and len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert result.stdout == ""
    assert ok(reinstate("case", "show", str(opened["id"])))["received_source"] == "given"
    assert not AuditEvent.objects.filter(kind="case.received_changed").exists()
