"""The appeal as a guided path (issue 11): a short page for each part, saving only its own
fields, leading to the next page as the driver's stance has it, and a page to check it all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.guided import PAGES, pages_for
from reinstate.appeals.inputs import AppealInput
from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, Record
from reinstate.testing.personas import client_for, clinic

pytestmark = pytest.mark.django_db


def url(case: Case, key: str) -> str:
    return reverse("appeals:check" if key == "check" else f"appeals:step_{key}", args=[case.pk])


def test_it_shows_each_page_with_where_the_driver_is(case: Case) -> None:
    client = client_for(case.owner)
    for key, page in PAGES.items():
        response = client.get(url(case, key))
        assert response.status_code == 200, key
        text = response.content.decode()
        assert f"Step {page.step} of 11" in text, key
        assert f"<h1>{page.heading}</h1>" in text, key


def test_an_outsider_gets_404_on_every_page(case: Case, other_driver: User) -> None:
    client = client_for(other_driver)
    for key in PAGES:
        assert client.get(url(case, key)).status_code == 404, key
    assert client.post(url(case, "record"), {"driving_since": "2020"}).status_code == 404
    autosave = reverse("appeals:step_autosave", args=[case.pk, "record"])
    assert client.post(autosave, {"driving_since": "2020"}).status_code == 404
    assert appeal_of(case).driving_since == ""


def test_a_page_saves_only_its_own_fields_and_goes_on(case: Case) -> None:
    policy = "amazon_flex.terms_of_service"
    kept = AppealInput(
        explanation=Explanation(policies=(policy,), acknowledgement="I was late."),
        record=Record(driving_since="March 2023"),
    )
    do_set_appeal(case=case, data=kept, actor=case.owner)
    response = client_for(case.owner).post(
        url(case, "happened"),
        {"stance": "acknowledge", "what_happened": "  The gate was locked. ", "context": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == url(case, "facts")
    appeal = appeal_of(case)
    assert appeal.what_happened == "The gate was locked."
    assert (appeal.policies, appeal.acknowledgement) == ([policy], "I was late.")
    assert appeal.driving_since == "March 2023"


def test_the_stance_chosen_decides_the_pages_that_follow(case: Case) -> None:
    client = client_for(case.owner)
    client.post(url(case, "happened"), {"stance": "dispute", "what_happened": "Not me."})
    page = client.get(url(case, "facts")).content.decode()
    assert f'href="{url(case, "wrong")}"' in page  # "Continue" goes to why it is wrong
    assert pages_for("dispute") == [
        "happened", "facts", "wrong", "record", "letter", "check", "send",
    ]  # fmt: skip
    assert pages_for("both")[2:6] == ["wrong", "accept", "actions", "checking"]
    response = client.post(
        url(case, "wrong"),
        {"policies": ["amazon_flex.terms_of_service"], "records_requested": "The GPS trace"},
    )
    assert response["Location"] == url(case, "record")
    appeal = appeal_of(case)
    assert (appeal.stance, appeal.records_requested) == ("dispute", "The GPS trace")


def test_the_causes_ticked_and_written_are_kept_together(case: Case) -> None:
    client = client_for(case.owner)
    page = client.get(url(case, "accept")).content.decode()
    assert "What caused it?" in page
    response = client.post(
        url(case, "accept"),
        {
            "acknowledgement": "I checked in late.",
            "root_causes": [],
            "other_causes": "A locked gate\n\nNo second route",
        },
    )
    assert response["Location"] == url(case, "actions")
    appeal = appeal_of(case)
    assert appeal.root_causes == ["A locked gate", "No second route"]
    assert appeal.acknowledgement == "I checked in late."


def test_bad_input_is_shown_on_the_page_and_nothing_changes(case: Case) -> None:
    client = client_for(case.owner)
    response = client.post(url(case, "record"), {"driving_since": "x" * 101})
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()
    response = client.post(url(case, "wrong"), {"policies": ["amazon_flex.no_such_policy"]})
    assert response.status_code == 400
    assert appeal_of(case).driving_since == ""
    assert appeal_of(case).policies == []


def test_autosave_stores_a_page_as_typed_and_refuses_pages_without_fields(case: Case) -> None:
    client = client_for(case.owner)
    autosave = reverse("appeals:step_autosave", args=[case.pk, "checking"])
    response = client.post(autosave, {"monitoring_metric": "on-time arrival"})
    assert response.status_code == 200
    assert "Saved at" in response.content.decode()
    assert appeal_of(case).monitoring_metric == "on-time arrival"
    for key in ("facts", "send", "nowhere"):
        assert client.post(reverse("appeals:step_autosave", args=[case.pk, key])).status_code == 404


def test_a_fact_added_on_its_page_comes_back_to_it(evidence: Case) -> None:
    client = client_for(evidence.owner)
    added = client.post(
        reverse("appeals:add_statement", args=[evidence.pk]),
        {"text": "The gate was locked at 10:02.", "exhibits": ["A"], "step": "facts"},
    )
    assert added["Location"] == url(evidence, "facts")
    refused = client.post(
        reverse("appeals:add_statement", args=[evidence.pk]), {"text": "", "step": "facts"}
    )
    assert refused.status_code == 400
    assert "<h1>The facts, and what shows them</h1>" in refused.content.decode()
    assert "(Exhibit A)" in client.get(url(evidence, "facts")).content.decode()


def test_the_check_page_links_each_finding_to_where_it_is_fixed(case: Case) -> None:
    page = client_for(case.owner).get(url(case, "check")).content.decode()
    assert "Not ready yet" in page
    assert f'href="{url(case, "facts")}">Fix it' in page  # no facts yet
    assert f'href="{url(case, "letter")}">Fix it' in page  # no approved letter
    assert "Your legal name" in page and "Not given" in page


def test_only_the_driver_is_sent_to_change_the_name_and_accounts(
    case: Case, advocate: User
) -> None:
    """That page is the viewer's own: an advocate following it would change their own name."""
    identity = reverse("accounts:identity")
    assert (
        f'href="{identity}?next=' in client_for(case.owner).get(url(case, "check")).content.decode()
    )
    case.organisation = clinic(advocate)
    case.save(update_fields=["organisation"])
    page = client_for(advocate).get(url(case, "check")).content.decode()
    assert "The driver&#x27;s legal name" in page and "Your legal name" not in page
    assert f'href="{identity}' not in page


def test_approving_on_the_check_page_comes_back_to_it_and_on_to_sending(evidence: Case) -> None:
    client = client_for(evidence.owner)
    client.post(reverse("appeals:draft_letter", args=[evidence.pk]), {"step": "letter"})
    page = client.get(url(evidence, "check")).content.decode()
    assert "Approve version 1" in page
    # The finding points down this page, where the letter is approved, and the support log
    # finding says what to do there.
    assert 'href="#approve-h">Approve it below' in page
    assert ">Log a contact<" in page
    assert f'href="{url(evidence, "send")}"' not in page  # approve first
    approve = reverse("appeals:approve_letter", args=[evidence.pk, 1])
    assert client.post(approve, {"step": "check"})["Location"] == url(evidence, "check")
    page = client.get(url(evidence, "check")).content.decode()
    assert f'href="{url(evidence, "send")}">Continue: send it' in page


def test_the_send_page_says_where_the_appeal_goes_with_how_sure(case: Case) -> None:
    page = client_for(case.owner).get(url(case, "send")).content.decode()
    assert "Appeal form linked from the deactivation email" in page
    assert "How sure: reported" in page
    assert "Approve your letter first" in page
