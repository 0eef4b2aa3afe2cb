"""The case page is a short overview: the next step, the deadline in a line, then one line per
part of the case linking to its page; the rest (checklist ticks, the notice as read, sharing,
closing) is still there, folded."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.inputs import AppealInput
from reinstate.cases.actions import do_mark_step_seen, do_set_case_status
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.evidence.actions import do_add_evidence
from reinstate.rules.appeal.shape import Explanation
from reinstate.testing import files
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE, received=(timezone.now() - timedelta(days=1)).isoformat())


def overview(user: User, case: Case) -> str:
    response = client_for(user).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    return str(response.content.decode())


def row(page: str, href: str) -> str:
    """The text of the "Your case" line that links to href, tags taken out."""
    start = page.index(f'<li><a href="{href}">', page.index('id="parts-h"'))
    return " ".join(re.sub(r"<[^>]+>", " ", page[start : page.index("</li>", start)]).split())


def test_it_lists_each_part_of_the_case_with_where_it_stands(driver: User, case: Case) -> None:
    page = overview(driver, case)
    pk = case.pk
    assert row(page, "#notice-h") == "The notice Reliability, lateness or ratings"
    assert row(page, reverse("cases:received", args=[pk])).startswith("When it arrived ")
    assert row(page, reverse("cases:meaning", args=[pk])) == "What the notice means To read"
    assert row(page, reverse("cases:deadline", args=[pk])) == "Deadline and plan To read"
    missing = case.checklist.filter(required=True, done=False).count()
    assert row(page, reverse("evidence:locker", args=[pk])) == (
        f"Documents and evidence {missing} missing · 0 items"
    )
    assert row(page, reverse("comms:log", args=[pk])) == "Support log Nothing logged"
    assert re.fullmatch(
        r"Your appeal Readiness \d+ of 100 · \d+ to fix",
        row(page, reverse("appeals:detail", args=[pk])),
    )


def test_the_lines_follow_the_case(driver: User, case: Case) -> None:
    do_mark_step_seen(case=case, step="meaning", actor=driver)
    explanation = Explanation(what_happened="The gate was locked, so I arrived at 10:17.")
    do_set_appeal(case=case, data=AppealInput(explanation=explanation), actor=driver)
    do_add_evidence(case=case, actor=driver, source=io.BytesIO(files.jpeg()), filename="gate.jpg")
    do_add_contact(
        case=case,
        actor=driver,
        channel="phone",
        direction="to_platform",
        at=timezone.now() - timedelta(hours=2),
        summary="Asked for the exact reason",
    )
    page = overview(driver, case)
    assert row(page, reverse("cases:meaning", args=[case.pk])).endswith("✓ Read")
    assert row(page, reverse("cases:deadline", args=[case.pk])).endswith("To read")
    assert row(page, reverse("evidence:locker", args=[case.pk])).endswith("· 1 item")
    last = (timezone.now() - timedelta(hours=2)).astimezone(case.tz)
    support = row(page, reverse("comms:log", args=[case.pk]))
    assert support.startswith(
        f"Support log 1 contact with support · last {last:%a} {last.day} {last:%b}, "
    )
    assert "Waiting for support's answer" in support  # the follow-up, under its line
    assert re.fullmatch(
        r"Your appeal Readiness \d+ of 100 · \d+ to fix",
        row(page, reverse("appeals:detail", args=[case.pk])),
    )


def test_it_puts_the_deadline_in_one_line_linking_to_its_page(driver: User, case: Case) -> None:
    page = overview(driver, case)
    line = page[
        page.index('<p class="deadline-line') : page.index("</p>", page.index("deadline-line"))
    ]
    assert case.deadline is not None
    assert case.deadline.astimezone(case.tz).strftime("%a %-d %b") in line
    assert "left" in line
    assert reverse("cases:deadline", args=[case.pk]) in line
    # The full card, the plan and the law are on their own pages now.
    for moved in ('id="deadline-h"', 'id="plan-h"', 'id="law-h"', 'id="what-h"'):
        assert moved not in page


def test_it_keeps_the_checklist_the_notice_sharing_and_closing_folded(
    driver: User, case: Case
) -> None:
    page = overview(driver, case)
    for fold in ('id="docs-h"', 'id="notice-h"', 'id="share-h"', 'id="end-h"'):
        summary = page.rindex("<summary>", 0, page.index(fold))
        assert page.index("</summary>", summary) > page.index(fold), fold
    item = case.checklist.filter(done=False).first()
    assert item is not None
    assert reverse("cases:checklist_item", args=[case.pk, item.pk]) in page
    assert "you gave this when you opened the case" in page
    assert reverse("cases:share", args=[case.pk]) in page
    assert reverse("cases:status", args=[case.pk]) in page
    assert reverse("cases:outcome", args=[case.pk]) in page
    assert reverse("cases:correct", args=[case.pk]) in page
    # The "Next" card stays first, as it was.
    assert page.index('class="card next-step"') < page.index('id="parts-h"')


def test_a_closed_case_says_how_it_ended_and_drops_the_deadline_line(
    driver: User, case: Case
) -> None:
    do_set_case_status(case=case, actor=driver, status=Case.Status.CLOSED)
    page = overview(driver, case)
    assert "deadline-line" not in page and "no longer apply" in page
    assert "Reopen this case" in page
    assert page.index('id="end-h"') < page.index('id="parts-h"')
