"""Account health in Spanish for a driver who chose it: the pages, the charts, the import's
refusals and the emails; English stays what it was, and outsiders still get 404."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from reinstate.accounts.models import User
from reinstate.health import actions, imports
from reinstate.health.models import Alert, BlockImport
from reinstate.health.remind import run_reminders
from reinstate.testing.blocks import LA
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T09:00").replace(tzinfo=LA)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request leaves its language active in the thread: the tests after these read English."""
    yield
    translation.deactivate()


@pytest.fixture
def maria(driver: User) -> User:
    driver.language = "es"
    driver.email = "maria@example.org"
    driver.save()
    return driver


def test_it_shows_the_health_overview_in_spanish(maria: User, record_blocks) -> None:
    record_blocks(maria, [False, True, True])
    actions.do_set_watch_level(owner=maria, platform="amazon_flex", metric="reliability", level=0.9)
    page = client_for(maria).get("/health/?platform=amazon_flex").content.decode()
    assert "Salud de la cuenta: Amazon Flex" in page
    assert "Tu nivel" in page and "Anotar un bloque" in page
    assert "Confiabilidad" in page and "Últimos 30 días" in page
    # The warning is kept in English and shown in the reader's language.
    assert "Confiabilidad está por debajo de tu límite de alerta" in page
    assert all(
        a.title.startswith("Reliability is below") for a in Alert.objects.filter(owner=maria)
    )
    for english in ("Account health", "Your standing", "Record a block", "Reliability is below"):
        assert english not in page


def test_it_titles_and_describes_the_chart_in_spanish_with_spanish_dates(
    maria: User, record_blocks
) -> None:
    record_blocks(maria, [True, False, True])
    page = client_for(maria).get("/health/?platform=amazon_flex").content.decode()
    assert "Confiabilidad, últimos 30 días, semana a semana</title>" in page
    assert "Reliability, last 30 days" not in page
    months = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")
    desc = page.split('<desc id="chart-reliability-d">')[1].split("</desc>")[0]
    assert desc.startswith("Del ") and " al " in desc and "mínimo" in desc
    assert any(f" {month}" in desc for month in months)
    assert "From " not in desc


def test_it_says_in_spanish_when_a_document_expires(maria: User) -> None:
    actions.do_add_document(
        owner=maria,
        kind="insurance",
        title="",
        expires_on=datetime.now(LA).date() + timedelta(days=6),
    )
    page = client_for(maria).get("/health/documents/").content.decode()
    assert "Documentos que vencen" in page and "Seguro del vehículo" in page
    assert "vence en 6 días" in page
    assert "expires in" not in page


def test_it_refuses_a_bad_csv_in_spanish(maria: User) -> None:
    response = client_for(maria).post(
        "/health/import/",
        {
            "file": SimpleUploadedFile("b.csv", b"name,colour\nx,y\n", content_type="text/csv"),
            "platform": "amazon_flex",
            "time_zone": "America/Los_Angeles",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "no nombra ninguna de las columnas que conocemos" in page
    assert "names none of the columns" not in page


@pytest.mark.django_db(transaction=True)  # real commits: the worker sees the queued import
def test_it_lists_the_unreadable_lines_of_a_file_in_spanish(maria: User) -> None:
    client = client_for(maria)
    response = client.post(
        "/health/import/",
        {
            "file": SimpleUploadedFile(
                "b.csv",
                b"block_start,block_end,status,packages_assigned\n"
                b"2026-01-05 08:00,2026-01-05 11:00,completed,30\n"
                b"2026-01-06 08:00,2026-01-06 11:00,completed,-4\n",
            ),
            "platform": "amazon_flex",
            "time_zone": "America/Los_Angeles",
        },
    )
    preview = client.get(response["Location"]).content.decode()
    assert "Línea 3: packages_assigned no puede ser negativo (-4)" in preview
    assert "Importar 1 bloque" in preview
    client.post(response["Location"], {"step": "confirm"})
    assert "Añadiendo los bloques de b.csv" in client.get(response["Location"]).content.decode()
    run_queue()
    # What is kept is English, whoever imported it.
    assert BlockImport.objects.get().rejected == [
        {"line": 3, "error": "packages_assigned cannot be negative (-4)"}
    ]


def test_it_emails_a_spanish_driver_in_spanish(maria: User, record_blocks) -> None:
    record_blocks(maria, [False, True], end=at("2026-11-20") - timedelta(hours=1))
    actions.do_set_watch_level(
        owner=maria, platform="amazon_flex", metric="reliability", level=0.9, now=at("2026-11-20")
    )
    actions.do_add_document(owner=maria, kind="insurance", title="", expires_on=date(2026, 11, 27))
    with translation.override("en"):  # the request's language does not matter, hers does
        run_reminders(now=at("2026-11-20"))
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Reinstate: 3 cosas que revisar", "Reinstate: tu revisión semanal"]
    reminder = next(m for m in mail.outbox if "cosas" in m.subject)
    assert "Hola, " in reminder.body and "Seguro del vehículo: vence en 7 días" in reminder.body
    assert "viernes, 27 de noviembre de 2026" in reminder.body
    assert "Confiabilidad está por debajo de tu límite de alerta" in reminder.body
    checkin = next(m for m in mail.outbox if "semanal" in m.subject)
    assert "Amazon Flex: 2 bloques en los últimos 7 días" in checkin.body
    assert "Confiabilidad: 50 %" in checkin.body
    for english in ("Hello", "Documents:", "expires in", "Reliability", "blocks in the last"):
        assert english not in f"{reminder.body}{checkin.body}"


def test_an_english_driver_still_reads_english(driver: User, record_blocks) -> None:
    record_blocks(driver, [True, False])
    page = client_for(driver).get("/health/?platform=amazon_flex").content.decode()
    assert "Account health: Amazon Flex" in page
    assert "Reliability, last 30 days, week by week</title>" in page
    assert "Salud de la cuenta" not in page


def test_it_still_gives_an_outsider_404_on_a_drivers_import(maria: User, other_driver) -> None:
    other_driver.language = "es"
    other_driver.save()
    staged = imports.do_stage_import(
        owner=maria,
        platform="amazon_flex",
        filename="maria.csv",
        data=b"block_start,block_end,status\n2026-01-05 08:00,2026-01-05 11:00,no_show\n",
        time_zone="America/Los_Angeles",
    )
    url = reverse("health:import_detail", kwargs={"import_id": staged.pk})
    assert client_for(other_driver).get(url).status_code == 404
    assert client_for(maria).get(url).status_code == 200
