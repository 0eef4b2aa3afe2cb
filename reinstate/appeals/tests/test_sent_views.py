"""The send page's "I have sent it" and "Record the decision": what they show, keep and refuse."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.models import Decision, Sending
from reinstate.appeals.send_actions import do_mark_sent
from reinstate.cases.actions import do_mark_step_seen, do_share_case
from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.evidence.models import EvidenceItem
from reinstate.testing import files
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

SENT = {"sent_at": "2026-11-05T10:00", "channel": "app_form", "reference": "QX-7781"}
DECIDED = {"outcome": "denied", "decided_on": "2026-11-20", "message": ""}


def send_page(case: Case) -> str:
    return reverse("appeals:step_send", args=[case.pk])


def mark(case: Case) -> str:
    return reverse("appeals:mark_sent", args=[case.pk])


def decide(case: Case) -> str:
    return reverse("appeals:record_decision", args=[case.pk])


def stored(case: Case) -> tuple[int, int, int, int]:
    return (
        Sending.objects.filter(case=case).count(),
        Decision.objects.filter(case=case).count(),
        Contact.objects.filter(case=case).count(),
        EvidenceItem.all_objects.filter(case=case).count(),
    )


def test_before_sending_the_page_offers_i_have_sent_it(ready_case: Case) -> None:
    text = client_for(ready_case.owner).get(send_page(ready_case)).content.decode()
    assert "I have sent it" in text
    assert 'name="channel" value="app_form"' in text
    assert 'value="app_form" required id="id_channel_0" checked' in text  # Flex: its form
    assert 'type="datetime-local"' in text
    assert "Record the decision" not in text


def test_once_sent_the_page_says_when_how_and_when_to_expect_the_decision(
    ready_case: Case,
) -> None:
    client = client_for(ready_case.owner)
    proof = SimpleUploadedFile("confirmation.png", files.png(), content_type="image/png")
    response = client.post(mark(ready_case), SENT | {"proof": [proof]})
    assert response.status_code == 302
    assert response["Location"] == send_page(ready_case) + "#sent-h"
    sending = Sending.objects.get(case=ready_case)
    assert sending.sent_at == datetime.fromisoformat("2026-11-05T10:00:00-08:00")
    assert sending.proof.count() == 1
    text = client.get(send_page(ready_case)).content.decode()
    assert "Sent on <strong>Thursday 5 November 2026, 10:00 AM</strong>, by you" in text
    assert "reference <strong>QX-7781</strong>" in text
    assert "Thursday 26 November 2026" in text  # 21 days: Amazon's reported three weeks
    assert "21 calendar days after sending" in text
    assert "ridesharingforum.com" in text and "reported" in text
    assert "follow up on" in text
    assert "Record the decision" in text and 'name="outcome"' in text
    assert "I have sent it" not in text


def test_an_outsider_gets_404_and_nothing_is_kept(ready_case: Case, other_driver: User) -> None:
    client = client_for(other_driver)
    before = stored(ready_case)
    assert client.post(mark(ready_case), SENT).status_code == 404
    assert client.post(decide(ready_case), DECIDED).status_code == 404
    assert stored(ready_case) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sent_at": "2099-01-01T10:00"}, "That time is in the future"),
        ({"sent_at": "2026-10-01T10:00"}, "before the notice arrived"),
        ({"channel": ""}, "This field is required"),
        ({"sent_at": "yesterday"}, "Enter a valid date/time"),
    ],
)
def test_bad_input_shows_the_page_again_with_the_message_and_keeps_nothing(
    ready_case: Case, change: dict[str, str], message: str
) -> None:
    before = stored(ready_case)
    response = client_for(ready_case.owner).post(mark(ready_case), SENT | change)
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert "<details open>" in text  # the form stays open, with what was typed
    assert stored(ready_case) == before


def test_a_bad_proof_file_keeps_nothing(ready_case: Case) -> None:
    before = stored(ready_case)
    good = SimpleUploadedFile("ok.png", files.png(), content_type="image/png")
    bomb = SimpleUploadedFile("big.png", files.png_bomb(), content_type="image/png")
    response = client_for(ready_case.owner).post(mark(ready_case), SENT | {"proof": [good, bomb]})
    assert response.status_code == 400
    assert "far more pixels" in response.content.decode()
    assert stored(ready_case) == before


def test_a_denial_keeps_the_case_open_and_the_case_page_leads_on(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    assert client.post(mark(ready_case), SENT).status_code == 302
    response = client.post(decide(ready_case), DECIDED)
    assert response.status_code == 302
    assert response["Location"] == send_page(ready_case) + "#decision-h"
    ready_case.refresh_from_db()
    assert ready_case.status == Case.Status.OPEN
    text = client.get(send_page(ready_case)).content.decode()
    assert "<strong>Denied</strong>, on Friday 20 November 2026" in text
    case_page = client.get(reverse("cases:detail", args=[ready_case.pk])).content.decode()
    assert "See what you can do next" in case_page


def test_a_grant_closes_the_case_as_reinstated(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    do_mark_sent(
        case=ready_case,
        actor=ready_case.owner,
        sent_at=timezone.now() - timedelta(days=3),
        channel="email",
    )
    today = timezone.localtime(timezone.now(), ready_case.tz).date()
    response = client.post(
        decide(ready_case), DECIDED | {"outcome": "granted", "decided_on": today}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[ready_case.pk])
    ready_case.refresh_from_db()
    assert (ready_case.status, ready_case.outcome) == ("closed", "reinstated")
    assert ready_case.reinstated_on == today


def test_a_message_that_reads_otherwise_warns(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    message = "Good news! After reviewing your appeal, we've reactivated your Amazon Flex account."
    response = client.post(decide(ready_case), DECIDED | {"message": message}, follow=True)
    assert "reads as if your appeal was granted" in response.content.decode()
    assert Decision.objects.get(case=ready_case).outcome == "denied"


def test_a_bad_decision_shows_the_page_again_and_keeps_nothing(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    client.post(mark(ready_case), SENT)
    response = client.post(decide(ready_case), DECIDED | {"decided_on": "2099-01-01"})
    assert response.status_code == 400
    assert "That day is in the future" in response.content.decode()
    assert not Decision.objects.filter(case=ready_case).exists()


def test_once_sent_the_case_page_says_to_wait_and_when(ready_case: Case) -> None:
    for step in ("meaning", "deadline"):
        do_mark_step_seen(case=ready_case, step=step, actor=ready_case.owner)
    client = client_for(ready_case.owner)
    client.post(mark(ready_case), SENT)
    case_page = client.get(reverse("cases:detail", args=[ready_case.pk])).content.decode()
    start = case_page.index('class="card next-step"')
    card = case_page[start : case_page.index("</section>", start)]
    assert "Wait for the decision" in card
    assert "Expect a decision by Thursday 26 November" in card
    assert "If no answer has come, follow up on" in card
    assert f'href="{send_page(ready_case)}#sent-h"' in card


def test_an_advocate_the_case_is_shared_with_can_mark_it_sent_and_is_named(
    ready_case: Case, advocate: User
) -> None:
    organisation = advocate.memberships.get().organisation
    do_share_case(case=ready_case, actor=ready_case.owner, invite_code=organisation.invite_code)
    assert client_for(advocate).post(mark(ready_case), SENT).status_code == 302
    text = client_for(ready_case.owner).get(send_page(ready_case)).content.decode()
    assert f"by {advocate.display_name()}," in text
    # The time typed is the case's wall time (Los Angeles), not the advocate's (New York).
    sending = Sending.objects.get(case=ready_case)
    assert sending.sent_at == datetime.fromisoformat("2026-11-05T10:00:00-08:00")
