"""The organisation's own work on the docket: who carries each case (a column, a filter, a
sort), tasks (next due, overdue, and "due this week"), and notices that look like one batch."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.advocacy.actions import do_add_task, do_assign_case, do_set_task_done
from reinstate.cases.claim_actions import DriverDetails, do_claim_case, do_open_case_for_driver
from reinstate.cases.models import Case
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import DISPUTE, FLEX_LATE
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db


def _shared(case: Case, organisation: Organisation) -> Case:
    case.organisation = organisation
    case.save()
    return case


@pytest.fixture
def bea(advocate: User) -> User:
    colleague = make_user("bea", legal_name="Bea Moreno")
    Membership.objects.create(organisation=clinic(advocate), user=colleague)
    return colleague


def _docket(user: User, **params: str) -> Any:
    url = reverse("accounts:docket", args=[clinic_of(user).pk])
    page = client_for(user).get(url, params)
    assert page.status_code == 200
    return page


def clinic_of(user: User) -> Organisation:
    return Organisation.objects.get(membership__user=user)


def test_it_shows_filters_and_sorts_by_who_carries_each_case(
    driver: User, other_driver: User, advocate: User, bea: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    carried = _shared(open_case(driver, FLEX_LATE), org)
    loose = _shared(open_case(other_driver, DISPUTE), org)
    do_assign_case(case=carried, assignee=bea, actor=advocate)
    rows = {r.case_id: r for r in _docket(advocate).context["rows"]}
    assert rows[carried.pk].assignee == "Bea Moreno" and rows[loose.pk].assignee == ""
    assert "Bea Moreno" in _docket(advocate).content.decode()
    assert [r.case_id for r in _docket(bea, assignee="me").context["rows"]] == [carried.pk]
    assert [r.case_id for r in _docket(advocate, assignee="me").context["rows"]] == []
    assert [r.case_id for r in _docket(advocate, assignee="none").context["rows"]] == [loose.pk]
    by_id = _docket(advocate, assignee=str(bea.pk)).context["rows"]
    assert [r.case_id for r in by_id] == [carried.pk]
    first = _docket(advocate, sort="assignee").context["rows"]
    assert [r.case_id for r in first] == [carried.pk, loose.pk]  # nobody sorts last
    # A hand-typed bad value is the default, not an error.
    assert len(_docket(advocate, assignee="<script>").context["rows"]) == 2


def test_due_this_week_takes_in_a_case_whose_task_is_due(
    driver: User, other_driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    # Both deadlines long past: only a task brings a case into "due this week".
    tasked = _shared(open_case(driver, FLEX_LATE), org)
    idle = _shared(open_case(other_driver, DISPUTE), org)
    today = timezone.localdate()
    do_add_task(
        case=tasked, title="Call", due_on=today + timedelta(days=3), assignee=None, actor=advocate
    )
    do_add_task(
        case=tasked, title="Late", due_on=today - timedelta(days=1), assignee=None, actor=advocate
    )
    done = do_add_task(
        case=idle, title="Done", due_on=today + timedelta(days=2), assignee=None, actor=advocate
    )
    do_set_task_done(task=done, done=True, actor=advocate)
    week = _docket(advocate, due="7")
    assert [r.case_id for r in week.context["rows"]] == [tasked.pk]
    [row] = week.context["rows"]
    assert row.next_task_due == today - timedelta(days=1) and row.overdue_tasks == 1
    assert "1 overdue" in week.content.decode()


def test_it_names_notices_that_look_like_one_batch_and_lists_them_together(
    driver: User, other_driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    yesterday = (timezone.now() - timedelta(days=1)).isoformat()
    drivers = [driver, other_driver, make_user("pat")]
    batch = [_shared(open_case(d, FLEX_LATE, received=yesterday, tz="UTC"), org) for d in drivers]
    other = _shared(open_case(driver, DISPUTE, received=yesterday, tz="UTC"), org)
    page = _docket(advocate)
    html = page.content.decode()
    assert "3 cases look like one batch: Amazon Flex" in html
    [wave] = page.context["waves"]
    listed = _docket(advocate, wave=wave.key).context["rows"]
    assert sorted(r.case_id for r in listed) == sorted(c.pk for c in batch)
    assert other.pk not in {r.case_id for r in listed}
    # A wave that is not (any more) lists nothing rather than everything.
    gone = wave.key.rsplit(".", 1)[0] + ".9"
    assert _docket(advocate, wave=gone).context["rows"] == ()
    # On the command line too.
    printed = ok(reinstate("org", "docket", str(org.pk)))
    assert printed["waves"][0]["cases"] == sorted(c.pk for c in batch)
    by_wave = ok(reinstate("org", "docket", str(org.pk), "--wave", wave.key))
    assert by_wave["total"] == 3


def test_the_command_line_filters_by_assignee_and_prints_the_work(
    driver: User, other_driver: User, advocate: User, bea: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    carried = _shared(open_case(driver, FLEX_LATE), org)
    _shared(open_case(other_driver, DISPUTE), org)
    do_assign_case(case=carried, assignee=bea, actor=advocate)
    due = timezone.localdate() + timedelta(days=2)
    do_add_task(case=carried, title="Call", due_on=due, assignee=bea, actor=advocate)
    printed = ok(reinstate("org", "docket", str(org.pk), "--assignee", "bea"))
    [row] = printed["rows"]
    assert row["case"] == carried.pk and row["assignee"] == "bea"
    assert row["next_task_due"] == due.isoformat() and row["overdue_tasks"] == 0
    nobody = ok(reinstate("org", "docket", str(org.pk), "--assignee", "none"))
    assert [r["assignee"] for r in nobody["rows"]] == [None]
    out = reinstate("org", "docket", str(org.pk), "--assignee", "bea", "--format", "csv")
    [line] = list(csv.DictReader(io.StringIO(out.stdout)))
    assert line["assignee"] == "bea" and line["next_task_due"] == due.isoformat()
    refused = reinstate("org", "docket", str(org.pk), "--assignee", "omar")
    assert refused.returncode != 0 and "not a member" in refused.stderr


def test_the_organisations_json_names_each_members_role(advocate: User, bea: User) -> None:
    printed = ok(reinstate("org", "advocate", str(clinic(advocate).pk), "bea"))
    assert printed["members"] == [
        {"user": "ada", "role": "admin"},
        {"user": "bea", "role": "advocate"},
    ]


def test_a_case_opened_for_a_driver_says_not_yet_claimed_until_she_claims_it(
    advocate: User, driver: User
) -> None:
    case, token = do_open_case_for_driver(
        advocate=advocate,
        organisation=clinic(advocate),
        driver=DriverDetails(name="Maria Lopez"),
        notice=notice_from_text(FLEX_LATE),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
    )
    [row] = _docket(advocate).context["rows"]
    assert (row.driver, row.unclaimed) == ("Maria Lopez", True)
    assert "not yet claimed" in _docket(advocate).content.decode()
    org = clinic_of(advocate)
    [printed] = ok(reinstate("org", "docket", str(org.pk)))["rows"]
    assert printed["unclaimed"] is True
    do_claim_case(token=token, driver=driver)
    [row] = _docket(advocate).context["rows"]
    assert row.unclaimed is False and row.case_id == case.pk
    assert "not yet claimed" not in _docket(advocate).content.decode()
