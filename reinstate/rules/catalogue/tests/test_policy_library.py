"""The policy library (policies.toml): each platform's documents and the clauses for each reason,
quoted or summarised, with source, date seen and version; a broken file is refused by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reinstate.rules.catalogue.files import CatalogueError, load_catalogue
from reinstate.rules.catalogue.policies import FILE, load_policies
from reinstate.rules.catalogue.translations import translations
from reinstate.testing.catalogue import edit


def test_it_lists_documents_for_the_main_platforms():
    library = load_policies()
    for platform in ("amazon_flex", "doordash", "uber", "lyft", "instacart"):
        documents = library.for_platform(platform)
        assert documents, platform
        assert all(d.title and d.publisher for d in documents)


def test_it_gives_flex_clauses_for_missing_packages_quoted_with_their_source():
    clauses = load_policies().clauses_for("amazon_flex", "delivery_disputes")
    first = clauses[0]
    assert first.ref == "amazon_flex.terms_of_service.missing_packages"
    assert first.quote is not None and first.quote.startswith("If customers repeatedly report")
    assert first.source.startswith("https://www.ktnv.com/")
    assert "2018" in first.version
    # Clauses for any reason come after the reason's own.
    assert [c.key for c in clauses[1:]] == ["changes_by_notice", "arbitration"]


def test_it_marks_summaries_apart_from_quotes():
    clause = load_policies().clause("amazon_flex.terms_of_service.arbitration")
    assert not clause.is_quote
    assert clause.summary is not None and "arbitration" in clause.summary


def test_it_names_only_reasons_the_catalogue_has():
    reasons = set(load_catalogue().reasons) | {"any"}
    for document in load_policies().documents.values():
        for clause in document.clauses:
            assert set(clause.reasons) <= reasons, clause.ref


def test_it_fetches_only_documents_with_a_public_page():
    library = load_policies()
    assert library.document("amazon_flex.terms_of_service").url is None
    fetchable = library.fetchable("doordash")
    assert [d.key for d in fetchable] == ["deactivation_policy", "lateness", "fair_enforcement"]


def test_it_gives_the_spanish_of_summaries_and_versions_but_never_of_quotes():
    pairs = translations("es")
    library = load_policies()
    summary = library.clause("instacart.shopper_guidelines.suspended_while_investigating")
    spanish = "Instacart puede suspender una cuenta mientras investiga."
    assert pairs[summary.summary or ""] == spanish
    quote = library.clause("lyft.appealing_permanent_deactivations.one_appeal").quote
    assert quote not in pairs


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packaged = resources.files("reinstate.catalogue")
    (tmp_path / FILE).write_text(packaged.joinpath(FILE).read_text(encoding="utf-8"))
    return tmp_path


def test_it_refuses_a_clause_with_both_a_quote_and_a_summary(folder: Path):
    edit(
        folder / FILE,
        'summary = "Instacart may suspend',
        'quote = "x"\nsummary = "Instacart may suspend',
    )
    with pytest.raises(CatalogueError, match=r"policies\.toml: .*needs `quote`.*not both"):
        load_policies(folder)


def test_it_refuses_a_reason_it_does_not_know(folder: Path):
    edit(folder / FILE, 'reasons = ["unauthorized_tools"]', 'reasons = ["bots"]')
    with pytest.raises(CatalogueError, match=r"`reasons` has 'bots'"):
        load_policies(folder)


def test_it_refuses_a_summary_without_its_spanish(folder: Path):
    spanish = 'es.summary = "Instacart puede suspender una cuenta mientras investiga."'
    edit(folder / FILE, spanish, "")
    with pytest.raises(CatalogueError, match=r"has no es text for `summary`"):
        load_policies(folder)


def test_it_refuses_an_unknown_platform(folder: Path):
    (folder / FILE).write_text(
        (folder / FILE).read_text().replace("[instacart.", "[shopify.", 1), encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match=r"\[shopify\] is not a platform"):
        load_policies(folder)
