"""The locker as step 5 of the guided path: where the driver is, the way on, and the folded
"When and where" section that still says what it found."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def locker(case: Case) -> str:
    return client_for(case.owner).get(reverse("evidence:locker", args=[case.pk])).content.decode()


def test_it_shows_the_step_and_one_way_on_that_missing_documents_do_not_block(case: Case) -> None:
    page = locker(case)
    assert "Step 5 of 11" in page
    assert "Back to the case" not in page  # the step header's "← Your case" replaces it
    assert reverse("appeals:step_happened", args=[case.pk]) in page.split('class="continue"')[1]
    assert "required documents still missing: you can add them later." in page


def test_it_says_nothing_is_missing_once_every_required_document_is_in(case: Case) -> None:
    case.checklist.filter(required=True).update(done=True)
    page = locker(case)
    assert "still missing" not in page.lower()
    assert "Continue: say what happened" in page


def test_the_folded_photo_section_says_how_many_are_flagged(case: Case) -> None:
    add_file(case, files.jpeg(), "door.jpg")
    summary = locker(case).split('<summary><h2 id="map-h">')[1].split("</summary>")[0]
    assert "1 photo, none flagged" in summary and "day not set" in summary

    # A day other than the photo's: the photo is flagged, and the summary says so.
    client_for(case.owner).post(reverse("evidence:day", args=[case.pk]), {"day": "2026-11-03"})
    summary = locker(case).split('<summary><h2 id="map-h">')[1].split("</summary>")[0]
    assert "1 item flagged" in summary and "day Tue 3 Nov" in summary


def test_saving_the_day_comes_back_to_the_section_it_was_saved_in(case: Case) -> None:
    url = reverse("evidence:day", args=[case.pk])
    response = client_for(case.owner).post(url, {"day": "2026-11-03"})
    assert response["Location"].endswith("#day-form")
