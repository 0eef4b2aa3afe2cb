"""The protective appeal's page: the short letter, signed and naming the account and the
notice, ready to copy; where it goes; where to mark it sent. Outsiders get 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import Organisation, User
from reinstate.appeals.models import Sending
from reinstate.appeals.protective import protective_draft, protective_offered
from reinstate.cases.actions import do_share_case
from reinstate.cases.models import Case
from reinstate.rules.appeal.tone import check_tone
from reinstate.testing.appeal_samples import FLEX_ACCOUNT, LEGAL_NAME, NOTICE_REFERENCE, identify
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def page(user: User, case: Case) -> str:
    response = client_for(user).get(reverse("appeals:protective", args=[case.pk]))
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_it_shows_the_letter_signed_with_the_legal_name_and_the_account(case: Case) -> None:
    identify(case.owner)
    html = page(case.owner, case)
    assert "I appeal the decision to deactivate my Amazon Flex account" in html
    assert f"Sincerely,\n{LEGAL_NAME}\nAmazon Flex account: {FLEX_ACCOUNT}" in html
    assert NOTICE_REFERENCE in html
    assert "My full appeal and my evidence will follow by" in html
    assert "readonly" in html and "Copy the letter" in html


def test_without_a_legal_name_it_is_signed_with_the_user_name(case: Case) -> None:
    draft = protective_draft(case)
    assert draft.endswith(f"Sincerely,\n{case.owner.username}\nReference: {NOTICE_REFERENCE}")
    assert check_tone(draft) == []


def test_it_says_where_to_send_it_and_links_the_send_page(case: Case) -> None:
    html = page(case.owner, case)
    assert "Where to send it" in html
    assert "Appeal form linked from the deactivation email" in html  # the catalogue's channel
    assert "How sure: reported" in html
    assert reverse("appeals:step_send", args=[case.pk]) in html


def test_an_advocate_of_the_organisation_sees_it(case: Case, advocate: User) -> None:
    code = Organisation.objects.get(membership__user=advocate).invite_code
    do_share_case(case=case, actor=case.owner, invite_code=code)
    assert "A short appeal to send now" in page(advocate, case)


def test_an_outsider_gets_404(case: Case, other_driver: User) -> None:
    response = client_for(other_driver).get(reverse("appeals:protective", args=[case.pk]))
    assert response.status_code == 404
    assert client_for(other_driver).get("/cases/999999/appeal/protective").status_code == 404


def test_it_is_offered_within_24_hours_until_something_is_sent(case: Case) -> None:
    assert case.deadline is not None
    assert not protective_offered(case, now=case.deadline - timedelta(hours=25))
    assert protective_offered(case, now=case.deadline - timedelta(hours=23))
    Sending.objects.create(
        case=case, sent_at=timezone.now(), channel=Sending.Channel.EMAIL, kind="protective"
    )
    assert not protective_offered(case, now=case.deadline - timedelta(hours=23))
    assert "You have marked your appeal as sent" in page(case.owner, case)


def test_the_case_page_offers_it_within_24_hours_only(
    driver: User, open_case: Callable[..., Case]
) -> None:
    def case_page(case: Case) -> str:
        return client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()

    # The notice gave 10 days: received 9.5 days ago, about 12 hours are left.
    soon = open_case(driver, FLEX_LATE, received=(timezone.now() - timedelta(days=9.5)).isoformat())
    later = open_case(driver, FLEX_LATE, received=timezone.now().isoformat())
    assert reverse("appeals:protective", args=[soon.pk]) in case_page(soon)
    assert "protective appeal" not in case_page(later)
    Sending.objects.create(case=soon, sent_at=timezone.now(), channel=Sending.Channel.EMAIL)
    assert "protective appeal" not in case_page(soon)
