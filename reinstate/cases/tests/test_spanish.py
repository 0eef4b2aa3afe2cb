"""The notice intake, the meaning page and the deadline page in Spanish, for a driver who chose
it; English stays as it was, and the case keeps its words in English whatever the language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_language_left_active() -> Iterator[None]:
    """A test client's request leaves its language active in this thread: start and end
    without one (English), as a process that serves no request would."""
    translation.deactivate()
    yield
    translation.deactivate()


NOW = "2026-12-05T12:00:00-08:00"
RECEIVED = "2026-12-03T09:00:00-08:00"  # FLEX_LATE: 10 calendar days, so Sunday 13 December
NO_DEADLINE = "Your Amazon Flex account has been deactivated."


def in_spanish(user: User) -> User:
    user.language = "es"
    user.save(update_fields=["language"])
    return user


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE, received=RECEIVED)


def test_it_shows_the_new_case_page_in_spanish(driver: User) -> None:
    page = client_for(in_spanish(driver)).get(reverse("cases:new")).content.decode()
    assert "¿Qué te envió la plataforma?" in page
    assert "Pega el aviso" in page and "¿Cuándo llegó?" in page and "Lee mi aviso" in page
    assert "What did the platform send you?" not in page
    assert "Paste the notice" not in page and "Read my notice" not in page


def test_it_refuses_an_empty_notice_in_spanish(driver: User) -> None:
    response = client_for(in_spanish(driver)).post(
        reverse("cases:new"), {"received_date": "2026-12-03", "received_time": "09:00"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Pega el aviso, o sube el correo que recibiste." in page
    assert "Paste the notice, or upload the email you received." not in page


@time_machine.travel(NOW, tick=False)
def test_it_shows_the_meaning_page_in_spanish(driver: User, case: Case) -> None:
    url = reverse("cases:meaning", args=[case.pk])
    page = client_for(in_spanish(driver)).get(url).content.decode()
    assert "<h1>Qué significa el aviso</h1>" in page
    assert "Tu aviso, tal como se leyó" in page and "Corrige la lectura" in page
    assert "jue 3 dic 2026, 09:00 PST" in page  # when the notice arrived
    assert "What the notice means" not in page and "Your notice, as read" not in page
    # The notice itself is quoted as written, marked as English.
    assert '<div class="notice-text" lang="en">' in page


@time_machine.travel(NOW, tick=False)
def test_it_shows_the_deadline_page_in_spanish(driver: User, case: Case) -> None:
    url = reverse("cases:deadline", args=[case.pk])
    page = client_for(in_spanish(driver)).get(url).content.decode()
    assert "<h1>Tu fecha límite y tu plan</h1>" in page
    assert "domingo, 13 de diciembre de 2026" in page
    assert "El propio aviso fija esta fecha límite" in page
    assert '<span lang="en">within 10 calendar days of this message</span>' in page
    assert "Reúne tus pruebas" in page and "Envía tu apelación" in page
    assert "tiempo restante: 7 días y 21 horas" in page
    for english in ("Your deadline and plan", "Gather your evidence", "December", "left)"):
        assert english not in page


@time_machine.travel(NOW, tick=False)
def test_it_words_a_default_deadline_in_spanish_and_keeps_it_in_english(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, NO_DEADLINE, received=RECEIVED)
    assert case.deadline_rule.startswith("The notice states no deadline")
    url = reverse("cases:deadline", args=[case.pk])
    page = client_for(in_spanish(driver)).get(url).content.decode()
    assert "El aviso no dice ninguna fecha límite" in page
    assert "The notice states no deadline" not in page
    case.refresh_from_db()
    assert case.deadline_rule.startswith("The notice states no deadline")


@time_machine.travel(NOW, tick=False)
def test_it_keeps_english_words_when_a_case_is_opened_in_spanish(driver: User) -> None:
    response = client_for(in_spanish(driver)).post(
        reverse("cases:new"),
        {"notice_text": NO_DEADLINE, "received_date": "2026-12-03", "received_time": "09:00"},
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.deadline_rule.startswith("The notice states no deadline")
    assert case.reading["deadline_rule"] == case.deadline_rule


@time_machine.travel(NOW, tick=False)
def test_it_stays_english_for_a_driver_who_chose_no_language(driver: User, case: Case) -> None:
    page = client_for(driver).get(reverse("cases:deadline", args=[case.pk])).content.decode()
    assert "<h1>Your deadline and plan</h1>" in page
    assert "Sunday 13 December 2026" in page and "Gather your evidence" in page
    assert "7 days 21 hours left" in page
    assert "fecha límite" not in page


@time_machine.travel(NOW, tick=False)
def test_it_lists_the_cases_in_spanish(driver: User, case: Case) -> None:
    page = client_for(in_spanish(driver)).get(reverse("cases:list")).content.decode()
    assert "Mis casos" in page and "Fecha límite" in page and "dic" in page
    assert "My cases" not in page


def test_it_still_hides_a_case_from_an_outsider(case: Case, other_driver: User) -> None:
    client = client_for(in_spanish(other_driver))
    for name in ("cases:meaning", "cases:deadline", "cases:correct", "cases:received"):
        assert client.get(reverse(name, args=[case.pk])).status_code == 404
