"""A case late to the station (performance), its evidence, and a strong appeal for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from pytest_django.fixtures import Settings

from reinstate.accounts.models import PlatformAccount, User
from reinstate.appeals.actions import do_approve_letter, do_save_letter, do_set_appeal
from reinstate.appeals.facts import first_draft
from reinstate.appeals.send_actions import do_mark_sent, do_record_decision
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.testing import files
from reinstate.testing.appeal_samples import FLEX_LATE_WITH_REFERENCE, STRONG, identify
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import GRUBHUB_CHECK


@pytest.fixture(autouse=True)
def build_inline(settings: Settings) -> None:
    """Packets build in the request, so a test sees the built file."""
    settings.REINSTATE_BUILD_INLINE = True


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE_WITH_REFERENCE)


@pytest.fixture
def evidence(case: Case) -> Case:
    """A: a photo of the gate; B: a 3-page repair invoice; C: an upright photo."""
    add_file(case, files.jpeg((1200, 900)), "gate.jpg", description="The locked gate")
    add_file(case, files.pdf("Invoice 4411", pages=3), "invoice.pdf", description="Repair invoice")
    add_file(case, files.jpeg((600, 900), color=(40, 120, 60)), "entrance.jpg")
    for item in case.checklist.filter(required=True):
        item.done = True
        item.save()
    return case


@pytest.fixture
def ready_case(evidence: Case) -> Case:
    """The strong appeal, the driver's legal name and account, a support contact, and an
    approved letter."""
    identify(evidence.owner)
    do_set_appeal(case=evidence, data=STRONG, actor=evidence.owner)
    do_add_contact(
        case=evidence,
        actor=evidence.owner,
        channel="phone",
        direction="to_platform",
        at=datetime.fromisoformat("2026-11-03T10:05:00-08:00"),
        summary="Reported the locked gate at DLA7",
        tickets=["SR-20931"],
    )
    letter = do_save_letter(case=evidence, text=first_draft(evidence), actor=evidence.owner)
    do_approve_letter(letter=letter, actor=evidence.owner)
    return evidence


DENIED_AT = datetime.fromisoformat("2026-12-04T12:00:00-08:00")


DECIDED_ON = date(2026, 12, 1)


def denied(case: Case, *, on: date = DECIDED_ON) -> Case:
    do_mark_sent(
        case=case,
        actor=case.owner,
        sent_at=datetime.fromisoformat("2026-11-05T10:00:00-08:00"),
        channel="email",
        now=DENIED_AT,
    )
    do_record_decision(case=case, actor=case.owner, outcome="denied", decided_on=on, now=DENIED_AT)
    return case


@pytest.fixture
def seattle_case(driver: User, open_case: Callable[..., Case]) -> Case:
    """Dana, now in Seattle, deactivated by Grubhub over a background check, appeal denied."""
    driver.state, driver.city, driver.legal_name = "WA", "Seattle", "Dana Reyes"
    driver.save()
    PlatformAccount.objects.create(user=driver, platform="grubhub", identifier="dana@example.com")
    case = open_case(driver, GRUBHUB_CHECK)
    case.platform, case.reason = "grubhub", "background_check"
    case.save()
    return denied(case)
