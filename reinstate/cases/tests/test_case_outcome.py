"""How a case ended: said when closing it, shown on the case and in My cases, taken back by
reopening; every change in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import CaseInputError, do_set_case_outcome
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def today() -> date:
    """Today where Dana lives: the date a driver means."""
    return datetime.now(ZoneInfo("America/Los_Angeles")).date()


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    received = (timezone.now() - timedelta(days=30)).isoformat()
    return open_case(driver, FLEX_LATE, received=received)


def events(case: Case, kind: str) -> list[dict[str, object]]:
    return [
        e.data for e in AuditEvent.objects.filter(kind=kind, case_id_ref=case.pk).order_by("seq")
    ]


def test_it_closes_a_case_as_reinstated_with_the_date(driver: User, case: Case) -> None:
    client = client_for(driver)
    day = today() - timedelta(days=3)
    response = client.post(
        reverse("cases:outcome", args=[case.pk]),
        {"outcome": "reinstated", "reinstated_on": day.isoformat(), "note": "after a call"},
        follow=True,
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert (case.status, case.outcome, case.reinstated_on) == ("closed", "reinstated", day)
    assert case.outcome_note == "after a call"
    page = response.content.decode()
    assert f"Reinstated on {day.day} {day:%B %Y}" in page
    assert "Reopen this case" in page
    assert events(case, "case.status") == [{"from": "open", "to": "closed"}]
    assert events(case, "case.outcome") == [
        {"from": "", "to": "reinstated", "reinstated_on": day.isoformat()}
    ]
    listing = client.get(reverse("cases:list")).content.decode()
    assert f"Closed: Reinstated on {day.day} {day:%B %Y}" in listing


def test_reopening_takes_back_how_it_ended_and_is_audited(driver: User, case: Case) -> None:
    client = client_for(driver)
    client.post(reverse("cases:outcome", args=[case.pk]), {"outcome": "denied"})
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("closed", "denied")
    assert "Appeal denied" in client.get(reverse("cases:list")).content.decode()
    response = client.post(reverse("cases:status", args=[case.pk]), {"status": "open"}, follow=True)
    case.refresh_from_db()
    assert (case.status, case.outcome, case.reinstated_on, case.outcome_note) == (
        "open",
        "",
        None,
        "",
    )
    assert "how it ended is cleared" in response.content.decode()
    assert events(case, "case.outcome_cleared") == [{"outcome": "denied", "reinstated_on": None}]
    assert events(case, "case.status")[-1] == {"from": "closed", "to": "open"}


def test_the_outcome_of_a_closed_case_can_be_changed(driver: User, case: Case) -> None:
    client = client_for(driver)
    client.post(reverse("cases:outcome", args=[case.pk]), {"outcome": "other", "note": "silence"})
    day = today()
    client.post(
        reverse("cases:outcome", args=[case.pk]),
        {"outcome": "reinstated", "reinstated_on": day.isoformat()},
    )
    case.refresh_from_db()
    assert (case.outcome, case.reinstated_on, case.outcome_note) == ("reinstated", day, "")
    assert [e["to"] for e in events(case, "case.outcome")] == ["other", "reinstated"]
    assert len(events(case, "case.status")) == 1  # closed once


def test_closing_without_saying_how_still_works(driver: User, case: Case) -> None:
    client = client_for(driver)
    client.post(reverse("cases:status", args=[case.pk]), {"status": "closed"})
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("closed", "")
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "You did not say how it ended" in page
    client.post(reverse("cases:status", args=[case.pk]), {"status": "open"})
    assert not events(case, "case.outcome_cleared")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "won"}, "Choose one of the endings in the list."),
        ({}, "Choose how the case ended."),
        ({"outcome": "reinstated"}, "Enter the day your account was reinstated."),
        (
            {"outcome": "reinstated", "reinstated_on": "soon"},
            "Enter the date as day, month and year.",
        ),
        (
            {"outcome": "reinstated", "reinstated_on": (today() + timedelta(days=2)).isoformat()},
            "That date is in the future.",
        ),
        (
            {"outcome": "reinstated", "reinstated_on": "2020-01-01"},
            "That date is before the notice arrived",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(
    driver: User, case: Case, data: dict[str, str], message: str
) -> None:
    response = client_for(driver).post(reverse("cases:outcome", args=[case.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    case.refresh_from_db()
    assert (case.status, case.outcome, case.reinstated_on) == ("open", "", None)
    assert not events(case, "case.outcome") and not events(case, "case.status")


def test_the_action_refuses_an_unknown_outcome(driver: User, case: Case) -> None:
    with pytest.raises(CaseInputError, match="Choose how the case ended"):
        do_set_case_outcome(case=case, actor=driver, outcome="closed")


def test_an_advocate_of_the_shared_organisation_can_record_it_as_for_closing(
    driver: User, advocate: User, case: Case
) -> None:
    url = reverse("cases:outcome", args=[case.pk])
    assert client_for(advocate).post(url, {"outcome": "denied"}).status_code == 404
    case.organisation = Organisation.objects.get(membership__user=advocate)
    case.save()
    assert client_for(advocate).post(url, {"outcome": "denied"}).status_code == 302
    case.refresh_from_db()
    assert case.outcome == "denied"
    event = AuditEvent.objects.get(kind="case.outcome", case_id_ref=case.pk)
    assert event.actor_name == "ada"


def test_an_outsider_gets_404_and_changes_nothing(
    driver: User, other_driver: User, case: Case
) -> None:
    client = client_for(other_driver)
    day = today().isoformat()
    url = reverse("cases:outcome", args=[case.pk])
    assert client.post(url, {"outcome": "reinstated", "reinstated_on": day}).status_code == 404
    assert client.get(url).status_code in (404, 405)
    assert client.post(reverse("cases:outcome", args=[999999]), {}).status_code == 404
    case.refresh_from_db()
    assert (case.status, case.outcome) == ("open", "")
    assert not AuditEvent.objects.filter(kind="case.outcome").exists()


def test_a_closed_case_shows_how_it_ended_first_and_puts_the_deadline_work_away(
    driver: User, case: Case
) -> None:
    client = client_for(driver)
    open_page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Deadline:" in open_page and "Documents to collect" in open_page
    deadline_url = reverse("cases:deadline", args=[case.pk])
    assert "Your plan" in client.get(deadline_url).content.decode()
    do_set_case_outcome(
        case=case, actor=driver, outcome="reinstated", reinstated_on=today() - timedelta(days=2)
    )
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    for gone in ("Deadline:", "Your deadline", "Documents to collect", "Overdue"):
        assert gone not in page
    assert "no longer apply" in page
    assert page.index("How it ended") < page.index("Your notice, as read")
    assert page.count('id="end-h"') == 1
    deadline = client.get(deadline_url).content.decode()
    for gone in ("Your plan", "Overdue", "Continue"):
        assert gone not in deadline
    assert "no longer apply" in deadline
