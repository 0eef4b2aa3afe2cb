"""The driver claims the case an advocate opened for them: signed in, or by signing up first.
The case becomes theirs, stays shared (until they stop it), keeps its history, and the link
works once."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain
from reinstate.cases.actions import CaseInputError
from reinstate.cases.claim_actions import DriverDetails, do_claim_case, do_open_case_for_driver
from reinstate.cases.models import Case, ClaimInvite
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import PASSWORD, client_for, clinic

pytestmark = pytest.mark.django_db


def _opened(advocate: User) -> tuple[Case, str]:
    return do_open_case_for_driver(
        advocate=advocate,
        organisation=clinic(advocate),
        driver=DriverDetails(name="Maria Lopez", email="maria@example.com"),
        notice=notice_from_text(FLEX_LATE),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
    )


def test_a_signed_in_driver_takes_the_case_and_sees_the_advocates_work(
    advocate: User, driver: User
) -> None:
    case, token = _opened(advocate)
    placeholder = case.owner
    client = client_for(driver)
    url = reverse("cases:claim", args=[token])
    assert "Add this case to my account" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    case.refresh_from_db()
    assert case.owner == driver and case.organisation == clinic(advocate)
    driver.refresh_from_db()
    assert driver.legal_name == "Maria Lopez"  # she had none: the appeal is signed with it
    placeholder.refresh_from_db()
    assert not placeholder.is_active
    invite = ClaimInvite.objects.get(case=case)
    assert (invite.claimed_by, invite.token_hash, invite.email) == (driver, None, "")
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Next: " in page and "Next for Maria" not in page and "Not yet claimed" not in page
    history = client.get(reverse("cases:history", args=[case.pk])).content.decode()
    assert "advocate of Drivers Resource Center" in history
    assert "Opened the case for the driver from the notice" in history
    assert "Claimed the case with its link" in history
    kinds = AuditEvent.objects.filter(case_id_ref=case.pk).values_list("kind", flat=True)
    assert list(kinds) == ["case.opened_for_driver", "case.claimed"]
    assert verify_chain() == []


def test_the_link_works_once(advocate: User, driver: User, other_driver: User) -> None:
    case, token = _opened(advocate)
    do_claim_case(token=token, driver=driver)
    response = client_for(other_driver).post(reverse("cases:claim", args=[token]))
    assert response.status_code == 404
    assert "does not work any more" in response.content.decode()
    with pytest.raises(CaseInputError):
        do_claim_case(token=token, driver=other_driver)
    case.refresh_from_db()
    assert case.owner == driver


def test_an_expired_link_does_not_work(advocate: User, driver: User) -> None:
    case, token = _opened(advocate)
    ClaimInvite.objects.filter(case=case).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client_for(driver).get(reverse("cases:claim", args=[token])).status_code == 404
    with pytest.raises(CaseInputError):
        do_claim_case(token=token, driver=driver)


def test_an_advocate_cannot_claim_the_case(advocate: User) -> None:
    case, token = _opened(advocate)
    client = client_for(advocate)
    page = client.get(reverse("cases:claim", args=[token])).content.decode()
    assert "This link is for the driver" in page and "Add this case" not in page
    client.post(reverse("cases:claim", args=[token]))
    case.refresh_from_db()
    assert case.owner.placeholder


def test_a_visitor_signs_up_then_takes_the_case(advocate: User) -> None:
    case, token = _opened(advocate)
    claim_url = reverse("cases:claim", args=[token])
    visitor = Client()
    page = visitor.get(claim_url).content.decode()
    assert "Create an account" in page
    signup = reverse("accounts:signup") + "?next=" + claim_url
    assert visitor.get(signup).status_code == 200
    response = visitor.post(
        signup,
        {
            "username": "maria",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "America/Los_Angeles",
            "next": claim_url,
        },
    )
    assert response["Location"] == claim_url
    visitor.post(claim_url)
    case.refresh_from_db()
    assert case.owner.username == "maria"


def test_an_anonymous_claim_asks_to_sign_in(advocate: User) -> None:
    case, token = _opened(advocate)
    response = Client().post(reverse("cases:claim", args=[token]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    case.refresh_from_db()
    assert case.owner.placeholder


def test_after_claiming_the_driver_stops_sharing_and_the_advocate_loses_access(
    advocate: User, driver: User
) -> None:
    case, token = _opened(advocate)
    do_claim_case(token=token, driver=driver)
    detail = reverse("cases:detail", args=[case.pk])
    assert client_for(advocate).get(detail).status_code == 200
    client_for(driver).post(reverse("cases:unshare", args=[case.pk]))
    assert client_for(advocate).get(detail).status_code == 404
    assert client_for(advocate).get(reverse("cases:history", args=[case.pk])).status_code == 404


def test_a_driver_who_gave_a_legal_name_keeps_it(advocate: User, driver: User) -> None:
    driver.legal_name = "Dana Reyes"
    driver.save()
    _case, token = _opened(advocate)
    do_claim_case(token=token, driver=driver)
    driver.refresh_from_db()
    assert driver.legal_name == "Dana Reyes"


def test_the_link_speaks_spanish_to_a_visitor_who_reads_it(advocate: User) -> None:
    _case, token = _opened(advocate)
    page = Client(HTTP_ACCEPT_LANGUAGE="es").get(reverse("cases:claim", args=[token]))
    assert "Maria, tu caso está listo" in page.content.decode()
    assert "Crear una cuenta" in page.content.decode()
