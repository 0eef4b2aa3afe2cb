"""The evidence locker in Spanish, for a driver who chose it: the words, the dates, the
refusals; an outsider still gets 404. (English is what every other test asserts.)"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def in_spanish(user: User) -> Client:
    user.language = "es"
    user.save(update_fields=["language"])
    return client_for(user)


def test_it_shows_the_locker_in_spanish_with_spanish_dates(case: Case) -> None:
    add_file(case, files.jpeg(), "door.jpg")
    client = in_spanish(case.owner)
    client.post(reverse("evidence:day", args=[case.pk]), {"day": "2026-11-03"})
    page = client.get(reverse("evidence:locker", args=[case.pk])).content.decode()
    assert "Tus pruebas" in page and "Agregar pruebas" in page and "Anexos" in page
    assert "1 prueba guardada para este caso" in page
    assert "lun 2 nov 2026, 14:03:05 PST" in page  # the photo's time, in Dana's zone
    assert "martes, 3 de noviembre de 2026" in page  # the day in question
    assert "Tomada el lun 2 nov 2026, no el día en cuestión (mar 3 nov 2026)." in page
    assert "foto JPEG" in page
    for english in ("Evidence locker", "Add evidence", "Exhibits", "Taken", "Mon 2 Nov"):
        assert english not in page, english


def test_it_shows_an_item_in_spanish(case: Case) -> None:
    item = add_file(case, files.pdf(), "invoice.pdf").item
    client = in_spanish(case.owner)
    page = client.get(reverse("evidence:item", args=[case.pk, item.pk])).content.decode()
    assert f"Anexo {item.exhibit}:" in page and "Lo que se leyó del archivo" in page
    assert "Descríbelo" in page and f"Retirar el anexo {item.exhibit}" in page
    for english in ("What was read from the file", "Describe it", "Withdraw exhibit"):
        assert english not in page, english


def test_a_refused_upload_says_why_in_spanish(case: Case) -> None:
    client = in_spanish(case.owner)
    page = client.post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": [SimpleUploadedFile("receipt.png", b"<html><script></script></html>")]},
        follow=True,
    ).content.decode()
    assert "“receipt.png”: Este archivo es una página web" in page
    assert "No se agregó nada." in page
    assert "Nothing was added" not in page


def test_a_refused_upload_from_the_script_is_in_spanish_too(case: Case) -> None:
    client = in_spanish(case.owner)
    response = client.post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": [SimpleUploadedFile("photo.jpg", b"%PDF-1.4\n1 0 obj")]},
        headers={"accept": "application/json"},
    )
    problems = response.json()["problems"]
    assert response.status_code == 400
    assert problems and "Este archivo tiene nombre de imagen" in problems[0]


def test_the_upload_script_gets_its_words_from_the_page(case: Case) -> None:
    page = in_spanish(case.owner).get(reverse("evidence:locker", args=[case.pk])).content.decode()
    assert 'data-uploading="Subiendo"' in page
    assert "La subida se detuvo" in page


def test_an_outsider_still_gets_404_in_spanish(case: Case, other_driver: User) -> None:
    item = add_file(case, files.jpeg(), "door.jpg").item
    client = in_spanish(other_driver)
    assert client.get(reverse("evidence:locker", args=[case.pk])).status_code == 404
    assert client.get(reverse("evidence:item", args=[case.pk, item.pk])).status_code == 404


def test_it_says_a_preview_is_on_its_way_in_spanish(case: Case) -> None:
    """Queued (no transaction commits here, so the job never runs): the placeholder shows."""
    item = add_file(case, files.jpeg(), "door.jpg", inline_renditions=False).item
    client = in_spanish(case.owner)
    page = client.get(reverse("evidence:item", args=[case.pk, item.pk])).content.decode()
    assert "Vista previa en camino" in page and "door.jpg · foto JPEG." in page
    assert "se está haciendo su vista previa" in page
    preview = client.get(reverse("evidence:preview", args=[case.pk, item.pk, "page"]))
    assert preview.status_code == 404 and "Vista previa en camino" in preview.content.decode()
    assert "Preview on its way" not in page
