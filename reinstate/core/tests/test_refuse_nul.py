"""A NUL character in an address or a form is refused with the plain "could not be read" page,
on every database (PostgreSQL cannot hold one in text), before any view reads it (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import pytest

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

READ_FAILED = "That could not be read"


def test_a_nul_in_the_address_is_refused(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    for address in (
        f"/cases/{case.pk}/evidence/search/?q=gate%00",
        "/cases/calendar/abc%00def.ics",
        f"/cases/{case.pk}/?x=%00",
    ):
        response = client.get(address)
        assert response.status_code == 400, address
        assert READ_FAILED in response.content.decode()
    assert client.get(f"/cases/{case.pk}/evidence/search/?q=gate").status_code == 200


def test_a_nul_in_a_form_is_refused_and_nothing_changes(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    # As a browser sends the form: refused at the edge.
    response = client.post(
        f"/cases/{case.pk}/share/",
        urlencode({"code": "AB\x00CD"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert READ_FAILED in response.content.decode()
    # Sent as multipart, which the edge leaves to the view: no such code, said plainly.
    response = client.post(f"/cases/{case.pk}/share/", {"code": "AB\x00CD"}, follow=True)
    assert "No organisation has that code" in response.content.decode()
    case.refresh_from_db()
    assert case.organisation is None
