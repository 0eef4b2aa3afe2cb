"""Every text of the catalogue a driver reads has its Spanish beside it, checked on loading."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reinstate.rules.catalogue.files import (
    FILES,
    TRANSLATED_FILES,
    CatalogueError,
    load_catalogue,
)
from reinstate.rules.catalogue.options import FILE as OPTIONS_FILE
from reinstate.rules.catalogue.options import OptionsCatalogue, load_options
from reinstate.rules.catalogue.translations import translations
from reinstate.rules.catalogue.types import Catalogue, Channel, Fact, Window
from reinstate.testing.catalogue import copy_catalogue, edit


def driver_texts(catalogue: Catalogue) -> list[tuple[str, str]]:
    """(where, English) for every text a page of the app may show from the main catalogue."""
    texts: list[tuple[str, str]] = []

    def window(where: str, w: Window) -> None:
        texts.append((f"{where} label", w.label))
        if w.note:
            texts.append((f"{where} note", w.note))

    def channel(where: str, c: Channel) -> None:
        texts.extend([(f"{where} name", c.name), (f"{where} how", c.how)])
        if c.note:
            texts.append((f"{where} note", c.note))
        for f in c.facts:
            fact(f"{where} {f.key}", f)

    def fact(where: str, f: Fact) -> None:
        texts.append((where, f.text))
        if f.note:
            texts.append((f"{where} note", f.note))

    window("generic_window", catalogue.generic_window)
    for kind in catalogue.kinds.values():
        texts += [(f"{kind.key} title", kind.title), (f"{kind.key} description", kind.description)]
        if kind.no_deadline_rule:
            texts.append((f"{kind.key} no_deadline_rule", kind.no_deadline_rule))
    for r in catalogue.reasons.values():
        texts += [(f"{r.key} title", r.title), (f"{r.key} explanation", r.explanation)]
        for field in ("appeal_must_show", "corrective_actions", "root_causes"):
            texts += [(f"{r.key} {field}", text) for text in getattr(r, field)]
        for d in r.documents:
            texts += [(f"{r.key} {d.key} title", d.title), (f"{r.key} {d.key} why", d.why)]
    for p in catalogue.platforms.values():
        if p.note:
            texts.append((f"{p.key} note", p.note))
        channel(f"{p.key} appeal_channel", p.appeal_channel)
        for i, c in enumerate((*p.support, *p.escalation)):
            channel(f"{p.key} channel[{i}]", c)
        window(f"{p.key} appeal_window", p.appeal_window)
        window(f"{p.key} review_time", p.review_time)
        for i, w in enumerate(p.windows):
            window(f"{p.key} windows[{i}]", w)
        for policy in p.policies:
            texts.append((f"{policy.ref} title", policy.title))
            if policy.note:
                texts.append((f"{policy.ref} note", policy.note))
        for m in p.metrics:
            texts += [(f"{p.key} {m.key} title", m.title), (f"{p.key} {m.key}", m.description)]
            if m.note:
                texts.append((f"{p.key} {m.key} note", m.note))
    for law in catalogue.laws.values():
        texts += [(f"{law.key} name", law.name), (f"{law.key} place", law.place)]
        texts.append((f"{law.key} summary", law.summary))
        if law.note:
            texts.append((f"{law.key} note", law.note))
        for i, w in enumerate(law.driver_windows):
            window(f"{law.key} window[{i}]", w)
        for i, c in enumerate(law.contacts):
            channel(f"{law.key} contact[{i}]", c)
        for f in law.facts:
            fact(f"{law.key} {f.key}", f)
    return texts


def option_texts(options: OptionsCatalogue) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for c in options.clocks.values():
        texts += [
            (f"{c.key} {field}", getattr(c, field)) for field in ("title", "who", "how", "rule")
        ]
        if c.note:
            texts.append((f"{c.key} note", c.note))
    for a in options.arbitration.values():
        texts.append((f"{a.platform} provider", a.provider))
        for f in (a.clause, a.opt_out, a.filing, a.fee):
            if f is not None:
                texts.append((f"{a.platform} {f.key}", f.text))
                if f.note:
                    texts.append((f"{a.platform} {f.key} note", f.note))
    for r in options.regulators.values():
        texts += [(f"{r.law} {field}", getattr(r, field)) for field in ("who", "how", "clock")]
        if r.note:
            texts.append((f"{r.law} note", r.note))
    for h in options.help:
        texts += [(f"{h.name} name", h.name), (f"{h.name} how", h.how)]
        if h.note:
            texts.append((f"{h.name} note", h.note))
    return texts


def test_it_has_every_driver_facing_text_in_spanish():
    spanish = load_catalogue().translations("es")
    texts = driver_texts(load_catalogue())
    assert len(texts) > 400
    missing = [where for where, english in texts if not spanish.get(english, "").strip()]
    assert not missing


def test_it_has_every_options_text_in_spanish():
    spanish = load_options().translations("es")
    missing = [where for where, english in option_texts(load_options()) if not spanish.get(english)]
    assert not missing


def test_it_checks_every_catalogue_file_strictly():
    """Every file with driver-facing texts is translated, so each is checked in full."""
    assert {*FILES, OPTIONS_FILE, "faq.toml", "policies.toml"} == TRANSLATED_FILES


def test_it_gives_no_translation_for_english():
    assert dict(load_catalogue().translations("en")) == {}


def test_it_gives_every_pair_of_every_file():
    pairs = translations("es")
    assert pairs["Suspected fraud"] == "Sospecha de fraude"
    assert pairs["Account deactivated"] == "Cuenta desactivada"
    assert pairs["Dispute the background report"] == "Disputar el informe de antecedentes"
    assert pairs["Reliability"] == "Confiabilidad (Reliability)"
    # The same text in two files (a law's contact, a legal help) is one pair.
    assert pairs["Mass Driver Action Network"] == "Mass Driver Action Network"


def test_it_keeps_the_english_as_the_catalogue_text():
    """The types hold the English: it is the key the apps hand to gettext."""
    reason = load_catalogue().reason("fraud_suspected")
    assert reason.title == "Suspected fraud"
    assert reason.root_causes[0] == "A GPS or app fault"


# A copy of the catalogue, broken one way at a time ------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy_catalogue(tmp_path)
    packaged = resources.files("reinstate.catalogue")
    (tmp_path / OPTIONS_FILE).write_text(
        packaged.joinpath(OPTIONS_FILE).read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tmp_path


def test_it_refuses_a_text_without_its_spanish(folder: Path):
    edit(folder / "reasons.toml", 'es.title = "Cuenta desactivada"\n', "")
    with pytest.raises(CatalogueError, match=r"reasons\.toml: \[kinds\.deactivation\] has no es "
                       r"text for `title`"):  # fmt: skip
        load_catalogue(folder)


def test_it_refuses_an_empty_spanish_text(folder: Path):
    edit(folder / "reasons.toml", 'es.title = "Cuenta desactivada"', 'es.title = " "')
    with pytest.raises(CatalogueError, match=r"\[kinds\.deactivation\.es\] `title` must be "):
        load_catalogue(folder)


def test_it_refuses_a_document_without_its_spanish(folder: Path):
    edit(folder / "reasons.toml", 'es.why = "Muestra tus números', 'why_es = "Muestra tus números')
    with pytest.raises(
        CatalogueError,
        match=r"\[reasons\.performance_metrics\.documents\]\[1\] has no es text for `why`",
    ):
        load_catalogue(folder)


def test_it_refuses_a_list_without_its_spanish(folder: Path):
    text = (folder / "reasons.toml").read_text(encoding="utf-8")
    start = text.index("\nes.root_causes = [") + 1
    end = text.index("]\n", start) + 2
    (folder / "reasons.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(
        CatalogueError,
        match=r"\[reasons\.performance_metrics\] has no es text for `root_causes`",
    ):
        load_catalogue(folder)


def test_it_refuses_a_spanish_list_of_another_length(folder: Path):
    edit(folder / "reasons.toml", '  "Problemas con el carro",\n', "")
    with pytest.raises(
        CatalogueError,
        match=r"\[reasons\.performance_metrics\.es\] `root_causes` has 5 texts for the 6 of "
        r"\[reasons\.performance_metrics\] `root_causes`",
    ):
        load_catalogue(folder)


def test_it_refuses_spanish_that_loses_a_placeholder(folder: Path):
    edit(
        folder / "reasons.toml",
        'title = "Account deactivated"',
        'title = "Account deactivated on {day}"',
    )
    with pytest.raises(
        CatalogueError,
        match=r"\[kinds\.deactivation\.es\] `title` must keep the placeholders of the English "
        r"\(\{day\}\), not none",
    ):
        load_catalogue(folder)


def test_it_refuses_spanish_that_changes_a_placeholder(folder: Path):
    edit(
        folder / "reasons.toml",
        '"Tu cuenta fue desactivada,',
        '"Tu cuenta fue desactivada %(day)s,',
    )
    with pytest.raises(CatalogueError, match=r"`description` must keep the placeholders"):
        load_catalogue(folder)


def test_it_takes_spanish_that_keeps_the_placeholders(folder: Path):
    edit(folder / "reasons.toml", 'title = "Account deactivated"', 'title = "Deactivated {day}"')
    edit(
        folder / "reasons.toml", 'es.title = "Cuenta desactivada"', 'es.title = "Desactivada {day}"'
    )
    assert load_catalogue(folder).translations("es")["Deactivated {day}"] == "Desactivada {day}"


def test_it_refuses_one_english_text_translated_two_ways(folder: Path):
    edit(folder / "reasons.toml", 'es.title = "El aviso que recibiste"', 'es.title = "Tu aviso"')
    with pytest.raises(CatalogueError, match=r"translates 'The notice you received' as "):
        load_catalogue(folder)


def test_it_refuses_a_misspelt_spanish_field(folder: Path):
    edit(
        folder / "reasons.toml",
        'es.title = "Cuenta desactivada"',
        'es.titel = "Cuenta desactivada"',
    )
    with pytest.raises(CatalogueError, match=r"has no es text for `title`"):
        load_catalogue(folder)


def test_it_refuses_spanish_for_a_field_that_is_not_translated(folder: Path):
    edit(
        folder / "reasons.toml", 'deadline = "platform"', 'deadline = "platform"\nes.deadline = "x"'
    )
    with pytest.raises(CatalogueError, match=r"\[kinds\.deactivation\.es\] has unknown field "):
        load_catalogue(folder)


def test_it_refuses_a_shown_note_without_its_spanish(folder: Path):
    """In platforms.toml a note is shown beside its entry, so it is translated."""
    text = (folder / "platforms.toml").read_text(encoding="utf-8")
    start = text.index('es.note = "Incluye los viajes de Uber')
    end = text.index("\n", start) + 1
    (folder / "platforms.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"\[platforms\.uber\] has no es text for `note`"):
        load_catalogue(folder)


def test_it_refuses_an_options_text_without_its_spanish(folder: Path):
    edit(folder / OPTIONS_FILE, 'es.title = "Disputar el informe de antecedentes"\n', "")
    with pytest.raises(
        CatalogueError,
        match=r"options\.toml: \[clocks\.fcra_reinvestigation\] has no es text for `title`",
    ):
        load_options(folder)


def test_it_describes_a_window_in_words():
    """In English until the app installs Django's gettext (the Spanish: test_spanish_served)."""
    flex = load_catalogue().platform("amazon_flex")
    assert flex.appeal_window.describe() == "10 calendar days"
    assert flex.review_time.describe() == "21 calendar days"
