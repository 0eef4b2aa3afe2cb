"""Opening a case asks who the driver is to the platform, when the appeal could not yet say:
the legal name, and the email or phone the platform knows them by; then the case page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from reinstate.accounts.actions import do_set_identity
from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

NOTICE = {"notice_text": FLEX_LATE, "received_date": "2026-11-02", "received_time": "16:00"}
MESSAGE = (
    "Your appeal must say who you are: give your legal name and the email or phone Amazon Flex "
    "knows you by."
)


def test_it_asks_a_driver_who_has_not_said_then_goes_back_to_the_case(driver: User) -> None:
    client = client_for(driver)
    response = client.post(reverse("cases:new"), NOTICE)
    case = Case.objects.get()
    where = urlsplit(response["Location"])
    assert response.status_code == 302 and where.path == reverse("accounts:identity")
    case_url = reverse("cases:detail", args=[case.pk])
    assert parse_qs(where.query) == {"next": [case_url], "platform": ["amazon_flex"]}

    page = client.get(response["Location"]).content.decode()
    assert MESSAGE in page
    assert f'<a href="{case_url}">Skip for now</a>' in page
    assert page.index('name="account_amazon_flex"') < page.index('name="account_doordash"')

    saved = client.post(
        response["Location"],
        {"legal_name": "Dana Reyes", "account_amazon_flex": "dana@example.com", "next": case_url},
    )
    assert saved["Location"] == case_url
    driver.refresh_from_db()
    assert driver.legal_name == "Dana Reyes"


def test_it_asks_for_the_account_when_only_the_name_is_known(driver: User) -> None:
    do_set_identity(user=driver, legal_name="Dana Reyes", accounts={"doordash": "d@x.org"})
    response = client_for(driver).post(reverse("cases:new"), NOTICE)
    assert urlsplit(response["Location"]).path == reverse("accounts:identity")


def test_it_goes_straight_to_the_case_when_both_are_known(driver: User) -> None:
    do_set_identity(user=driver, legal_name="Dana Reyes", accounts={"amazon_flex": "d@x.org"})
    response = client_for(driver).post(reverse("cases:new"), NOTICE)
    assert response["Location"] == reverse("cases:detail", args=[Case.objects.get().pk])
