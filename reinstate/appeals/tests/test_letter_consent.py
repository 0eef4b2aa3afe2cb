"""Approving the letter sent on the driver's behalf records the driver's consent: the driver
approves it, or the advocate who approves it says how the driver gave it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.accounts.models import Organisation, User
from reinstate.appeals.actions import do_approve_letter, do_save_letter
from reinstate.appeals.inputs import AppealInputError
from reinstate.appeals.models import LetterVersion
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import do_share_case
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

APPROVED = "appeal.letter_approved"


@pytest.fixture
def drafted(case: Case) -> LetterVersion:
    return do_save_letter(case=case, text="Dear team,\n\nPlease look again.", actor=case.owner)


def share(case: Case, advocate: User) -> None:
    code = Organisation.objects.get(membership__user=advocate).invite_code
    do_share_case(case=case, actor=case.owner, invite_code=code)


def approve_url(letter: LetterVersion) -> str:
    return reverse("appeals:approve_letter", args=[letter.case_id, letter.number])


def check_url(case: Case) -> str:
    return reverse("appeals:check", args=[case.pk])


def test_it_lets_the_driver_approve_without_saying_how(drafted: LetterVersion) -> None:
    client = client_for(drafted.case.owner)
    assert 'name="consent"' not in client.get(check_url(drafted.case)).content.decode()
    client.post(approve_url(drafted), {"step": "check"})
    drafted.refresh_from_db()
    assert drafted.status == LetterVersion.Status.APPROVED
    assert AuditEvent.objects.get(kind=APPROVED).data == {"version": 1}
    assert "Approved for the driver by" not in client.get(check_url(drafted.case)).content.decode()


def test_it_records_how_the_driver_consented_when_an_advocate_approves(
    drafted: LetterVersion, advocate: User
) -> None:
    share(drafted.case, advocate)
    client = client_for(advocate)
    page = client.get(check_url(drafted.case)).content.decode()
    assert 'name="consent"' in page and "The driver approved it by phone" in page
    response = client.post(approve_url(drafted), {"step": "check", "consent": "phone"}, follow=True)
    drafted.refresh_from_db()
    assert drafted.status == LetterVersion.Status.APPROVED
    event = AuditEvent.objects.get(kind=APPROVED)
    assert (event.actor, event.data) == (advocate, {"version": 1, "consent": "phone"})
    assert "Approved for the driver by ada: The driver approved it by phone." in (
        response.content.decode()
    )
    # The driver reads it on the same page.
    driver_page = client_for(drafted.case.owner).get(check_url(drafted.case)).content.decode()
    assert "Approved for the driver by ada: The driver approved it by phone." in driver_page


@pytest.mark.parametrize("consent", [None, "", "by_pigeon"])
def test_an_advocates_approval_without_a_consent_answer_is_refused(
    drafted: LetterVersion, advocate: User, consent: str | None
) -> None:
    share(drafted.case, advocate)
    data = {"step": "check"} | ({} if consent is None else {"consent": consent})
    response = client_for(advocate).post(approve_url(drafted), data, follow=True)
    assert "Say how the driver approved this letter" in response.content.decode()
    drafted.refresh_from_db()
    assert drafted.status == LetterVersion.Status.DRAFT
    assert not AuditEvent.objects.filter(kind=APPROVED).exists()


def test_the_action_refuses_an_advocate_without_consent(
    drafted: LetterVersion, advocate: User
) -> None:
    share(drafted.case, advocate)
    with pytest.raises(AppealInputError):
        do_approve_letter(letter=drafted, actor=advocate)
    do_approve_letter(letter=drafted, actor=None)  # the command line: no one to ask
    assert AuditEvent.objects.get(kind=APPROVED).data == {"version": 1}


def test_the_appeal_page_asks_the_advocate_too(drafted: LetterVersion, advocate: User) -> None:
    share(drafted.case, advocate)
    detail = reverse("appeals:detail", args=[drafted.case_id])
    assert 'name="consent"' in client_for(advocate).get(detail).content.decode()
    assert 'name="consent"' not in client_for(drafted.case.owner).get(detail).content.decode()


def test_an_outsider_gets_404(drafted: LetterVersion, other_driver: User) -> None:
    response = client_for(other_driver).post(approve_url(drafted), {"consent": "phone"})
    assert response.status_code == 404
    drafted.refresh_from_db()
    assert drafted.status == LetterVersion.Status.DRAFT
