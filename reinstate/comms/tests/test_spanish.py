"""The support log in Spanish, for a driver who chose it: the words, the dates, the refusals,
the reminder email; the messages to support stay English (support reads them); an outsider
still gets 404. (English is what every other test asserts.)"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.comms.remind import send_follow_ups
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

LA = ZoneInfo("America/Los_Angeles")


def in_spanish(user: User) -> Client:
    user.language = "es"
    user.save(update_fields=["language"])
    return client_for(user)


def call(case: Case, at: datetime, direction: str = "to_platform") -> Contact:
    return Contact.objects.create(
        case=case, channel="phone", direction=direction, at=at, summary="Asked for the reason"
    )


def test_it_shows_the_support_log_in_spanish_with_spanish_dates(case: Case) -> None:
    call(case, datetime(2026, 11, 4, 10, 30, tzinfo=LA))
    page = in_spanish(case.owner).get(reverse("comms:log", args=[case.pk])).content.decode()
    assert "Registro de contactos con soporte" in page and "Registrar un contacto" in page
    assert "Teléfono</strong>, Tú → soporte" in page
    assert "mié 4 nov 2026, 10:30" in page
    assert "Asked for the reason" in page  # what the driver wrote is not translated
    for english in ("Support log", "Log a contact", "Phone", "You → support", "Wed 4 Nov"):
        assert english not in page, english


def test_it_shows_a_contact_and_the_timeline_in_spanish(case: Case) -> None:
    contact = call(case, datetime(2026, 11, 4, 10, 30, tzinfo=LA))
    client = in_spanish(case.owner)
    page = client.get(reverse("comms:contact", args=[case.pk, contact.pk])).content.decode()
    assert "Teléfono, yo los contacté" in page
    assert "miércoles, 4 de noviembre de 2026, 10:30 PST" in page
    timeline = client.get(reverse("comms:timeline", args=[case.pk])).content.decode()
    assert "Cronología" in timeline and "Aviso recibido" in timeline
    assert "Notice received" not in timeline


def test_a_refused_chat_says_why_in_spanish(case: Case) -> None:
    response = in_spanish(case.owner).post(
        reverse("comms:chat", args=[case.pk]),
        {"text": "hello there", "at": "2026-11-03T10:31", "preview": "1"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "No se encontró a nadie hablando" in page
    assert "No one speaking was found" not in page


def test_the_messages_to_support_stay_english_under_spanish_titles(case: Case) -> None:
    page = in_spanish(case.owner).get(reverse("comms:drafts", args=[case.pk])).content.decode()
    assert "Mensajes para soporte" in page and "Pide el motivo exacto" in page
    assert "Hello,\n\nOn " in page and "I received a message from Amazon Flex" in page
    assert "Thank you for your help." in page
    assert "Hola:" not in page


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_the_follow_up_reminder_is_written_in_the_drivers_language(case: Case) -> None:
    in_spanish(case.owner)
    call(case, timezone.now() - timedelta(days=4))
    send_follow_ups(now=timezone.now())
    [sent] = mail.outbox
    assert sent.subject.startswith("Reinstate: haz seguimiento con soporte")
    assert "Soporte no ha respondido tu mensaje del" in sent.body and " a las " in sent.body
    assert "Support has not answered" not in sent.body


def test_an_outsider_still_gets_404_in_spanish(case: Case, other_driver: User) -> None:
    contact = call(case, datetime(2026, 11, 4, 10, 30, tzinfo=LA))
    client = in_spanish(other_driver)
    assert client.get(reverse("comms:log", args=[case.pk])).status_code == 404
    assert client.get(reverse("comms:contact", args=[case.pk, contact.pk])).status_code == 404
    assert client.get(reverse("comms:drafts", args=[case.pk])).status_code == 404
