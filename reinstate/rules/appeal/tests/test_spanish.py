"""The appeal's rules speak the active language: under Spanish the letter, the readiness
findings, the next step and the tone check's findings are in Spanish; without it, English as
before. The tone check reads Spanish too: shouting, insults, threats, blame and swearing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.appeal.letter import draft_letter, letter_blocks
from reinstate.rules.appeal.next_step import CaseProgress, journey
from reinstate.rules.appeal.option_drafts import draft_for
from reinstate.rules.appeal.protective import draft_protective
from reinstate.rules.appeal.readiness import check_readiness
from reinstate.rules.appeal.shape import (
    AppealFacts,
    AppealSections,
    Explanation,
    Plan,
    PlanAction,
    Statement,
)
from reinstate.rules.appeal.tests.test_option_drafts import drafted
from reinstate.rules.appeal.tone import check_tone
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.testing.catalogue import in_language  # Django's translation.override

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
FACTS = AppealFacts(
    appeal=AppealSections(
        explanation=Explanation(
            stance="dispute",
            policy_quote="Llega a tiempo.",
            what_happened="El 3 de noviembre entregué el paquete a las 10:06.",
            statements=(Statement("Tomé una foto en la puerta.", ("A",)),),
        ),
        plan=Plan(actions=(PlanAction("Tomar una foto en cada entrega", "", date(2026, 12, 1)),)),
    ),
    driver_name="Dana Reyes",
    platform_name="Amazon Flex",
    platform_account="dana@example.com",
    reason="performance_metrics",
    reason_title="Puntualidad",
    notice_date=date(2026, 11, 3),
    exhibit_count=1,
    notice_references=("R-1",),
)


def codes(text: str) -> list[str]:
    return [f.code for f in check_tone(text)]


def test_it_writes_the_letter_in_spanish_under_spanish() -> None:
    with in_language("es"):
        letter = draft_letter(FACTS)
    assert letter.startswith(
        "Estimado equipo de Amazon Flex:\n\nLes escribo para apelar la desactivación de mi "
        "cuenta de Amazon Flex (dana@example.com), notificada el 3 de noviembre de 2026 por "
        "puntualidad. La referencia del aviso es R-1."
    )
    assert "Considero que esta decisión es incorrecta y les pido que la revisen." in letter
    assert "- Tomé una foto en la puerta. (Anexo A)" in letter
    assert "- Tomar una foto en cada entrega; desde el 1 de diciembre de 2026." in letter
    assert "Adjunto 1 anexo, que figura en el índice de anexos" in letter
    assert letter.endswith(
        "Atentamente,\nDana Reyes\nCuenta de Amazon Flex: dana@example.com\nReferencia: R-1"
    )


def test_the_spanish_letter_keeps_its_headings_and_its_tone() -> None:
    with in_language("es"):
        letter = draft_letter(FACTS)
    headings = [b.text for b in letter_blocks(letter) if b.kind == "heading"]
    assert headings == ["Lo que sucedió", "Lo que haré"]
    assert check_tone(letter) == []


def test_the_spanish_drafts_after_a_no_pass_the_tone_check() -> None:
    with in_language("es"):
        for name, option, case, appeal in drafted():
            draft = draft_for(option, appeal, case, load_catalogue())
            assert draft.heading.startswith("Un borrador para revisar, no asesoría legal."), name
            assert draft.title.startswith("Borrador: "), name
            assert check_tone(draft.text) == [], name


def test_it_writes_the_letter_in_english_without_an_override() -> None:
    letter = draft_letter(FACTS)
    assert letter.startswith(
        "Dear Amazon Flex team,\n\nI am writing to appeal the deactivation of my Amazon Flex "
        "account (dana@example.com), notified on 3 November 2026 for puntualidad. "
        "The notice's reference is R-1."
    )
    assert "I enclose 1 exhibit, listed" in letter
    assert letter.endswith(
        "Sincerely,\nDana Reyes\nAmazon Flex account: dana@example.com\nReference: R-1"
    )


def test_it_dates_the_protective_appeal_in_spanish() -> None:
    with in_language("es"):
        text = draft_protective(FACTS, now=NOW, tz=ZoneInfo("UTC"))
    assert "Mi apelación completa y mis pruebas llegarán a más tardar el viernes, 27 de " in text
    with in_language("en"):
        text = draft_protective(FACTS, now=NOW, tz=ZoneInfo("UTC"))
    assert "My full appeal and my evidence will follow by Friday 27 November 2026." in text


def test_it_gives_readiness_findings_in_spanish() -> None:
    facts = AppealFacts(driver_name="dana", reason=None, notice_date=date(2026, 11, 3))
    with in_language("es"):
        findings = {f.code: f for f in check_readiness(facts, now=NOW).findings}
    assert findings["reason_unknown"].message == (
        "No sabemos por qué se desactivó la cuenta, así que la apelación no puede responder al "
        "motivo."
    )
    english = {f.code: f for f in check_readiness(facts, now=NOW).findings}
    assert english["reason_unknown"].message.startswith("We don't know why")


def test_it_gives_a_tone_finding_in_the_readiness_check_in_spanish() -> None:
    facts = AppealFacts(
        appeal=AppealSections(explanation=Explanation(what_happened="Son unos idiotas.")),
        driver_name="dana",
        reason="x",
        notice_date=date(2026, 11, 3),
    )
    with in_language("es"):
        found = [f for f in check_readiness(facts, now=NOW).findings if f.code == "tone_insult"]
    assert found[0].message == (
        "Esta palabra insulta a quien lee, que es quien decide tu apelación. (“idiotas”) "
        "Mientras siga en el texto, la puntuación se queda por debajo de 80."
    )


def test_it_gives_the_next_step_in_spanish() -> None:
    progress = CaseProgress(meaning_seen=True, deadline_seen=True, missing_documents=2)
    with in_language("es"):
        step = journey(progress).next
    assert step is not None
    assert step.title == "Reúne las pruebas que pide el motivo"
    assert step.why.startswith("Faltan 2 documentos obligatorios.")
    assert step.button == "Agregar pruebas"
    english = journey(progress).next
    assert english is not None and english.title == "Gather the evidence the reason needs"
    assert english.why.startswith("2 required documents still missing.")


def test_it_dates_the_wait_in_spanish() -> None:
    progress = CaseProgress(
        sent=True,
        meaning_seen=True,
        deadline_seen=True,
        explanation_written=True,
        plan_written=True,
        record_written=True,
        letter_written=True,
        letter_approved=True,
        decision_expected_by=date(2026, 12, 13),
    )
    with in_language("es"):
        step = journey(progress).next
    assert step is not None
    assert "Espera una decisión a más tardar el domingo, 13 de diciembre." in step.why
    english = journey(progress).next
    assert english is not None and "Expect a decision by Sunday 13 December." in english.why


def test_it_gives_tone_findings_in_spanish() -> None:
    with in_language("es"):
        (finding,) = check_tone("Qué mierda.")
    assert finding.code == "profanity"
    assert finding.message == "Las groserías hacen que la apelación se vea poco profesional."
    assert finding.fix == "Quita la palabra."
    (english,) = check_tone("Qué mierda.")
    assert english.message == "Swearing makes the appeal look unprofessional."


@pytest.mark.parametrize(
    "text",
    [
        "Ustedes son unos estúpidos.",
        "Son unos estupidos.",  # without its accent
        "Los de soporte son idiotas.",
        "Son unos incompetentes y unos ladrones.",
        "Esto es una estafa.",
        "Son unos mentirosos.",
    ],
)
def test_it_flags_spanish_insults(text: str) -> None:
    assert "insult" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Si no me reactivan, los voy a demandar.",
        "Me las van a pagar.",
        "Nos vemos en la corte.",
        "Voy a llamar a mi abogado.",
        "Voy a ir a la prensa con esto.",
        "Se van a arrepentir.",
    ],
)
def test_it_flags_spanish_threats(text: str) -> None:
    assert "threat" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Es culpa de ustedes.",
        "No fue mi culpa.",
        "Yo no tengo la culpa, fue culpa del cliente.",
        "El cliente mintió.",
        "Su aplicación no sirve.",
    ],
)
def test_it_flags_spanish_blame(text: str) -> None:
    assert "blame" in codes(text)


@pytest.mark.parametrize(
    "text",
    ["Qué mierda.", "¡Carajo!", "Esa pinche app.", "Me lleva la chingada.", "Hijos de puta."],
)
def test_it_flags_spanish_swearing(text: str) -> None:
    assert "profanity" in codes(text)


@pytest.mark.parametrize(
    "text", ["ESTO ES UNA INJUSTICIA", "NÚMERO DE SEGUIMIENTO EQUIVOCADO", "¡¡No hice nada!!"]
)
def test_it_flags_spanish_shouting(text: str) -> None:
    assert {"shouting", "exclamations"} & set(codes(text))


def test_it_points_at_the_accented_word_itself() -> None:
    text = "Son unos estúpidos."
    (finding,) = check_tone(text)
    assert text[finding.start : finding.end] == "estúpidos"


def test_it_passes_a_calm_spanish_explanation() -> None:
    assert check_tone("Entregué el paquete a las 10:06 y tomé una foto en la puerta.") == []
    calm = (
        "El 3 de noviembre llegué a la estación a las 10:17 porque la puerta estaba cerrada. "
        "Reporté el problema a soporte a las 10:05. Solicito una copia del registro GPS. "
        "No sé si recibieron mi mensaje o si no llegó."
    )
    assert check_tone(calm) == []


@pytest.mark.parametrize(
    "text",
    [
        "Presento una disputa sobre la decisión.",  # "puta" inside "disputa"
        "Usé la computadora de la biblioteca.",  # "puta" inside "computadora"
        "Las tarifas eran baratas.",  # "ratas" inside "baratas"
        "Compré un cono de tráfico.",  # "cono" is not "coño"
        "Fui a la estafeta de correos.",  # "estafa" starts "estafeta"
        "Lo imputaron por error.",
    ],
)
def test_it_does_not_match_words_inside_other_words(text: str) -> None:
    assert codes(text) == []
