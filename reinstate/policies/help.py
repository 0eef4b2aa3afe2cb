"""The /help/ page: the questions and answers of catalogue/faq.toml, in the reader's language,
one question per section with its stable anchor (other pages link to /help/#<anchor>). Public:
a driver who has not signed up yet needs it most."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from reinstate.lib.page_context import page_context
from reinstate.rules.catalogue.faq import load_faq


@dataclass(frozen=True)
class Answer:
    anchor: str
    question: str
    paragraphs: list[str]
    sources: list[str]


@dataclass(frozen=True)
class HelpPage:
    answers: list[Answer]
    query: str
    total: int


def help_page(query: str = "") -> HelpPage:
    """Every question, or those whose words (in the reader's language) hold every word asked."""
    words = query.casefold().split()
    answers = []
    questions = load_faq().questions
    for question in questions:
        answer = Answer(
            anchor=question.anchor,
            question=_(question.question),
            paragraphs=[_(p) for p in question.answer],
            sources=list(question.sources),
        )
        text = " ".join([answer.question, *answer.paragraphs, answer.anchor]).casefold()
        if all(word in text for word in words):
            answers.append(answer)
    return HelpPage(answers=answers, query=query.strip(), total=len(questions))


@require_GET
def help_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    return render(request, "policies/help.html", page_context(help_page(query)))
