"""The catalogue's Spanish reaches the app: scripts/compile-translations writes it into the
catalogue's django.mo, and gettext (Django's, once the app has started) serves it."""

from __future__ import annotations

from reinstate.lib.i18n import _
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import GIVES
from reinstate.testing.catalogue import compile_catalogue_translations, in_language


def test_it_serves_the_catalogue_texts_in_spanish_once_compiled():
    compile_catalogue_translations()
    catalogue = load_catalogue()
    reason = catalogue.reason("fraud_suspected")
    with in_language("es"):
        assert _(reason.title) == "Sospecha de fraude"
        assert _(reason.documents[0].title) == "El aviso que recibiste"
        assert _(catalogue.kind("deactivation").title) == "Cuenta desactivada"
        assert _(catalogue.law("fcra").place) == "Estados Unidos"
    with in_language("en"):
        assert _(reason.title) == "Suspected fraud"


def test_it_serves_the_words_of_the_rules_code_in_spanish():
    """GIVES and a window's length come from this package's own catalogue (locale/)."""
    compile_catalogue_translations()
    flex = load_catalogue().platform("amazon_flex")
    with in_language("es"):
        assert _(GIVES["human_review"]) == "Revisión por una persona"
        assert flex.appeal_window.describe() == "10 días calendario"
    with in_language("en"):
        assert flex.appeal_window.describe() == "10 calendar days"
