"""The record of good standing drafted from the driver's blocks: only what they hold, with the
period they cover; nothing without blocks; the driver edits it before it goes into the appeal."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_set_appeal, do_set_letter_language
from reinstate.appeals.facts import appeal_sections
from reinstate.appeals.inputs import AppealInput
from reinstate.appeals.queries import appeal_of
from reinstate.cases.actions import do_share_case
from reinstate.cases.models import Case
from reinstate.health.actions import do_record_block
from reinstate.records.good_standing import draft_for
from reinstate.rules.appeal.shape import Record as GoodStanding
from reinstate.testing.blocks import LA, flex_block
from reinstate.testing.personas import client_for, clinic

pytestmark = pytest.mark.django_db

FLEX = "amazon_flex"


def _blocks(driver: User) -> None:
    def at(day: str) -> datetime:
        return datetime.fromisoformat(f"{day}T08:00").replace(tzinfo=LA)

    for day, late_by, late_deliveries in (
        ("2026-03-02", -10, 0),
        ("2026-06-10", -5, 3),
        ("2026-10-20", 20, 0),
    ):
        block = flex_block(at(day), late_by=late_by, late_deliveries=late_deliveries)
        do_record_block(owner=driver, platform=FLEX, record=block)
    do_record_block(
        owner=driver, platform=FLEX, record=flex_block(at("2026-10-25"), status="no_show")
    )


def test_it_drafts_only_what_the_blocks_hold_with_their_period(driver: User, case: Case) -> None:
    _blocks(driver)
    found = draft_for(case)
    assert found is not None
    facts, draft = found
    assert (facts.blocks, facts.completed, facts.with_arrival, facts.on_time) == (4, 3, 3, 2)
    assert draft.driving_since == "2 March 2026 (my first recorded block)"
    assert draft.work_completed == "3 blocks completed between 2 March 2026 and 25 October 2026"
    assert draft.metrics.splitlines() == [
        "Arrived on time for 67% of 3 completed blocks with a recorded check-in time "
        "(2 March 2026 to 25 October 2026).",
        "97% of 90 packages delivered on time (2 March 2026 to 25 October 2026).",
    ]


def test_it_drafts_nothing_without_blocks(driver: User, case: Case) -> None:
    assert draft_for(case) is None
    page = client_for(driver).get(reverse("records:good_standing_hint", args=[case.pk]))
    assert page.status_code == 200 and page.content.decode().strip() == ""
    draft = client_for(driver).get(reverse("records:good_standing", args=[case.pk]))
    assert "nothing to draft from" in draft.content.decode()


def test_it_is_written_in_the_letters_language(driver: User, case: Case) -> None:
    _blocks(driver)
    do_set_letter_language(case=case, language="es", actor=driver)
    found = draft_for(case)
    assert found is not None
    assert found[1].work_completed.startswith("3 bloques completados")


def test_the_driver_edits_the_draft_before_it_is_saved(driver: User, case: Case) -> None:
    _blocks(driver)
    do_set_appeal(
        case=case,
        data=AppealInput(record=GoodStanding(metrics="Fantastic", positive_feedback="Thanks!")),
        actor=driver,
    )
    client = client_for(driver)
    hint = client.get(reverse("records:good_standing_hint", args=[case.pk])).content.decode()
    assert "3 completed blocks" in hint
    page = client.get(reverse("records:good_standing", args=[case.pk])).content.decode()
    assert "Saving replaces what you wrote before" in page and "Fantastic" in page
    assert "3 blocks completed between" in page
    response = client.post(
        reverse("records:good_standing", args=[case.pk]),
        {
            "driving_since": "March 2026",
            "work_completed": "3 blocks completed between 2 March 2026 and 25 October 2026",
            "metrics": "Fantastic standing",
            "positive_feedback": "Thanks!",
        },
    )
    assert response.status_code == 302
    record = appeal_sections(appeal_of(case)).record
    assert record.driving_since == "March 2026" and record.metrics == "Fantastic standing"
    assert record.positive_feedback == "Thanks!"


def test_the_appeal_page_asks_for_the_hint(driver: User, case: Case) -> None:
    page = client_for(driver).get(reverse("appeals:detail", args=[case.pk])).content.decode()
    assert reverse("records:good_standing_hint", args=[case.pk]) in page


def test_health_numbers_stay_the_drivers(
    driver: User, advocate: User, other_driver: User, case: Case
) -> None:
    _blocks(driver)
    do_share_case(case=case, actor=driver, invite_code=clinic(advocate).invite_code)
    ada = client_for(advocate)
    assert ada.get(reverse("records:good_standing_hint", args=[case.pk])).content.strip() == b""
    assert ada.get(reverse("records:good_standing", args=[case.pk])).status_code == 404
    omar = client_for(other_driver)
    for name in ("records:good_standing_hint", "records:good_standing"):
        assert omar.get(reverse(name, args=[case.pk])).status_code == 404, name
    assert omar.post(reverse("records:good_standing", args=[case.pk]), {}).status_code == 404
