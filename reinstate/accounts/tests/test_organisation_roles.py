"""Roles in an organisation: its admins manage members, roles and the code; its advocates see
the organisation and its cases but not those controls; the last admin always stays."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.actions import (
    AccountInputError,
    do_add_advocate,
    do_remove_advocate,
    do_set_member_role,
)
from reinstate.accounts.models import Membership, Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def roles(organisation: Organisation) -> dict[str, str]:
    return dict(
        Membership.objects.filter(organisation=organisation).values_list("user__username", "role")
    )


def page(organisation: Organisation) -> str:
    return reverse("accounts:organisation", args=[organisation.pk])


def role_url(organisation: Organisation, user: User) -> str:
    return reverse("accounts:set_member_role", args=[organisation.pk, user.pk])


def remove_url(organisation: Organisation, user: User) -> str:
    return reverse("accounts:remove_advocate", args=[organisation.pk, user.pk])


def with_advocate(organisation: Organisation, name: str = "bea") -> User:
    user = make_user(name)
    Membership.objects.create(organisation=organisation, user=user)
    return user


def test_an_admin_makes_an_advocate_an_admin_and_it_is_recorded(advocate: User) -> None:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    response = client_for(advocate).post(
        role_url(organisation, bea), {"role": "admin"}, follow=True
    )
    assert "bea is now an admin of Drivers Resource Center" in response.content.decode()
    assert roles(organisation) == {"ada": "admin", "bea": "admin"}
    event = AuditEvent.objects.get(kind="organisation.role_changed")
    assert (event.actor, event.data) == (
        advocate,
        {"organisation": organisation.pk, "member": "bea", "role": "admin"},
    )
    # Now bea manages too: she can replace the code.
    code = reverse("accounts:replace_invite_code", args=[organisation.pk])
    assert client_for(bea).post(code).status_code == 302


def test_an_admin_can_step_down_while_another_admin_stays(advocate: User) -> None:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    client = client_for(advocate)
    client.post(role_url(organisation, bea), {"role": "admin"})
    do_set_member_role(organisation=organisation, user=advocate, role="advocate", actor=bea)
    assert roles(organisation) == {"ada": "advocate", "bea": "admin"}
    html = client.get(page(organisation)).content.decode()
    assert "Make admin" not in html and "Replace the code" not in html


def test_the_last_admin_cannot_be_made_an_advocate(advocate: User) -> None:
    organisation = clinic(advocate)
    with_advocate(organisation)
    with pytest.raises(AccountInputError, match="the only admin of Drivers Resource Center"):
        do_set_member_role(organisation=organisation, user=advocate, role="advocate", actor=None)
    assert roles(organisation)["ada"] == "admin"
    assert not AuditEvent.objects.filter(kind="organisation.role_changed").exists()


def test_the_last_admin_cannot_leave_even_with_advocates_left(advocate: User) -> None:
    organisation = clinic(advocate)
    with_advocate(organisation)
    response = client_for(advocate).post(remove_url(organisation, advocate), follow=True)
    html = response.content.decode()
    assert "ada is the only admin of Drivers Resource Center, so cannot leave" in html
    assert "Make another advocate an admin first" in html
    assert roles(organisation) == {"ada": "admin", "bea": "advocate"}


def test_an_advocate_sees_the_organisation_without_its_controls(advocate: User) -> None:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    response = client_for(bea).get(page(organisation))
    html = response.content.decode()
    assert response.status_code == 200
    assert organisation.invite_code in html and "ada" in html
    assert "Leave" in html
    for control in ("Add advocate", "Replace the code", "Make admin", ">Remove<"):
        assert control not in html
    admin_html = client_for(advocate).get(page(organisation)).content.decode()
    for control in ("Add advocate", "Replace the code", "Make admin", ">Remove<"):
        assert control in admin_html


def test_an_advocate_can_leave(advocate: User) -> None:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    response = client_for(bea).post(remove_url(organisation, bea))
    assert response["Location"] == reverse("accounts:organisations")
    assert roles(organisation) == {"ada": "admin"}


def test_htmx_gets_the_members_back_after_a_role_change(advocate: User) -> None:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    client = client_for(advocate)
    response = client.post(role_url(organisation, bea), {"role": "admin"}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="advocates"')
    assert "bea is now an admin" in html
    response = client.post(role_url(organisation, bea), {"role": "admin"}, headers=HTMX)
    assert "Nothing to change" in response.content.decode()
    assert AuditEvent.objects.filter(kind="organisation.role_changed").count() == 1


def test_an_unknown_role_changes_nothing(advocate: User) -> None:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    response = client_for(advocate).post(role_url(organisation, bea), {"role": "owner"})
    assert response.status_code == 400
    assert roles(organisation)["bea"] == "advocate"


# Who may do what: each URL that changed, for each kind of person.

PERSONAS = ["admin", "advocate", "other_org", "former", "driver", "anonymous"]
ALLOWED = {"admin": 302, "advocate": 403, "anonymous": "login"}  # everyone else: 404


def _scene(advocate: User) -> tuple[Organisation, dict[str, Client], User]:
    organisation = clinic(advocate)
    bea = with_advocate(organisation)
    cal = with_advocate(organisation, "cal")  # the member the changes are made to
    other = make_user("olga")
    do_add_advocate(
        organisation=Organisation.objects.create(name="Other Union"), user=other, actor=None
    )
    former = make_user("fred")
    do_add_advocate(organisation=organisation, user=former, actor=advocate)
    do_remove_advocate(organisation=organisation, user=former, actor=advocate)
    clients = {
        "admin": client_for(advocate),
        "advocate": client_for(bea),
        "other_org": client_for(other),
        "former": client_for(former),
        "driver": client_for(make_user("omar")),
        "anonymous": Client(),
    }
    return organisation, clients, cal


ACTIONS: dict[str, Callable[[Client, Organisation, User], object]] = {
    "add": lambda c, o, u: c.post(
        reverse("accounts:add_advocate", args=[o.pk]), {"username": "newbie"}
    ),
    "remove": lambda c, o, u: c.post(remove_url(o, u)),
    "role": lambda c, o, u: c.post(role_url(o, u), {"role": "admin"}),
    "code": lambda c, o, u: c.post(reverse("accounts:replace_invite_code", args=[o.pk])),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_the_organisation_page_only_to_its_members(advocate: User, persona: str) -> None:
    organisation, clients, _cal = _scene(advocate)
    response = clients[persona].get(page(organisation))
    expected = {"admin": 200, "advocate": 200}.get(persona, 404)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_only_an_admin_manages_the_organisation(advocate: User, persona: str, action: str) -> None:
    organisation, clients, cal = _scene(advocate)
    make_user("newbie")
    before_roles, before_code = roles(organisation), organisation.invite_code
    before_events = AuditEvent.objects.count()
    response = ACTIONS[action](clients[persona], organisation, cal)
    expected = ALLOWED.get(persona, 404)
    if expected == "login":
        assert response.status_code == 302  # type: ignore[attr-defined]
        assert response["Location"].startswith(reverse("accounts:login"))  # type: ignore[index]
    else:
        assert response.status_code == expected  # type: ignore[attr-defined]
    organisation.refresh_from_db()
    changed = roles(organisation) != before_roles or organisation.invite_code != before_code
    assert changed == (persona == "admin")
    assert (AuditEvent.objects.count() > before_events) == (persona == "admin")
