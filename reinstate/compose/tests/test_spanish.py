"""The case page, the docket, the calendar feed and the deadline reminders in Spanish, for a
driver or an advocate who chose it; English stays the default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pytest_django.fixtures import Settings

from reinstate.accounts.models import Organisation, User
from reinstate.cases.models import Case
from reinstate.compose.deadline_reminders import deadline_reminders
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """A Spanish request must not leave Spanish active for the next test."""
    yield
    translation.deactivate()


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    driver.email = "dana@example.com"
    driver.language = "es"
    driver.save()
    return open_case(driver, FLEX_LATE)


def test_the_deadline_reminder_is_in_the_drivers_language(case: Case, settings: Settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://reinstate.example.org"
    assert case.deadline is not None
    with translation.override("en"):  # the command line runs in English
        assert deadline_reminders(now=case.deadline - timedelta(hours=71))["deadlines"] == 1
    (email,) = mail.outbox
    assert email.subject.startswith("Reinstate: ") and "para enviar" in email.subject
    assert email.body.startswith("Hola, dana:")
    assert "jueves, 12 de noviembre de 2026, 16:00 PST" in email.body  # in Los Angeles
    assert "Todavía no hay nada marcado como enviado." in email.body
    assert "Este recordatorio" in email.body
    assert "Thursday" not in email.body and "November" not in email.body
    assert translation.get_language() == "en"  # the override ended with the email


def test_the_case_page_is_in_spanish_for_a_driver_who_chose_it(case: Case) -> None:
    response = client_for(case.owner).get(
        reverse("cases:detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="es">' in page
    for words in ("Tu caso", "Fecha límite:", "Qué significa el aviso", "Tu defensor"):
        assert words in page
    assert "Your case" not in page and "Deadline and plan" not in page


def test_an_advocate_reads_about_the_driver_in_spanish(
    case: Case, advocate: User, open_case: Callable[..., Case]
) -> None:
    advocate.language = "es"
    advocate.save()
    case.organisation = Organisation.objects.get(membership__user=advocate)
    case.save()
    page = client_for(advocate).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Caso de dana" in page and "Siguiente para dana:" in page


def test_the_docket_is_in_spanish_for_an_advocate_who_chose_it(
    case: Case, advocate: User, other_driver: User
) -> None:
    advocate.language = "es"
    advocate.save()
    organisation = Organisation.objects.get(membership__user=advocate)
    case.organisation = organisation
    case.save()
    docket = reverse("accounts:docket", args=[organisation.pk])
    page = client_for(advocate).get(docket, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"{organisation.name}: lista de casos" in page
    assert 'data-label="Etapa"><span class="stage stage-reading">Leyendo el aviso' in page
    assert "Ordenar por:" in page and "Página 1 de 1" in page
    # Someone who is not one of its advocates still gets nothing, in any language.
    other_driver.language = "es"
    other_driver.save()
    assert client_for(other_driver).get(docket).status_code == 404


def test_the_calendar_feed_is_in_its_owners_language(case: Case) -> None:
    feed = reverse("cases:calendar_feed", args=[case.owner.calendar_token])
    body = client_for(case.owner).get(feed, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "FECHA LÍMITE:" in body and "Fechas límite de Reinstate" in body
