from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import CaseInputError, do_open_case
from reinstate.cases.models import Case
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db
LA = ZoneInfo("America/Los_Angeles")


def test_it_opens_a_case_with_the_notice_deadline(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    assert (case.platform, case.kind, case.reason) == (
        "amazon_flex",
        "deactivation",
        "performance_metrics",
    )
    assert case.deadline == datetime(2026, 11, 12, 16, 0, tzinfo=LA)
    assert case.deadline_source == "notice"
    assert not case.deadline_is_default
    assert "10 calendar days" in case.stated_deadline_words
    event = AuditEvent.objects.get(kind="case.opened")
    assert event.case_id_ref == case.pk
    assert event.actor == driver
    assert event.data["deadline_source"] == "notice"


def test_it_builds_the_checklist_for_the_reason(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    items = list(case.checklist.all())
    assert items, "a performance case needs documents"
    assert any(item.required for item in items)
    assert all(item.why for item in items)


def test_it_falls_back_to_the_platform_default_and_says_so(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(
        driver,
        "Our systems detected that a third-party app was used to accept delivery blocks on your "
        "Amazon Flex account. Your account has been deactivated.",
    )
    assert case.stated_deadline is None
    assert case.deadline_source == "platform"
    assert case.deadline_is_default
    assert case.ask_support_to_confirm
    assert case.deadline == datetime(2026, 11, 12, 16, 0, tzinfo=LA)  # 10 calendar days, reported


def test_it_refuses_a_received_time_in_the_future(driver: User) -> None:
    with pytest.raises(CaseInputError, match="future"):
        do_open_case(
            owner=driver,
            notice=notice_from_text(FLEX_LATE),
            received=datetime(2030, 1, 1, tzinfo=LA),
            tz=LA,
        )
    assert not Case.objects.exists()
    assert not AuditEvent.objects.filter(kind="case.opened").exists()


def test_it_refuses_an_unknown_platform(driver: User) -> None:
    with pytest.raises(CaseInputError, match="platform"):
        do_open_case(
            owner=driver,
            notice=notice_from_text(FLEX_LATE),
            received=datetime(2026, 11, 2, tzinfo=LA),
            tz=LA,
            platform_hint="myspace",
        )
    assert not Case.objects.exists()


def test_the_chosen_platform_wins_over_the_reading(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(
        driver,
        "Your account has been deactivated for violating our Terms of Service.",
        platform_hint="shipt",
    )
    assert case.platform == "shipt"
