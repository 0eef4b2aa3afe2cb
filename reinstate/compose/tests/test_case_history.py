"""The case's history: every change, newest first, with who made it and in what role. The
driver sees every action an advocate took on their case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.actions import do_remove_advocate
from reinstate.accounts.models import Membership, Organisation, User
from reinstate.appeals.actions import do_approve_letter, do_save_letter
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.actions import do_share_case
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.compose.history import PAGE_SIZE
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def history_url(case: Case) -> str:
    return reverse("cases:history", args=[case.pk])


@pytest.fixture
def shared(driver: User, advocate: User, open_case: Callable[..., Case]) -> Case:
    case = open_case(driver, FLEX_LATE)
    organisation = Organisation.objects.get(membership__user=advocate)
    do_share_case(case=case, actor=driver, invite_code=organisation.invite_code)
    return case


def test_the_driver_sees_what_an_advocate_did_with_name_and_role(
    shared: Case, advocate: User
) -> None:
    do_add_contact(
        case=shared,
        actor=advocate,
        channel="phone",
        direction="to_platform",
        at=datetime.fromisoformat("2026-11-03T10:05:00-08:00"),
        summary="Called support about the gate",
    )
    letter = do_save_letter(case=shared, text="Dear team,\n\nPlease look again.", actor=advocate)
    do_approve_letter(letter=letter, actor=advocate, consent="in_person")
    response = client_for(shared.owner).get(history_url(shared))
    html = response.content.decode()
    assert response.status_code == 200
    role = "(advocate of Drivers Resource Center)"
    approved = f'<strong>ada</strong> <span class="muted">{role}</span>: Approved version 1'
    assert approved in html
    assert "The driver approved it in person" in html
    contact = f'<strong>ada</strong> <span class="muted">{role}</span>: Added a contact'
    assert contact in html
    # Newest first; the driver's own steps say "You".
    assert html.index("Approved version 1") < html.index("Added a contact")
    assert '<strong>You</strong> <span class="muted">(driver)</span>: Shared the case' in html
    assert '<strong>You</strong> <span class="muted">(driver)</span>: Opened the case' in html


def test_the_advocate_sees_the_driver_by_name(shared: Case, advocate: User) -> None:
    shared.owner.legal_name = "Dana Reyes"
    shared.owner.save()
    html = client_for(advocate).get(history_url(shared)).content.decode()
    assert '<strong>Dana Reyes</strong> <span class="muted">(driver)</span>' in html


def test_a_former_advocate_and_the_app_are_named_too(shared: Case, advocate: User) -> None:
    organisation = Organisation.objects.get(membership__user=advocate)
    bea = make_user("bea")
    Membership.objects.create(organisation=organisation, user=bea)
    record_event(kind=EventKind.CASE_STEP_SEEN, actor=bea, case_id=shared.pk, data={})
    do_remove_advocate(organisation=organisation, user=bea, actor=advocate)
    record_event(kind=EventKind.CASE_DEADLINE_REMINDED, actor=None, case_id=shared.pk, data={})
    html = client_for(shared.owner).get(history_url(shared)).content.decode()
    assert '<strong>bea</strong> <span class="muted">(former advocate)</span>' in html
    assert "<strong>Reinstate</strong>: Sent a deadline reminder by email." in html


def test_it_pages_fifty_at_a_time_newest_first(shared: Case) -> None:
    for _ in range(PAGE_SIZE + 5):
        record_event(kind=EventKind.CASE_STEP_SEEN, actor=shared.owner, case_id=shared.pk)
    client = client_for(shared.owner)
    first = client.get(history_url(shared)).content.decode()
    assert first.count("Read a step of the guide.") == PAGE_SIZE
    assert "Opened the case" not in first and "?page=2" in first
    second = client.get(history_url(shared) + "?page=2").content.decode()
    assert "Opened the case" in second and "(page 2 of 2)" in second


def test_an_unknown_kind_reads_as_a_change(shared: Case) -> None:
    from reinstate.audit.models import AuditEvent
    from reinstate.compose.history import what_was_done

    event = AuditEvent(kind="case.something_new", data={})
    assert what_was_done(event) == "Made a change to the case."


def test_the_case_page_and_the_docket_link_to_it(shared: Case, advocate: User) -> None:
    page = client_for(shared.owner).get(reverse("cases:detail", args=[shared.pk]))
    assert history_url(shared) in page.content.decode()
    organisation = Organisation.objects.get(membership__user=advocate)
    docket = client_for(advocate).get(reverse("accounts:docket", args=[organisation.pk]))
    assert history_url(shared) in docket.content.decode()


def test_only_the_driver_and_the_cases_advocates_see_it(
    shared: Case, advocate: User, other_driver: User
) -> None:
    assert client_for(other_driver).get(history_url(shared)).status_code == 404
    stranger = make_user("olga")
    Membership.objects.create(
        organisation=Organisation.objects.create(name="Other Union"), user=stranger
    )
    assert client_for(stranger).get(history_url(shared)).status_code == 404
    assert client_for(advocate).get(history_url(shared)).status_code == 200
    response = Client().get(history_url(shared))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert client_for(shared.owner).post(history_url(shared)).status_code == 405
