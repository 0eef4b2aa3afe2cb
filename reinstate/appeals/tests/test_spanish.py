"""The appeal in Spanish (issue 14): a driver who reads Spanish walks the guided path in it,
while the letter and the packet go to the platform in their own language, English unless the
driver chooses Spanish; the Spanish reading of an English letter is shown beside it."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.appeals.guided import PAGES, WRITING_PAGES
from reinstate.appeals.models import Packet
from reinstate.appeals.queries import appeal_of
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def url(case: Case, key: str) -> str:
    return reverse("appeals:check" if key == "check" else f"appeals:step_{key}", args=[case.pk])


def reads_spanish(user: User) -> User:
    user.language = "es"
    user.save(update_fields=["language"])
    return user


def rules_in_spanish() -> bool:
    """Whether the letter's own words (rules/appeal, another part of issue 14) are translated
    yet: until they are, only the words around the letter can be Spanish."""
    with translation.override("es"):
        return translation.gettext("Dear Support team,") != "Dear Support team,"


def choose(case: Case, language: str, *, step: str = "letter") -> None:
    response = client_for(case.owner).post(
        reverse("appeals:letter_language", args=[case.pk]),
        {"letter_language": language, "step": step},
    )
    assert response.status_code == 302
    assert response["Location"] == url(case, step)


def text_packet(case: Case, settings: Settings, *, draft: bool = False) -> str:
    """The plain-text packet, built as the driver builds it: from the send page."""
    client = client_for(case.owner)
    data = {"format": "txt", "step": "send", **({"draft": "on"} if draft else {})}
    response = client.post(reverse("appeals:build_packet", args=[case.pk]), data)
    assert response.status_code == 302
    packet = Packet.objects.filter(case=case, format="txt").order_by("-pk").first()
    assert packet is not None and packet.status == Packet.Status.READY, packet and packet.error
    return (Path(settings.REINSTATE_HOME) / packet.path).read_text()


def test_it_shows_the_guided_path_in_spanish(case: Case) -> None:
    client = client_for(reads_spanish(case.owner))
    for key, page in PAGES.items():
        response = client.get(url(case, key))
        assert response.status_code == 200, key
        text = response.content.decode()
        with translation.override("es"):
            heading = str(page.heading)
        with translation.override("en"):
            assert heading != str(page.heading), key
        assert f"Paso {page.step} de 11" in text, key
        assert f"<h1>{heading}</h1>" in text, key
        assert "Ver toda la apelación en una página" in text, key
        assert "See the whole appeal on one page" not in text, key
        assert f"Step {page.step} of 11" not in text, key
        if key in WRITING_PAGES:
            assert "Guardar y continuar" in text and "Save and continue" not in text, key
    letter = client.get(url(case, "letter")).content.decode()
    assert "Hacer el borrador de mi carta" in letter and "Draft my letter" not in letter
    send = client.get(url(case, "send")).content.decode()
    assert "Armar el paquete de apelación" in send and "Build the packet" not in send


def test_it_keeps_the_letter_in_english_and_shows_the_spanish_reading(ready_case: Case) -> None:
    client = client_for(reads_spanish(ready_case.owner))
    assert appeal_of(ready_case).letter_language == "en"
    for key in ("letter", "check"):
        text = client.get(url(ready_case, key)).content.decode()
        assert "Idioma de la carta" in text, key
        assert "Inglés (recomendado: la plataforma lo lee)" in text, key
        assert re.search(r'<input[^>]*name="letter_language" value="en"[^>]*checked', text), key
        assert "Lo que dice en español" in text, key
    letter = client.get(url(ready_case, "letter")).content.decode()
    assert "Dear Amazon Flex team," in letter  # the letter itself: English, for the platform
    if rules_in_spanish():
        assert "Estimado equipo de Amazon Flex:" in letter  # the reading, folded below it


def test_it_shows_no_reading_when_the_page_and_the_letter_share_a_language(
    ready_case: Case,
) -> None:
    text = client_for(ready_case.owner).get(url(ready_case, "letter")).content.decode()
    assert "Language of the letter" in text
    assert "What this says in" not in text and "Lo que dice en" not in text


def test_the_packet_follows_the_letter_not_the_page(ready_case: Case, settings: Settings) -> None:
    reads_spanish(ready_case.owner)
    english = text_packet(ready_case, settings)
    assert "Exhibits (attached separately)" in english and "Exhibit A:" in english
    assert "Anexo" not in english
    assert "Dear Amazon Flex team," in english


def test_choosing_spanish_writes_the_letter_and_the_packet_in_spanish(
    ready_case: Case, settings: Settings
) -> None:
    choose(ready_case, "es")
    assert appeal_of(ready_case).letter_language == "es"
    client = client_for(ready_case.owner)  # the pages stay English for this driver
    drafted = client.post(reverse("appeals:draft_letter", args=[ready_case.pk]), {"step": "letter"})
    assert drafted.status_code == 302
    letter = ready_case.letters.order_by("-number").first()
    assert letter is not None
    client.post(reverse("appeals:approve_letter", args=[ready_case.pk, letter.number]))
    page = client.get(url(ready_case, "letter")).content.decode()
    assert "What this says in English" in page
    assert "Dear Amazon Flex team," in page  # the English reading of the Spanish letter

    spanish = text_packet(ready_case, settings)
    assert "Anexos (adjuntos aparte)" in spanish and "Anexo A:" in spanish
    assert "Contactos con soporte" in spanish
    assert "Exhibits (attached separately)" not in spanish
    if rules_in_spanish():
        assert "Estimado equipo de Amazon Flex:" in spanish
        assert "Dear Amazon Flex team," not in spanish
        assert letter.text != ready_case.letters.get(number=1).text

    response = client.post(
        reverse("appeals:build_packet", args=[ready_case.pk]), {"format": "pdf", "step": "send"}
    )
    assert response.status_code == 302
    pdf = Packet.objects.filter(case=ready_case, format="pdf").get()
    reader = PdfReader(BytesIO((Path(settings.REINSTATE_HOME) / pdf.path).read_bytes()))
    words = "\n".join(p.extract_text() for p in reader.pages)
    assert "Carta de apelación" in words and "Índice de anexos" in words
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Carta de apelación", "Índice de anexos"]


def test_going_back_to_english_writes_it_in_english(ready_case: Case, settings: Settings) -> None:
    choose(ready_case, "es", step="check")
    choose(ready_case, "en", step="check")
    assert appeal_of(ready_case).letter_language == "en"
    assert "Exhibits (attached separately)" in text_packet(ready_case, settings)


def test_an_outsider_gets_404_on_the_letter_language(case: Case, other_driver: User) -> None:
    response = client_for(other_driver).post(
        reverse("appeals:letter_language", args=[case.pk]), {"letter_language": "es"}
    )
    assert response.status_code == 404
    assert appeal_of(case).letter_language == "en"
    assert not AuditEvent.objects.filter(kind=EventKind.APPEAL_LETTER_LANGUAGE).exists()


def test_it_refuses_a_language_it_does_not_know(case: Case) -> None:
    response = client_for(case.owner).post(
        reverse("appeals:letter_language", args=[case.pk]),
        {"letter_language": "fr", "step": "letter"},
        follow=True,
    )
    assert "Choose English or Spanish for the letter." in response.content.decode()
    assert appeal_of(case).letter_language == "en"


def test_changing_the_letter_language_is_audited(case: Case) -> None:
    choose(case, "es")
    event = AuditEvent.objects.get(kind=EventKind.APPEAL_LETTER_LANGUAGE)
    assert (event.actor, event.case_id_ref) == (case.owner, case.pk)
    assert event.data == {"from": "en", "to": "es"}
