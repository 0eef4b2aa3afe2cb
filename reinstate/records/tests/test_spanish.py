"""My records, the add form and the offer to a case in Spanish, for a driver who chose it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.records.models import Record
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_records_pages_speak_spanish(
    driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    driver.language = "es"
    driver.save()
    client = client_for(driver)
    empty = client.get(reverse("records:list")).content.decode()
    assert "Todavía no has guardado nada" in empty and "Mis registros" in empty
    form = client.get(reverse("records:add")).content.decode()
    assert "¿De qué se trata?" in form and "Edificio cerrado" in form
    assert "Guardar este registro" in form
    keep(driver, "2026-10-20T10:05:00-07:00", kind="locked_building")
    listed = client.get(reverse("records:list")).content.decode()
    assert "Edificio cerrado" in listed and "20 oct 2026" in listed
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Guardaste 1 registro de los días antes de este aviso" in page
    offer = client.get(reverse("records:offer", args=[case.pk])).content.decode()
    assert "Marca los registros que quieres agregar" in offer
    refused = client.post(reverse("records:add"), {"kind": "note", "note": "", "at": "x"})
    assert "Escribe la fecha y la hora en que pasó" in refused.content.decode()
