"""The /help/ page: every question with its stable anchor, in English and Spanish, open to
anyone, searchable; and the pages that link to it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.rules.catalogue.faq import load_faq
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

ANCHORS = (
    "what-deactivation-means", "how-long-to-appeal", "what-to-collect", "what-to-say",
    "what-not-to-say", "no-reason-given", "if-denied", "arbitration", "background-check",
    "expired-documents", "healthy-metrics", "policy-changes", "get-help",
)  # fmt: skip


def test_it_answers_every_question_with_its_anchor_without_signing_in() -> None:
    response = Client().get(reverse("help"))
    assert response.status_code == 200
    page = response.content.decode()
    for anchor in ANCHORS:
        assert f'<section id="{anchor}"' in page, anchor
        assert f'href="#{anchor}"' in page, anchor
    assert "How long do I have to appeal?" in page
    assert 'href="https://help.doordash.com/en-us/dashers/article/' in page  # its sources


def test_it_keeps_every_anchor_other_pages_link_to() -> None:
    assert [q.anchor for q in load_faq().questions] == list(ANCHORS)


def test_it_speaks_spanish() -> None:
    page = Client(headers={"accept-language": "es"}).get(reverse("help")).content.decode()
    assert "¿Cuánto tiempo tengo para apelar?" in page
    assert "Preguntas y respuestas" in page
    assert "How long do I have to appeal?" not in page


def test_it_finds_the_questions_with_a_word() -> None:
    page = Client().get(reverse("help"), {"q": "Checkr"}).content.decode()
    assert '<section id="background-check"' in page
    assert '<section id="arbitration"' not in page
    assert "1 answer with “Checkr”." in page


def test_the_deadline_and_the_appeal_pages_link_to_their_answers(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(driver)
    help_url = reverse("help")
    deadline = client.get(reverse("cases:deadline", args=[case.pk])).content.decode()
    assert f'href="{help_url}#how-long-to-appeal"' in deadline
    assert f'href="{help_url}#what-to-collect"' in deadline
    overview = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert f'href="{help_url}#what-to-collect"' in overview  # the checklist
    actions = client.get(reverse("appeals:step_actions", args=[case.pk])).content.decode()
    assert f'href="{help_url}#what-to-say"' in actions


def test_an_outsider_gets_404_on_the_pages_that_link_here(
    driver: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    client = client_for(other_driver)
    assert client.get(reverse("cases:deadline", args=[case.pk])).status_code == 404
    assert client.get(reverse("appeals:step_actions", args=[case.pk])).status_code == 404
