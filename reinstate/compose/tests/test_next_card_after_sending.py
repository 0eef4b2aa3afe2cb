"""The case page's next card, and the stage, once the appeal is sent and once it is decided."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.send_actions import do_mark_sent, do_record_decision
from reinstate.cases.models import Case
from reinstate.compose.journey import case_progress, case_stage, next_card
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db

SENT_AT = datetime.fromisoformat("2026-11-05T10:00:00-08:00")


@pytest.fixture
def sent(driver: User, open_case: Callable[..., Case]) -> Case:
    case = open_case(driver, FLEX_LATE)
    do_mark_sent(case=case, actor=driver, sent_at=SENT_AT, channel="app_form")
    return case


def test_it_gathers_when_the_decision_is_expected_and_when_to_follow_up(sent: Case) -> None:
    progress = case_progress(sent, now=SENT_AT)
    assert progress.sent
    assert progress.decision_expected_by == date(2026, 11, 26)
    assert progress.follow_up_on == date(2026, 11, 16)
    assert "three weeks" in progress.review_label
    assert case_stage(sent, now=SENT_AT) == "sent"


def test_a_sent_case_past_its_deadline_is_not_told_to_send_now(sent: Case) -> None:
    card = next_card(sent, now=timezone.now())  # the notice's ten days are long over
    assert card.next is not None and card.next.title != "Send your appeal now"


def test_after_a_denial_the_next_card_leads_to_the_options(sent: Case) -> None:
    do_record_decision(case=sent, actor=sent.owner, outcome="denied", decided_on=date(2026, 11, 20))
    card = next_card(sent, now=timezone.now())
    assert card.next is not None and card.next.title == "See what you can do next"
    assert "said no" in card.next.why
    assert card.url == f"/cases/{sent.pk}/appeal/options"
    assert case_stage(sent, now=timezone.now()) == "decided"


def test_a_grant_closes_the_case(sent: Case) -> None:
    do_record_decision(
        case=sent, actor=sent.owner, outcome="granted", decided_on=date(2026, 11, 20)
    )
    sent.refresh_from_db()
    card = next_card(sent, now=timezone.now())
    assert card.next is None and "Reinstated" in card.ended
    assert case_stage(sent, now=timezone.now()) == "closed"
