"""The questions of the /help/ page (faq.toml): each with a stable anchor, sources and its
Spanish; a broken file is refused by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reinstate.rules.catalogue.faq import FILE, load_faq
from reinstate.rules.catalogue.files import CatalogueError
from reinstate.rules.catalogue.translations import translations
from reinstate.testing.catalogue import edit


def test_it_has_at_least_ten_questions_each_with_sources():
    questions = load_faq().questions
    assert len(questions) >= 10
    for question in questions:
        assert question.answer and question.sources, question.anchor


def test_every_text_has_its_spanish():
    pairs = translations("es")
    for question in load_faq().questions:
        assert question.question in pairs
        assert all(paragraph in pairs for paragraph in question.answer)
    assert pairs["What is arbitration?"] == "¿Qué es el arbitraje?"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packaged = resources.files("reinstate.catalogue")
    (tmp_path / FILE).write_text(packaged.joinpath(FILE).read_text(encoding="utf-8"))
    return tmp_path


def test_it_refuses_an_anchor_used_twice(folder: Path):
    edit(folder / FILE, 'anchor = "what-to-say"', 'anchor = "what-to-collect"')
    with pytest.raises(CatalogueError, match="the anchor 'what-to-collect' is used twice"):
        load_faq(folder)


def test_it_refuses_an_anchor_that_is_not_a_plain_link(folder: Path):
    edit(folder / FILE, 'anchor = "what-to-say"', 'anchor = "What to say"')
    with pytest.raises(CatalogueError, match="`anchor` must be lower-case words"):
        load_faq(folder)


def test_it_refuses_an_answer_without_a_source(folder: Path):
    edit(
        folder / FILE,
        'sources = [\n  "https://lawprofessors.typepad.com',
        'sources = [\n  "our notes',
    )
    with pytest.raises(CatalogueError, match="`sources` must list the web pages"):
        load_faq(folder)
