"""The notice is in the case from the start: the checklist does not ask for it as missing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.actions import do_correct_reading
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_json, case_page
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_notice_is_collected_when_the_case_opens(
    driver: User, open_case: Callable[..., Case]
) -> None:
    from django.utils import timezone

    case = open_case(driver, FLEX_LATE)
    notice = case.checklist.get(key="notice_copy")
    assert notice.required and notice.done
    page = case_page(case, now=timezone.now())
    required = {row.item.key: row for row in page.checklist_required}
    assert required["notice_copy"].collected and required["notice_copy"].given_with_case
    assert page.checklist_missing == sum(
        1 for row in page.checklist_required if row.item.key != "notice_copy"
    )
    shown = {c["key"]: c for c in case_json(case, now=timezone.now())["checklist"]}
    assert shown["notice_copy"]["done"] and shown["notice_copy"]["given_with_case"]
    html = client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "you gave this when you opened the case" in html


def test_the_notice_is_collected_when_a_correction_brings_a_checklist(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    case.checklist.all().delete()  # as a case whose reason had no checklist
    do_correct_reading(
        case=case,
        actor=driver,
        platform=case.platform,
        kind=case.kind,
        reason="delivery_disputes",
        stated_deadline=case.stated_deadline,
    )
    assert case.checklist.get(key="notice_copy").done


def test_an_outsider_gets_404(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    item = case.checklist.get(key="notice_copy")
    client = client_for(other_driver)
    url = reverse("cases:checklist_item", args=[case.pk, item.pk])
    assert client.post(url, {"done": "0"}).status_code == 404
    item.refresh_from_db()
    assert item.done
