from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import CaseInputError, do_share_case
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def advocates_of(organisation: Organisation) -> set[str]:
    return set(
        Membership.objects.filter(organisation=organisation).values_list(
            "user__username", flat=True
        )
    )


def page(organisation: Organisation) -> str:
    return reverse("accounts:organisation", args=[organisation.pk])


def add_url(organisation: Organisation) -> str:
    return reverse("accounts:add_advocate", args=[organisation.pk])


def remove_url(organisation: Organisation, user: User) -> str:
    return reverse("accounts:remove_advocate", args=[organisation.pk, user.pk])


def code_url(organisation: Organisation) -> str:
    return reverse("accounts:replace_invite_code", args=[organisation.pk])


def test_it_explains_organisations_and_offers_to_set_one_up(driver: User) -> None:
    response = client_for(driver).get(reverse("accounts:organisations"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "not an advocate of any organisation yet" in html
    assert 'name="name"' in html


def test_the_profile_links_to_the_organisations_page(driver: User) -> None:
    html = client_for(driver).get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:organisations") in html


def test_it_sets_up_an_organisation_with_its_creator_as_admin(driver: User) -> None:
    response = client_for(driver).post(
        reverse("accounts:organisations"), {"name": "  Gig Workers   Legal Clinic "}
    )
    organisation = Organisation.objects.get()
    assert organisation.name == "Gig Workers Legal Clinic"
    assert response.status_code == 302
    assert response["Location"] == page(organisation)
    assert advocates_of(organisation) == {"dana"}
    event = AuditEvent.objects.get(kind="organisation.created")
    assert event.actor == driver
    assert event.data == {"organisation": organisation.pk, "advocates": ["dana"], "admin": "dana"}
    assert Membership.objects.get(organisation=organisation).role == "admin"
    html = client_for(driver).get(page(organisation)).content.decode()
    assert organisation.invite_code in html


@pytest.mark.parametrize("name", ["", "    ", "x" * 201])
def test_a_bad_name_sets_up_nothing(driver: User, name: str) -> None:
    response = client_for(driver).post(reverse("accounts:organisations"), {"name": name})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not Organisation.objects.exists()
    assert not AuditEvent.objects.filter(kind="organisation.created").exists()


def test_a_second_tap_does_not_set_up_the_same_organisation_twice(advocate: User) -> None:
    response = client_for(advocate).post(
        reverse("accounts:organisations"), {"name": "drivers resource  center"}
    )
    assert response.status_code == 400
    assert "already have an organisation called" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_it_lists_the_advocates_organisations_with_code_advocates_and_cases(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    organisation = clinic(advocate)
    Membership.objects.create(organisation=organisation, user=make_user("bea"))
    other = Organisation.objects.create(name="Somebody Else's Union")
    do_share_case(case=open_case(driver, FLEX_LATE), actor=driver, invite_code=other.invite_code)
    for _ in range(2):
        case = open_case(driver, FLEX_LATE)
        do_share_case(case=case, actor=driver, invite_code=organisation.invite_code)
    html = client_for(advocate).get(reverse("accounts:organisations")).content.decode()
    assert "Drivers Resource Center" in html
    assert organisation.invite_code in html
    assert "ada" in html and "bea" in html
    assert "2 cases shared with it" in html
    assert reverse("cases:list") in html
    assert "Somebody Else" not in html
    assert other.invite_code not in html


def test_it_counts_how_the_shared_cases_ended(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    from datetime import date

    from reinstate.cases.actions import do_set_case_outcome, do_set_case_status

    organisation = clinic(advocate)
    cases = [open_case(driver, FLEX_LATE) for _ in range(5)]
    for case in cases:
        do_share_case(case=case, actor=driver, invite_code=organisation.invite_code)
    for case in cases[:2]:  # the notice came on 2 November
        do_set_case_outcome(
            case=case, actor=driver, outcome="reinstated", reinstated_on=date(2026, 11, 20)
        )
    do_set_case_outcome(case=cases[2], actor=driver, outcome="denied")
    do_set_case_status(case=cases[3], actor=driver, status="closed")  # without saying how
    html = client_for(advocate).get(page(organisation)).content.decode()
    assert "5 cases shared with it" in html
    for title, count in (
        ("Open", 1),
        ("Reinstated", 2),
        ("Appeal denied", 1),
        ("Closed without an answer, or other", 1),
    ):
        assert f"<li>{title}: <strong>{count}</strong></li>" in html


def test_it_adds_an_advocate_by_user_name(advocate: User, other_driver: User) -> None:
    organisation = clinic(advocate)
    response = client_for(advocate).post(add_url(organisation), {"username": " Omar "})
    assert response.status_code == 302
    assert advocates_of(organisation) == {"ada", "omar"}
    event = AuditEvent.objects.get(kind="organisation.advocate_added")
    assert (event.actor, event.data["advocate"]) == (advocate, "omar")
    assert client_for(other_driver).get(page(organisation)).status_code == 200


def test_an_unknown_user_name_changes_nothing(advocate: User) -> None:
    organisation = clinic(advocate)
    response = client_for(advocate).post(add_url(organisation), {"username": "nobody"})
    assert response.status_code == 400
    assert "No one has the user name" in response.content.decode()
    assert advocates_of(organisation) == {"ada"}
    assert not AuditEvent.objects.filter(kind="organisation.advocate_added").exists()


def test_an_inactive_user_cannot_be_added(advocate: User) -> None:
    gone = make_user("gone")
    gone.is_active = False
    gone.save()
    response = client_for(advocate).post(add_url(clinic(advocate)), {"username": "gone"})
    assert response.status_code == 400
    assert advocates_of(clinic(advocate)) == {"ada"}


def test_it_says_when_the_person_is_already_an_advocate(advocate: User) -> None:
    response = client_for(advocate).post(add_url(clinic(advocate)), {"username": "ada"})
    assert response.status_code == 400
    assert "ada is already an advocate here" in response.content.decode()
    assert Membership.objects.count() == 1
    assert not AuditEvent.objects.filter(kind="organisation.advocate_added").exists()


def test_it_removes_an_advocate_and_records_who_did(advocate: User, other_driver: User) -> None:
    organisation = clinic(advocate)
    Membership.objects.create(organisation=organisation, user=other_driver)
    response = client_for(advocate).post(remove_url(organisation, other_driver), follow=True)
    assert "omar is no longer an advocate here" in response.content.decode()
    assert advocates_of(organisation) == {"ada"}
    event = AuditEvent.objects.get(kind="organisation.advocate_removed")
    assert (event.actor, event.data) == (
        advocate,
        {"organisation": organisation.pk, "advocate": "omar"},
    )
    assert client_for(other_driver).get(page(organisation)).status_code == 404


def test_the_last_admin_cannot_leave(advocate: User) -> None:
    organisation = clinic(advocate)
    response = client_for(advocate).post(remove_url(organisation, advocate), follow=True)
    assert "ada is the only admin of Drivers Resource Center, so cannot leave" in (
        response.content.decode()
    )
    assert advocates_of(organisation) == {"ada"}
    assert not AuditEvent.objects.filter(kind="organisation.advocate_removed").exists()


def test_an_admin_can_leave_when_another_admin_stays(advocate: User, other_driver: User) -> None:
    organisation = clinic(advocate)
    Membership.objects.create(organisation=organisation, user=other_driver, role="admin")
    client = client_for(advocate)
    response = client.post(remove_url(organisation, advocate))
    assert response["Location"] == reverse("accounts:organisations")
    assert advocates_of(organisation) == {"omar"}
    assert client.get(page(organisation)).status_code == 404


def test_removing_someone_who_is_not_an_advocate_changes_nothing(
    advocate: User, other_driver: User
) -> None:
    organisation = clinic(advocate)
    response = client_for(advocate).post(remove_url(organisation, other_driver), follow=True)
    assert "no longer an advocate here" in response.content.decode()
    assert advocates_of(organisation) == {"ada"}
    assert not AuditEvent.objects.filter(kind="organisation.advocate_removed").exists()


def test_a_new_code_stops_the_old_one_but_shared_cases_stay_shared(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    organisation = clinic(advocate)
    old = organisation.invite_code
    shared = open_case(driver, FLEX_LATE)
    do_share_case(case=shared, actor=driver, invite_code=old)
    response = client_for(advocate).post(code_url(organisation), follow=True)
    organisation.refresh_from_db()
    new = organisation.invite_code
    assert new != old
    html = response.content.decode()
    assert new in html and "old code no longer works" in html
    event = AuditEvent.objects.get(kind="organisation.code_replaced")
    assert (event.actor, event.data["organisation"]) == (advocate, organisation.pk)
    assert new not in str(event.data)
    later = open_case(driver, FLEX_LATE)
    with pytest.raises(CaseInputError):
        do_share_case(case=later, actor=driver, invite_code=old)
    later.refresh_from_db()
    assert later.organisation is None
    shared.refresh_from_db()
    assert shared.organisation == organisation
    do_share_case(case=later, actor=driver, invite_code=new)
    assert Case.objects.filter(organisation=organisation).count() == 2


def test_htmx_gets_the_advocates_section_back(advocate: User, other_driver: User) -> None:
    organisation = clinic(advocate)
    client = client_for(advocate)
    response = client.post(add_url(organisation), {"username": "omar"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="advocates"')
    assert "omar is now an advocate" in html
    response = client.post(add_url(organisation), {"username": "nobody"}, headers=HTMX)
    assert "No one has the user name" in response.content.decode()
    response = client.post(remove_url(organisation, other_driver), headers=HTMX)
    assert "omar is no longer an advocate here" in response.content.decode()
    response = client.post(remove_url(organisation, advocate), headers=HTMX)
    assert "the only admin" in response.content.decode()
    assert advocates_of(organisation) == {"ada"}


def test_htmx_leaving_redirects_the_whole_page(advocate: User, other_driver: User) -> None:
    organisation = clinic(advocate)
    Membership.objects.create(organisation=organisation, user=other_driver)
    response = client_for(other_driver).post(remove_url(organisation, other_driver), headers=HTMX)
    assert response["HX-Redirect"] == reverse("accounts:organisations")


def test_htmx_gets_the_new_code_back(advocate: User) -> None:
    organisation = clinic(advocate)
    response = client_for(advocate).post(code_url(organisation), headers=HTMX)
    organisation.refresh_from_db()
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="invite-code"')
    assert organisation.invite_code in html


def test_an_outsider_gets_404_on_every_organisation_url(advocate: User, other_driver: User) -> None:
    organisation = clinic(advocate)
    code = organisation.invite_code
    outsider = client_for(other_driver)
    assert outsider.get(page(organisation)).status_code == 404
    assert outsider.post(add_url(organisation), {"username": "omar"}).status_code == 404
    assert outsider.post(remove_url(organisation, advocate)).status_code == 404
    assert outsider.post(code_url(organisation)).status_code == 404
    assert outsider.post(code_url(organisation), headers=HTMX).status_code == 404
    listing = outsider.get(reverse("accounts:organisations")).content.decode()
    assert "Drivers Resource Center" not in listing and code not in listing
    organisation.refresh_from_db()
    assert organisation.invite_code == code
    assert advocates_of(organisation) == {"ada"}
    assert not AuditEvent.objects.filter(kind__startswith="organisation.").exists()


def test_a_missing_organisation_is_404_too(advocate: User) -> None:
    assert (
        client_for(advocate).get(reverse("accounts:organisation", args=[9999])).status_code == 404
    )


def test_signing_in_is_needed_for_every_organisation_url(advocate: User) -> None:
    organisation = clinic(advocate)
    client = Client()
    login = reverse("accounts:login")
    for url in (reverse("accounts:organisations"), page(organisation)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(login)
    for url in (
        reverse("accounts:organisations"),
        add_url(organisation),
        remove_url(organisation, advocate),
        code_url(organisation),
    ):
        response = client.post(url, {"name": "X", "username": "ada"})
        assert response.status_code == 302 and response["Location"].startswith(login)
    assert Organisation.objects.count() == 1
    assert advocates_of(organisation) == {"ada"}


def test_changes_need_a_post(advocate: User) -> None:
    organisation = clinic(advocate)
    client = client_for(advocate)
    for url in (add_url(organisation), remove_url(organisation, advocate), code_url(organisation)):
        assert client.get(url).status_code == 405


def test_changes_need_the_csrf_token(advocate: User) -> None:
    organisation = clinic(advocate)
    client = Client(enforce_csrf_checks=True)
    client.force_login(advocate)
    assert client.post(code_url(organisation)).status_code == 403
    assert client.post(reverse("accounts:organisations"), {"name": "New"}).status_code == 403
    assert Organisation.objects.count() == 1
