"""The appeal's sections are stored as the driver types (issue 11): the page's script posts one
section to its autosave address, which stores it through the same action as its Save button."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.appeals.queries import appeal_of
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent as Event
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def autosave(case: Case, section: str) -> str:
    return reverse("appeals:autosave", args=[case.pk, section])


def test_it_stores_a_section_as_typed_and_audits_it(case: Case) -> None:
    client = client_for(case.owner)
    response = client.post(
        autosave(case, "explanation"),
        {"stance": "acknowledge", "what_happened": "  The gate was locked.  "},
    )
    assert response.status_code == 200
    assert "Saved at" in response.content.decode()
    assert appeal_of(case).what_happened == "The gate was locked."
    event = Event.objects.filter(kind=EventKind.APPEAL_SET).latest("seq")
    assert (event.actor, event.case_id_ref, event.data) == (
        case.owner, case.pk, {"sections": ["explanation"]},
    )  # fmt: skip


def test_it_stores_the_plan_and_the_record_and_leaves_the_rest(case: Case) -> None:
    client = client_for(case.owner)
    client.post(autosave(case, "explanation"), {"stance": "dispute", "what_happened": "Mine."})
    plan = client.post(autosave(case, "plan"), {"commitment": "Leave earlier."})
    record = client.post(autosave(case, "record"), {"driving_since": "March 2023"})
    assert (plan.status_code, record.status_code) == (200, 200)
    appeal = appeal_of(case)
    assert (appeal.what_happened, appeal.commitment, appeal.driving_since) == (
        "Mine.", "Leave earlier.", "March 2023",
    )  # fmt: skip


def test_it_says_what_to_fix_and_stores_nothing(case: Case) -> None:
    before = Event.objects.count()
    response = client_for(case.owner).post(autosave(case, "record"), {"driving_since": "x" * 101})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Not saved yet." in text
    assert "On the platform since: Ensure this value has at most 100 characters" in text
    assert appeal_of(case).driving_since == ""
    assert Event.objects.count() == before


def test_it_knows_only_the_sections_that_save_as_typed(case: Case) -> None:
    client = client_for(case.owner)
    assert client.post(autosave(case, "letter"), {"text": "Hello"}).status_code == 404


def test_an_outsider_gets_404_and_changes_nothing(case: Case, other_driver: User) -> None:
    before = Event.objects.count()
    response = client_for(other_driver).post(
        autosave(case, "explanation"), {"stance": "dispute", "what_happened": "Not mine."}
    )
    assert response.status_code == 404
    assert appeal_of(case).what_happened != "Not mine."
    assert Event.objects.count() == before


def test_it_wants_a_post_from_someone_signed_in(case: Case) -> None:
    assert client_for(case.owner).get(autosave(case, "plan")).status_code == 405
    response = Client().post(autosave(case, "plan"), {"commitment": "x"})
    assert response.status_code == 302
