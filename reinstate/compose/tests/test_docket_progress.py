"""The docket's page-at-once reading gives each case the same stage and readiness as the case
page's one-case reading (compose/journey.py): the two must never drift apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_approve_letter, do_save_letter, do_set_appeal
from reinstate.appeals.facts import first_draft
from reinstate.appeals.send_actions import do_mark_sent, do_record_decision
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.compose.docket_progress import progress_for_page
from reinstate.compose.journey import progress_and_readiness
from reinstate.testing import files
from reinstate.testing.appeal_samples import FLEX_LATE_WITH_REFERENCE, STRONG, identify
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import DISPUTE, FLEX_LATE

pytestmark = pytest.mark.django_db
SENT_AT = datetime.fromisoformat("2026-11-05T10:00:00-08:00")


def written(case: Case, *, approve: bool) -> Case:
    identify(case.owner)
    add_file(case, files.jpeg((800, 600)), "gate.jpg", description="The locked gate")
    add_file(case, files.pdf("Invoice 4411", pages=1), "invoice.pdf", description="Invoice")
    add_file(case, files.jpeg((600, 900), color=(40, 120, 60)), "entrance.jpg")
    do_set_appeal(case=case, data=STRONG, actor=case.owner)
    do_add_contact(
        case=case,
        actor=case.owner,
        channel="phone",
        direction="to_platform",
        at=datetime.fromisoformat("2026-11-03T10:05:00-08:00"),
        summary="Reported the locked gate",
        tickets=["SR-1"],
    )
    letter = do_save_letter(case=case, text=first_draft(case), actor=case.owner)
    if approve:
        do_approve_letter(letter=letter, actor=case.owner)
    return case


def test_a_page_at_once_reads_the_same_as_one_case_at_a_time(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    now = timezone.now()
    fresh = open_case(driver, FLEX_LATE)
    seen = open_case(other_driver, DISPUTE)
    seen.steps_seen = ["meaning", "deadline"]
    seen.save()
    drafted = written(open_case(driver, FLEX_LATE_WITH_REFERENCE), approve=False)
    approved = written(open_case(driver, FLEX_LATE_WITH_REFERENCE), approve=True)
    sent = written(open_case(driver, FLEX_LATE_WITH_REFERENCE), approve=True)
    do_mark_sent(case=sent, actor=driver, sent_at=SENT_AT, channel="email", now=now)
    decided = written(open_case(driver, FLEX_LATE_WITH_REFERENCE), approve=True)
    do_mark_sent(case=decided, actor=driver, sent_at=SENT_AT, channel="email", now=now)
    do_record_decision(
        case=decided, actor=driver, outcome="denied", decided_on=date(2026, 12, 1), now=now
    )
    closed = open_case(other_driver, DISPUTE)
    closed.status = Case.Status.CLOSED
    closed.save()
    cases = list(
        Case.objects.filter(
            pk__in=[c.pk for c in (fresh, seen, drafted, approved, sent, decided, closed)]
        ).select_related("owner")
    )
    at_once = progress_for_page(cases, now=now)
    stages = set()
    for case in cases:
        one = progress_and_readiness(case, now=now)
        assert at_once[case.pk] == one, case
        stages.add(at_once[case.pk][0])
    assert len(stages) >= 5  # the cases are at different points
