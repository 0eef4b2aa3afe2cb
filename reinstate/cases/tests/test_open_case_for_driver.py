"""An advocate opens a case for a driver at intake: the notice read as in the driver's own
"new case", the case shared with the organisation from the start, owned by a placeholder that
nobody can sign in as, and a link (and, given an address, an email) for the driver to claim it."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.accounts.queries import lacks_identity_for
from reinstate.audit.models import AuditEvent
from reinstate.cases.claim_actions import do_claim_case
from reinstate.cases.models import Case, ClaimInvite
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, clinic

pytestmark = pytest.mark.django_db

INTAKE = {
    "driver_name": "Maria  Lopez",
    "driver_email": "maria@example.com",
    "driver_phone": "(213) 555-0142",
    "driver_language": "es",
    "notice_text": FLEX_LATE,
    "received_date": "2026-11-02",
    "received_time": "09:00",
}


def _intake(client: Client, advocate: User, **changes: str) -> Case:
    url = reverse("cases:new_for_driver", args=[clinic(advocate).pk])
    response = client.post(url, INTAKE | changes)
    assert response.status_code == 302, response.content.decode()
    return Case.objects.get(claim_invite__isnull=False, claim_invite__driver_name="Maria Lopez")


def test_it_opens_a_shared_case_owned_by_a_placeholder_with_the_drivers_name(
    advocate: User,
) -> None:
    client = client_for(advocate)
    case = _intake(client, advocate)
    assert case.organisation == clinic(advocate)
    assert case.platform == "amazon_flex"
    assert case.deadline is not None
    owner = case.owner
    assert owner.placeholder and owner.legal_name == "Maria Lopez"
    assert not owner.has_usable_password() and owner.email == ""
    event = AuditEvent.objects.filter(case_id_ref=case.pk).first()
    assert event is not None
    assert (event.kind, event.actor) == ("case.opened_for_driver", advocate)
    assert event.data["organisation"] == clinic(advocate).pk


def test_nobody_signs_in_as_the_placeholder(advocate: User) -> None:
    owner = _intake(client_for(advocate), advocate).owner
    assert authenticate(username=owner.username, password="") is None
    assert authenticate(username=owner.username, password="!") is None
    invited = len(mail.outbox)  # the invitation, to the address the advocate gave
    Client().post(reverse("accounts:password_reset"), {"email": "maria@example.com"})
    assert len(mail.outbox) == invited  # the placeholder holds no address: no reset link


def test_the_advocate_sees_the_link_and_the_driver_gets_it_by_email_in_their_language(
    advocate: User,
) -> None:
    client = client_for(advocate)
    case = _intake(client, advocate)
    page = client.get(reverse("cases:claim_link", args=[case.pk])).content.decode()
    link = page.split('id="claim-link" type="text" value="')[1].split('"')[0]
    assert "/cases/claim/" in link
    assert "sms:2135550142?&amp;body=" in page  # a tap to text it
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["maria@example.com"]
    assert link in sent.body
    assert "Para llevarlo a tu propia cuenta" in sent.body  # Spanish, as chosen for her
    assert "abrió tu caso" in sent.subject
    assert AuditEvent.objects.filter(case_id_ref=case.pk, kind="case.invite_sent").exists()
    invite = ClaimInvite.objects.get(case=case)
    assert invite.token_hash and link.rstrip("/").rsplit("/", 1)[1] not in invite.token_hash


def test_without_an_email_only_the_link_is_given(advocate: User) -> None:
    case = _intake(client_for(advocate), advocate, driver_email="")
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(case_id_ref=case.pk, kind="case.invite_sent").exists()


def test_a_refused_intake_keeps_what_was_typed(advocate: User) -> None:
    url = reverse("cases:new_for_driver", args=[clinic(advocate).pk])
    response = client_for(advocate).post(url, INTAKE | {"driver_name": "", "driver_phone": "12"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the driver&#x27;s name." in page
    assert "Enter a phone number of 7 to 15 digits" in page
    assert "maria@example.com" in page and "arrived late to the delivery station" in page
    assert not Case.objects.exists() and not User.objects.filter(placeholder=True).exists()


def test_the_advocate_works_the_case_as_the_driver_would(advocate: User) -> None:
    client = client_for(advocate)
    case = _intake(client, advocate)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Next for Maria:" in page
    assert "Not yet claimed" in page
    item = case.checklist.exclude(done=True).first()
    assert item is not None
    client.post(reverse("cases:checklist_item", args=[case.pk, item.pk]), {"done": "1"})
    item.refresh_from_db()
    assert item.done
    waiting = client.get(reverse("cases:new_for_driver", args=[clinic(advocate).pk]))
    assert reverse("cases:claim_link", args=[case.pk]) in waiting.content.decode()


def test_the_docket_offers_to_open_a_case_for_a_driver(advocate: User) -> None:
    page = client_for(advocate).get(reverse("accounts:docket", args=[clinic(advocate).pk]))
    url = reverse("cases:new_for_driver", args=[clinic(advocate).pk])
    assert f'href="{url}"' in page.content.decode()


def test_a_new_link_ends_the_old_one_and_stopping_it_ends_both(advocate: User) -> None:
    client = client_for(advocate)
    case = _intake(client, advocate, driver_email="")
    invite = ClaimInvite.objects.get(case=case)
    first = invite.token_hash
    client.post(reverse("cases:renew_claim_link", args=[case.pk]))
    invite.refresh_from_db()
    assert invite.token_hash not in (None, first)
    client.post(reverse("cases:revoke_claim_link", args=[case.pk]))
    invite.refresh_from_db()
    assert invite.token_hash is None
    kinds = list(AuditEvent.objects.filter(case_id_ref=case.pk).values_list("kind", flat=True))
    assert kinds[-2:] == ["case.invite_renewed", "case.invite_revoked"]
    page = client.get(reverse("cases:claim_link", args=[case.pk])).content.decode()
    assert "No link works now" in page


def test_the_platform_account_given_at_intake_goes_with_the_case(
    advocate: User, driver: User
) -> None:
    client = client_for(advocate)
    case = _intake(client, advocate, driver_platform_account="maria@example.com")
    assert not lacks_identity_for(case.owner, case.platform)  # the appeal can say who she is
    page = client.get(reverse("cases:claim_link", args=[case.pk])).content.decode()
    token = page.split("/cases/claim/")[1].split("/")[0]
    do_claim_case(token=token, driver=driver)
    account = driver.platform_accounts.get()
    assert (account.platform, account.identifier) == ("amazon_flex", "maria@example.com")


def test_a_platform_account_that_is_neither_email_nor_phone_is_refused(advocate: User) -> None:
    url = reverse("cases:new_for_driver", args=[clinic(advocate).pk])
    response = client_for(advocate).post(url, INTAKE | {"driver_platform_account": "maria@"})
    assert response.status_code == 400
    assert "is not an email address" in response.content.decode()
    assert not Case.objects.exists() and not User.objects.filter(placeholder=True).exists()
