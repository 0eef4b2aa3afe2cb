"""Who may open a case for a driver and handle its claim link: the advocates of the organisation,
while the case is unclaimed. Everyone else gets 404 (anonymous visitors are asked to sign in);
a link is shown only to the advocate who made it, and a wrong link names nothing."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.cases.claim_actions import DriverDetails, do_claim_case, do_open_case_for_driver
from reinstate.cases.models import Case, ClaimInvite
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(advocate: User, driver: User, other_driver: User) -> dict[str, Client]:
    """Ada (an advocate of the clinic), Dana (the driver, not yet holding the case), Omar
    (another driver), Otto (an advocate of another organisation), Fay (who was an advocate of
    the clinic until she was removed) and an anonymous visitor."""
    otto = make_user("otto")
    Membership.objects.create(organisation=Organisation.objects.create(name="Other"), user=otto)
    fay = make_user("fay")
    Membership.objects.create(organisation=clinic(advocate), user=fay)
    Membership.objects.filter(user=fay).delete()
    return {
        "advocate": client_for(advocate),
        "driver": client_for(driver),
        "other driver": client_for(other_driver),
        "other organisation's advocate": client_for(otto),
        "former advocate": client_for(fay),
        "anonymous": Client(),
    }


def _opened(advocate: User) -> tuple[Case, str]:
    return do_open_case_for_driver(
        advocate=advocate,
        organisation=clinic(advocate),
        driver=DriverDetails(name="Maria Lopez", email="maria@example.com"),
        notice=notice_from_text(FLEX_LATE),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
    )


OUTSIDERS = ["driver", "other driver", "other organisation's advocate", "former advocate"]


def _refused(response: object, who: str) -> bool:
    code = getattr(response, "status_code", 0)
    if who == "anonymous":
        return code == 302 and "/accounts/login/" in response["Location"]  # type: ignore[index]
    return code == 404


def test_only_the_organisations_advocates_open_a_case_for_a_driver(
    advocate: User, people: dict[str, Client]
) -> None:
    url = reverse("cases:new_for_driver", args=[clinic(advocate).pk])
    assert people["advocate"].get(url).status_code == 200
    for who in [*OUTSIDERS, "anonymous"]:
        assert _refused(people[who].get(url), who), who
        assert _refused(people[who].post(url, {"driver_name": "X", "notice_text": "x"}), who)
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "name, method",
    [("cases:claim_link", "get"), ("cases:renew_claim_link", "post"),
     ("cases:revoke_claim_link", "post")],
)  # fmt: skip
def test_only_the_organisations_advocates_handle_the_claim_link(
    advocate: User, people: dict[str, Client], name: str, method: str
) -> None:
    case, _token = _opened(advocate)
    url = reverse(name, args=[case.pk])
    before = ClaimInvite.objects.get(case=case).token_hash
    for who in [*OUTSIDERS, "anonymous"]:
        send: Callable[[str], object] = getattr(people[who], method)
        assert _refused(send(url), who), who
    assert ClaimInvite.objects.get(case=case).token_hash == before
    assert getattr(people["advocate"], method)(url).status_code in (200, 302)


def test_once_claimed_nobody_handles_its_link(
    advocate: User, driver: User, people: dict[str, Client]
) -> None:
    case, token = _opened(advocate)
    do_claim_case(token=token, driver=driver)
    pages = [("cases:claim_link", "get"), ("cases:renew_claim_link", "post"),
             ("cases:revoke_claim_link", "post")]  # fmt: skip
    for name, method in pages:
        url = reverse(name, args=[case.pk])
        assert getattr(people["advocate"], method)(url).status_code == 404
        assert getattr(people["driver"], method)(url).status_code == 404
    assert people["advocate"].get(reverse("cases:detail", args=[case.pk])).status_code == 200


def test_the_link_is_shown_only_to_the_advocate_who_made_it(advocate: User) -> None:
    colleague = make_user("bea")
    Membership.objects.create(organisation=clinic(advocate), user=colleague)
    case, token = _opened(advocate)
    page = client_for(colleague).get(reverse("cases:claim_link", args=[case.pk]))
    assert page.status_code == 200
    assert token not in page.content.decode()
    assert "Make a new link" in page.content.decode()


def test_a_wrong_link_names_nothing(advocate: User, people: dict[str, Client]) -> None:
    _case, token = _opened(advocate)
    for who, client in people.items():
        for wrong in (token[:-1], "x", token + "x"):
            response = client.get(reverse("cases:claim", args=[wrong]))
            assert response.status_code == 404, who
            assert "Maria" not in response.content.decode()
            assert client.post(reverse("cases:claim", args=[wrong])).status_code == 404


def test_before_claiming_the_driver_and_outsiders_cannot_see_the_case(
    advocate: User, people: dict[str, Client]
) -> None:
    case, _token = _opened(advocate)
    for url in (reverse("cases:detail", args=[case.pk]), reverse("cases:history", args=[case.pk])):
        assert people["advocate"].get(url).status_code == 200
        for who in [*OUTSIDERS, "anonymous"]:
            assert _refused(people[who].get(url), who), (who, url)
