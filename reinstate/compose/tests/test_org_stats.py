"""An organisation's outcomes: who may see them, what they count, the CSV's small cells, the
range form, `reinstate org stats`, and a fixed number of queries whatever the caseload."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.appeals.send_actions import do_mark_sent, do_record_decision
from reinstate.cases.actions import do_set_case_outcome
from reinstate.cases.models import Case
from reinstate.compose.org_stats import organisation_outcomes, outcomes_csv
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import DISPUTE, FLEX_LATE
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db

QUERY = "?since=2026-10-01&until=2026-11-30"
NOW = datetime(2026, 12, 1, 12, tzinfo=ZoneInfo("UTC"))


def shared(case: Case, organisation: Organisation) -> Case:
    case.organisation = organisation
    case.save()
    return case


def urls(organisation: Organisation) -> list[str]:
    return [
        reverse("accounts:org_stats", args=[organisation.pk]) + QUERY,
        reverse("accounts:org_stats_csv", args=[organisation.pk]) + QUERY,
    ]  # fmt: skip


def caseload(
    owner: User, org: Organisation, open_case: Callable[..., Case], *, flex: int, disputes: int
) -> list[Case]:
    """Amazon Flex notices, all shared: for lateness on 2 November, for packages customers
    could not find (a dispute) on 20 October."""
    cases = [shared(open_case(owner, FLEX_LATE), org) for _ in range(flex)]
    cases += [
        shared(open_case(owner, DISPUTE, received="2026-10-20T09:00:00-07:00"), org)
        for _ in range(disputes)
    ]
    return cases


def test_it_shows_the_outcomes_only_to_the_organisations_advocates(
    driver: User, other_driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    driver.legal_name = "Maria Lopez"
    driver.save()
    shared(open_case(driver, FLEX_LATE), org)
    outsider = make_user("olu")
    Membership.objects.create(organisation=Organisation.objects.create(name="Other"), user=outsider)
    former = make_user("fern")
    Membership.objects.create(organisation=org, user=former)
    Membership.objects.filter(user=former).delete()
    for url in urls(org):
        assert client_for(advocate).get(url).status_code == 200
        # The driver whose case it is, another driver, another organisation's advocate, a
        # former advocate: 404, as for an organisation that does not exist.
        for user in (driver, other_driver, outsider, former):
            refused = client_for(user).get(url)
            assert refused.status_code == 404
            assert b"Maria" not in refused.content and b"Drivers Resource" not in refused.content
        anonymous = Client().get(url)
        assert anonymous.status_code == 302 and "/login" in anonymous["Location"]
        assert b"Drivers Resource" not in anonymous.content
    missing = reverse("accounts:org_stats", args=[org.pk + 1000])
    assert client_for(advocate).get(missing).status_code == 404


def test_the_page_counts_the_range_with_charts_and_tables(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    flex = caseload(driver, org, open_case, flex=2, disputes=1)
    do_mark_sent(case=flex[0], actor=driver, sent_at=flex[0].received_at, channel="email", now=NOW)
    do_record_decision(
        case=flex[0], actor=driver, outcome="granted", decided_on=date(2026, 11, 12), now=NOW
    )
    shared(open_case(driver, FLEX_LATE, received="2026-06-01T09:00:00-07:00"), org)  # outside
    open_case(driver, FLEX_LATE)  # not shared: never counted
    page = client_for(advocate).get(urls(org)[0])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Cases whose notice arrived from 1 October 2026 to 30 November 2026" in html
    assert "<strong>3</strong>" in html  # three cases in the range
    assert "<strong>100 %</strong>" in html  # one with an outcome, reinstated
    assert "<strong>10</strong>" in html  # 2 to 12 November
    assert html.count('<svg class="chart bars"') == 6  # five groups and the rate by reason
    assert '<title id="chart-platform-t">Cases by platform</title>' in html
    assert "Amazon Flex: 3 cases" in html and "October 2026: 1 case" in html
    assert "Maria" not in html and "dana" not in html


def test_the_page_says_what_is_wrong_with_a_range(advocate: User) -> None:
    org = clinic(advocate)
    base = reverse("accounts:org_stats", args=[org.pk])
    page = client_for(advocate).get(base, {"since": "2026-13-01", "until": "2026-11-30"})
    assert page.status_code == 200
    assert "Give the first day as a date, like 2026-01-31." in page.content.decode()
    assert b"chart bars" not in page.content
    backwards = client_for(advocate).get(base, {"since": "2026-11-30", "until": "2026-10-01"})
    assert "The first day is after the last day." in backwards.content.decode()
    long = client_for(advocate).get(base, {"since": "2010-01-01", "until": "2026-10-01"})
    assert "Pick a range of at most five years." in long.content.decode()
    empty = client_for(advocate).get(base, {"since": "", "until": "2026-10-01"})
    assert "Give the first day of the range." in empty.content.decode()
    csv_url = reverse("accounts:org_stats_csv", args=[org.pk])
    refused = client_for(advocate).get(csv_url, {"since": "yesterday", "until": "2026-10-01"})
    assert refused.status_code == 400 and "text/html" in refused["Content-Type"]


def test_the_page_opens_on_the_last_twelve_months(advocate: User) -> None:
    page = client_for(advocate).get(reverse("accounts:org_stats", args=[clinic(advocate).pk]))
    assert page.status_code == 200
    assert "No shared case has a notice in this range." in page.content.decode()


def test_the_csv_has_aggregates_only_and_hides_small_counts(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    driver.legal_name = "Maria Lopez"
    driver.save()
    flex = caseload(driver, org, open_case, flex=6, disputes=2)
    for case in flex[:5]:
        do_set_case_outcome(case=case, actor=driver, outcome="denied", now=NOW)
    response = client_for(advocate).get(urls(org)[1])
    assert response["Content-Disposition"].startswith('attachment; filename="outcomes-')
    assert response["Cache-Control"] == "private, no-store"
    text = response.content.decode()
    assert "Maria" not in text and "dana" not in text
    for case in flex:  # no case numbers, no notice references, no notice text
        assert not any(ref and ref in text for ref in case.reading.get("references", []))
    rows = {(r["group"], r["key"]): r for r in csv.DictReader(io.StringIO(text))}
    assert rows[("total", "")]["cases"] == "8"
    assert rows[("platform", "amazon_flex")]["cases"] == "8"
    assert rows[("platform", "amazon_flex")]["with_outcome"] == "5"
    assert rows[("platform", "amazon_flex")]["reinstated"] == "0"
    assert rows[("platform", "amazon_flex")]["reinstatement_rate"] == "0.0000"
    small = [r for r in rows.values() if r["group"] == "month" and r["key"] == "2026-10"]
    assert small[0]["cases"] == "<5"  # the two disputes of October
    assert rows[("outcome", "pending")]["cases"] == "<5"
    assert rows[("stage", "closed")]["cases"] == "5"
    assert rows[("stage", "closed")]["median_days_to_decision"] == ""  # none timed
    assert all(r["cases"] not in {"1", "2", "3", "4"} for r in rows.values())


def test_the_count_of_queries_does_not_grow_with_the_caseload(
    driver: User,
    advocate: User,
    open_case: Callable[..., Case],
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    org = clinic(advocate)
    since, until = date(2026, 10, 1), date(2026, 11, 30)
    few = caseload(driver, org, open_case, flex=1, disputes=1)
    do_mark_sent(case=few[0], actor=driver, sent_at=few[0].received_at, channel="email", now=NOW)
    with django_assert_max_num_queries(1):
        assert organisation_outcomes(org, since=since, until=until).total.cases == 2
    many = caseload(driver, org, open_case, flex=8, disputes=4)
    for case in many[:3]:
        do_record_decision(
            case=case, actor=driver, outcome="denied", decided_on=date(2026, 11, 20), now=NOW
        )
    with django_assert_max_num_queries(1):
        found = organisation_outcomes(org, since=since, until=until)
    assert found.total.cases == 14 and found.total.median_days == 18
    client = client_for(advocate)
    client.get(urls(org)[0])  # the session and the catalogue, once
    with django_assert_max_num_queries(6):
        assert client.get(urls(org)[0]).status_code == 200
    assert "<svg" not in outcomes_csv(found)


def test_org_stats_prints_the_counts_as_json(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    flex = caseload(driver, org, open_case, flex=2, disputes=1)
    do_set_case_outcome(
        case=flex[0], actor=driver, outcome="reinstated", reinstated_on=date(2026, 11, 9), now=NOW
    )
    printed = ok(reinstate("org", "stats", str(org.pk)))  # no bounds: every case
    assert printed["organisation"] == {"id": org.pk, "name": org.name}
    assert printed["since"] is None and printed["total"]["cases"] == 3
    assert printed["total"]["reinstated"] == 1 and printed["total"]["median_days_to_decision"] == 7
    by_platform = {row["key"]: row["cases"] for row in printed["by_platform"]}
    assert by_platform == {"amazon_flex": 3}
    assert [row["key"] for row in printed["by_month"]] == ["2026-10", "2026-11"]
    assert {row["key"] for row in printed["by_stage"]} == {"preparing", "sent", "decided", "closed"}
    assert {row["key"]: row["cases"] for row in printed["by_outcome"]}["reinstated"] == 1
    assert len(printed["by_reason"]) == 2
    november = ok(reinstate("org", "stats", org.name, "--since", "2026-11-01"))
    assert november["since"] == "2026-11-01" and november["total"]["cases"] == 2
    october = ok(reinstate("org", "stats", org.name, "--until", "2026-10-31"))
    assert october["total"]["cases"] == 1


def test_org_stats_refuses_bad_days_in_one_line(advocate: User) -> None:
    org = str(clinic(advocate).pk)
    bad = reinstate("org", "stats", org, "--since", "31/01/2026")
    assert bad.returncode == 2
    assert "--since must be a day written YYYY-MM-DD" in bad.stderr
    backwards = reinstate("org", "stats", org, "--since", "2026-02-01", "--until", "2026-01-01")
    assert backwards.returncode == 2 and "after the last day" in backwards.stderr
    assert reinstate("org", "stats", "Nobody").returncode == 2


def test_a_notice_counts_on_its_own_day_in_the_cases_time_zone(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    # 1 October 05:00 UTC, but 30 September in Los Angeles: before the range.
    shared(open_case(driver, FLEX_LATE, received="2026-09-30T22:00:00-07:00"), org)
    # 1 December 07:30 UTC, but 30 November in Los Angeles: inside it.
    shared(open_case(driver, FLEX_LATE, received="2026-11-30T23:30:00-08:00"), org)
    found = organisation_outcomes(org, since=date(2026, 10, 1), until=date(2026, 11, 30))
    assert found.total.cases == 1
    assert [(t.key, t.cases) for t in found.group("month")] == [("2026-10", 0), ("2026-11", 1)]


def test_the_page_and_the_csv_name_months_in_the_readers_language(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    caseload(driver, org, open_case, flex=1, disputes=0)
    advocate.language = "es"
    advocate.save()
    page = client_for(advocate).get(urls(org)[0]).content.decode()
    assert "noviembre de 2026" in page and "1 de octubre de 2026" in page
    text = client_for(advocate).get(urls(org)[1]).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["label"] for r in rows if r["group"] == "month"] == [
        "octubre de 2026", "noviembre de 2026",
    ]  # fmt: skip
    assert [r["key"] for r in rows if r["group"] == "month"] == ["2026-10", "2026-11"]
