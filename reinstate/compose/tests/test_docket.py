"""The organisation's docket: who may see it, what it lists, and how it sorts and filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.cases.actions import do_unshare_case
from reinstate.cases.models import Case
from reinstate.testing.notices import DISPUTE, FLEX_LATE
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db


def shared(case: Case, organisation: Organisation) -> Case:
    case.organisation = organisation
    case.save()
    return case


def urls(organisation: Organisation) -> list[str]:
    return [
        reverse("accounts:docket", args=[organisation.pk]),
        reverse("accounts:docket_csv", args=[organisation.pk]),
    ]


def test_only_the_organisations_advocates_see_its_docket(
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
    Membership.objects.filter(user=former).delete()  # removed from the organisation
    for url in urls(org):
        ok = client_for(advocate).get(url)
        assert ok.status_code == 200
        assert "Maria Lopez" in ok.content.decode()
        # The driver whose case it is, another driver, another organisation's advocate, a
        # former advocate: 404, the same as for an organisation that does not exist.
        for user in (driver, other_driver, outsider, former):
            refused = client_for(user).get(url)
            assert refused.status_code == 404
            assert b"Maria" not in refused.content
        anonymous = Client().get(url)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("accounts:login"))
    missing = reverse("accounts:docket", args=[org.pk + 1000])
    assert client_for(advocate).get(missing).status_code == 404


def test_it_lists_only_cases_shared_with_it_and_unsharing_takes_one_away_at_once(
    driver: User, other_driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = clinic(advocate)
    mine = shared(open_case(driver, FLEX_LATE), org)
    open_case(other_driver, DISPUTE)  # not shared
    elsewhere = shared(open_case(other_driver, DISPUTE), Organisation.objects.create(name="B"))
    advocate_own = open_case(advocate, DISPUTE)  # the advocate's own case, not shared
    page = client_for(advocate).get(reverse("accounts:docket", args=[org.pk])).content.decode()
    assert reverse("cases:detail", args=[mine.pk]) in page
    for hidden in (elsewhere, advocate_own):
        assert reverse("cases:detail", args=[hidden.pk]) not in page
    do_unshare_case(case=mine, actor=driver)
    page = client_for(advocate).get(reverse("accounts:docket", args=[org.pk])).content.decode()
    assert reverse("cases:detail", args=[mine.pk]) not in page
    assert "No case is shared" in page


def test_a_row_shows_name_platform_reason_stage_deadline_and_readiness(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    case = shared(open_case(driver, DISPUTE), clinic(advocate))
    page = client_for(advocate).get(reverse("accounts:docket", args=[case.organisation_id]))
    text = page.content.decode()
    assert "dana" in text  # no legal name given: the user name
    assert "Amazon Flex" in text
    assert 'data-label="Stage"><span class="stage stage-reading">Reading' in text
    assert "of 100" in text
    assert case.deadline is not None
    assert case.deadline.isoformat()[:10] in text


def test_filters_search_and_sorting(advocate: User, open_case: Callable[..., Case]) -> None:
    org = clinic(advocate)
    now = timezone.now()
    soon = make_user("sam", legal_name="Sam Zimmer")
    later = make_user("ann", legal_name="Ann Abbott")
    a = shared(open_case(soon, FLEX_LATE, received=(now - timedelta(days=8)).isoformat()), org)
    b = shared(open_case(later, DISPUTE, received=(now - timedelta(days=1)).isoformat()), org)
    client = client_for(advocate)
    base = reverse("accounts:docket", args=[org.pk])

    def listed(**params: str) -> list[int]:
        rows = client.get(base, params).context["rows"]
        return [row.case_id for row in rows]

    assert listed() == [a.pk, b.pk]  # soonest deadline first
    assert listed(sort="driver") == [b.pk, a.pk]
    assert listed(sort="driver", dir="desc") == [a.pk, b.pk]
    assert listed(due="7") == [a.pk]  # due within a week (b has about 9 days)
    assert listed(q="zimm") == [a.pk]
    assert listed(platform="doordash") == []
    assert listed(stage="closed") == []
    assert listed(stage="reading") == [a.pk, b.pk]
    assert listed(sort="readiness") and listed(sort="stage")
    # A hand-typed bad value gets the default, not an error page.
    assert client.get(base, {"sort": "x", "page": "-3", "due": "soon"}).status_code == 200


def test_the_csv_has_a_header_and_the_pages_rows(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    driver.legal_name = "=HYPERLINK(1)"  # would be a formula in a spreadsheet
    driver.save()
    case = shared(open_case(driver, FLEX_LATE), clinic(advocate))
    response = client_for(advocate).get(reverse("accounts:docket_csv", args=[clinic(advocate).pk]))
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("case,driver,platform,reason,stage,deadline")
    assert lines[1].startswith(f"{case.pk},'=HYPERLINK(1),Amazon Flex,")


def test_the_organisation_page_and_my_cases_link_the_docket(advocate: User, driver: User) -> None:
    org = clinic(advocate)
    docket = reverse("accounts:docket", args=[org.pk])
    page = client_for(advocate).get(reverse("accounts:organisation", args=[org.pk]))
    assert docket in page.content.decode()
    assert docket in client_for(advocate).get(reverse("cases:list")).content.decode()
    assert "docket" not in client_for(driver).get(reverse("cases:list")).content.decode()


def test_an_advocate_reads_about_the_driver_on_the_case_page(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    driver.legal_name = "Maria Lopez"
    driver.save()
    case = shared(open_case(driver, FLEX_LATE), clinic(advocate))  # its deadline has passed
    url = reverse("cases:detail", args=[case.pk])
    as_advocate = client_for(advocate).get(url).content.decode()
    assert "Next for Maria:" in as_advocate
    assert "Maria\u2019s deadline has passed" in as_advocate
    # The warning and the rule's own "why" sentence both speak of Maria (issue 13).
    assert "Your deadline has passed" not in as_advocate
    assert "Maria&#x27;s deadline has passed. Send what Maria has" in as_advocate
    as_driver = client_for(driver).get(url).content.decode()
    assert "Your deadline has passed" in as_driver
    assert "Next for" not in as_driver
