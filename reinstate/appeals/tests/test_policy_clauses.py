"""The explanation step offers the policy library's clauses for the case (quoted, with source,
day seen and version) instead of a bare "Terms of Service"; the chosen clause goes into the
letter as the policy in question, and a rule the driver wrote is never overwritten."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.appeals.facts import first_draft
from reinstate.appeals.queries import appeal_of
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

CHANGES = "amazon_flex.terms_of_service.changes_by_notice"
TIERS = "amazon_flex.succeed_blog.standing_tiers"


def url(case: Case) -> str:
    return reverse("appeals:step_wrong", args=[case.pk])


def dispute(case: Case) -> None:
    client_for(case.owner).post(
        reverse("appeals:step_happened", args=[case.pk]),
        {"stance": "dispute", "what_happened": "I was at the station on time."},
    )


def test_it_shows_the_clauses_for_the_case_with_their_source(case: Case) -> None:
    dispute(case)
    page = client_for(case.owner).get(url(case)).content.decode()
    # A late arrival (performance): the standing clause first, quoted in its own language.
    assert '<q lang="en">Most delivery partners have a Fantastic or Great standing.</q>' in page
    assert "the blog post of 26 Sep 2022, updated 12 Jun 2023" in page
    assert "Seen on 4 December 2026." in page
    assert 'href="https://aztest.hellowes.com/blog/how-to-succeed-as-a-delivery-partner"' in page
    # A summary says it is one.
    assert "Summary, not their exact words:" in page
    assert page.index(TIERS) < page.index(CHANGES)


def test_the_chosen_clause_goes_into_the_letter(case: Case) -> None:
    dispute(case)
    response = client_for(case.owner).post(url(case), {"clause": CHANGES, "policy_quote": ""})
    assert response.status_code == 302
    appeal = appeal_of(case)
    assert appeal.policy_quote.startswith(
        "by providing notice to you through the Amazon Flex app or otherwise (Amazon Flex Terms "
        "of Service, the 2016 terms, as quoted in Jackson v. Amazon (9th Cir. 2023); seen on "
        "4 December 2026 at https://lawprofessors.typepad.com/"
    )
    assert appeal.policies == ["amazon_flex.terms_of_service"]  # its document, ticked
    letter = first_draft(case)
    assert "The policy involved is Amazon Flex Terms of Service." in letter
    assert "by providing notice to you through the Amazon Flex app or otherwise" in letter
    # The page shows the clause chosen when it comes again.
    page = client_for(case.owner).get(url(case)).content.decode()
    assert f'value="{CHANGES}" checked' in page


def test_a_summary_is_marked_as_one_in_the_letter(case: Case) -> None:
    dispute(case)
    client_for(case.owner).post(url(case), {"clause": "amazon_flex.terms_of_service.arbitration"})
    quote = appeal_of(case).policy_quote
    assert quote.startswith("In summary, not its own words: Disputes go to binding arbitration")


def test_another_clause_replaces_the_one_chosen_before(case: Case) -> None:
    dispute(case)
    client = client_for(case.owner)
    client.post(url(case), {"clause": CHANGES})
    before = appeal_of(case).policy_quote
    client.post(url(case), {"clause": TIERS, "policy_quote": before})
    assert appeal_of(case).policy_quote.startswith("Most delivery partners have a Fantastic")


def test_it_keeps_the_drivers_own_words_and_asks_to_choose(case: Case) -> None:
    dispute(case)
    own = "Deliver every package to the door."
    response = client_for(case.owner).post(url(case), {"clause": CHANGES, "policy_quote": own})
    assert response.status_code == 400
    page = response.content.decode()
    assert "You chose a rule and also wrote one in the box below." in page
    assert own in page  # nothing typed is lost
    assert appeal_of(case).policy_quote == ""


def test_an_outsider_gets_404(case: Case, other_driver: User) -> None:
    client = client_for(other_driver)
    assert client.get(url(case)).status_code == 404
    assert client.post(url(case), {"clause": CHANGES}).status_code == 404
    assert appeal_of(case).policy_quote == ""
