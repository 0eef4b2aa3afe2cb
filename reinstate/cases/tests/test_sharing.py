from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.urls import reverse

from reinstate.accounts.models import Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, clinic

pytestmark = pytest.mark.django_db


def test_a_driver_shares_a_case_with_the_advocates_code(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    detail = reverse("cases:detail", args=[case.pk])
    assert client_for(advocate).get(detail).status_code == 404
    code = clinic(advocate).invite_code.lower()  # typed in any case
    client_for(driver).post(reverse("cases:share", args=[case.pk]), {"code": f" {code} "})
    case.refresh_from_db()
    assert case.organisation == clinic(advocate)
    assert AuditEvent.objects.filter(kind="case.shared", case_id_ref=case.pk).exists()
    page = client_for(advocate).get(detail)
    assert page.status_code == 200
    assert "Drivers Resource Center" in page.content.decode()
    listing = client_for(advocate).get(reverse("cases:list")).content.decode()
    assert detail in listing


def test_stopping_sharing_undoes_it(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    case.organisation = clinic(advocate)
    case.save()
    client_for(driver).post(reverse("cases:unshare", args=[case.pk]))
    assert client_for(advocate).get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert AuditEvent.objects.filter(kind="case.unshared").exists()


def test_a_wrong_code_changes_nothing(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE)
    response = client_for(driver).post(
        reverse("cases:share", args=[case.pk]), {"code": "NOPE"}, follow=True
    )
    assert "No organisation has that code" in response.content.decode()
    case.refresh_from_db()
    assert case.organisation is None


def test_only_the_driver_decides_who_sees_the_case(
    driver: User, advocate: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    case.organisation = clinic(advocate)
    case.save()
    # The advocate sees the case but cannot unshare it; an outsider gets 404 for both.
    assert client_for(advocate).post(reverse("cases:unshare", args=[case.pk])).status_code == 404
    for url in (reverse("cases:share", args=[case.pk]), reverse("cases:unshare", args=[case.pk])):
        assert client_for(other_driver).post(url, {"code": "X"}).status_code == 404
    case.refresh_from_db()
    assert case.organisation == clinic(advocate)


def test_the_command_line_creates_an_organisation(advocate: User, capsys) -> None:
    call_command("org", "add", "Legal Aid Clinic", "--advocate", "ada")
    created = Organisation.objects.get(name="Legal Aid Clinic")
    assert list(created.membership_set.values_list("user__username", flat=True)) == ["ada"]
    assert created.invite_code in capsys.readouterr().out
