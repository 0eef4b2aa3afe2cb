"""English or Spanish: the browser's language, the chooser on the sign-in page, then the
person's own choice on their profile, which also decides the language of their emails."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reinstate.accounts.models import User
from reinstate.testing.personas import PASSWORD, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """A Spanish request must not leave Spanish active for the next test."""
    yield
    translation.deactivate()


def page(client: Client, name: str, language: str) -> str:
    response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return str(response.content.decode())


def test_a_spanish_browser_gets_the_sign_in_page_in_spanish() -> None:
    spanish = page(Client(), "accounts:login", "es")
    assert '<html lang="es">' in spanish
    assert "<h1>Iniciar sesión</h1>" in spanish and "¿Olvidaste tu contraseña?" in spanish
    english = page(Client(), "accounts:login", "en-US,en;q=0.9")
    assert '<html lang="en">' in english and "<h1>Sign in</h1>" in english


@pytest.mark.parametrize("name", ["accounts:login", "accounts:signup"])
def test_the_sign_in_and_sign_up_pages_offer_both_languages(name: str) -> None:
    shown = page(Client(), name, "en")
    assert f'action="{reverse("set_language")}"' in shown
    assert f'<input type="hidden" name="next" value="{reverse(name)}">' in shown
    assert 'value="en" lang="en"' in shown and ">English</button>" in shown
    assert 'value="es" lang="es"' in shown and ">Español</button>" in shown
    # Each language in its own words, whatever the page's language.
    spanish = page(Client(), name, "es")
    assert ">English</button>" in spanish and ">Español</button>" in spanish


def test_the_chooser_keeps_the_language_and_comes_back() -> None:
    client = Client()
    login = reverse("accounts:login")
    response = client.post(
        reverse("set_language"), {"language": "es", "next": login}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302 and response["Location"] == login
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert "<h1>Iniciar sesión</h1>" in page(client, "accounts:login", "en")
    client.post(reverse("set_language"), {"language": "en", "next": login})
    assert "<h1>Sign in</h1>" in page(client, "accounts:login", "es")


def test_the_chooser_does_not_send_anyone_off_site() -> None:
    response = Client().post(
        reverse("set_language"), {"language": "es", "next": "https://evil.example.com/"}
    )
    assert response.status_code == 302 and "evil.example.com" not in response["Location"]


def test_a_persons_own_choice_wins_over_the_browser(driver: User) -> None:
    driver.language = "es"
    driver.save()
    profile = page(client_for(driver), "accounts:profile", "en")
    assert '<html lang="es">' in profile and "<h1>Tu perfil</h1>" in profile

    driver.language = "en"
    driver.save()
    profile = page(client_for(driver), "accounts:profile", "es")
    assert '<html lang="en">' in profile and "<h1>Your profile</h1>" in profile


def test_no_choice_follows_the_browser(driver: User) -> None:
    assert driver.language == ""
    assert "<h1>Tu perfil</h1>" in page(client_for(driver), "accounts:profile", "es")


def test_the_language_is_chosen_on_the_profile(driver: User) -> None:
    client = client_for(driver)
    data = {"email": "", "time_zone": driver.time_zone, "state": driver.state, "city": driver.city}
    response = client.post(
        reverse("accounts:profile"),
        data | {"language": "es"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    driver.refresh_from_db()
    assert driver.language == "es"
    shown = response.content.decode()
    assert "Guardado." in shown and "<h1>Tu perfil</h1>" in shown
    assert '<option value="es" selected>Español</option>' in shown

    client.post(reverse("accounts:profile"), data | {"language": ""})
    driver.refresh_from_db()
    assert driver.language == ""  # back to the browser's


def test_sign_up_keeps_the_language_the_page_was_read_in() -> None:
    data = {
        "username": "rosa",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "time_zone": "America/Los_Angeles",
    }
    response = Client().post(reverse("accounts:signup"), data, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert User.objects.get(username="rosa").language == "es"
    Client().post(
        reverse("accounts:signup"), data | {"username": "omar"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert User.objects.get(username="omar").language == "en"


def test_the_password_reset_email_is_in_the_language_of_its_reader(
    driver: User, mailoutbox: list[Any]
) -> None:
    driver.email = "dana@example.com"
    driver.language = "es"
    driver.save()
    # Asked for from an English browser: the email is still in Dana's language.
    response = Client().post(
        reverse("accounts:password_reset"),
        {"email": "dana@example.com"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.subject == "Crea una contraseña nueva de Reinstate"
    assert message.body.startswith("Hola, dana:")
    assert "Para crear una contraseña nueva, abre este enlace:" in message.body
    assert "Tu nombre de usuario es: dana" in message.body
    assert "password" not in message.body.replace("password/reset", "")


def test_without_a_choice_the_password_reset_email_is_in_english(
    driver: User, mailoutbox: list[Any]
) -> None:
    driver.email = "dana@example.com"
    driver.save()
    Client().post(
        reverse("accounts:password_reset"), {"email": "dana@example.com"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    (message,) = mailoutbox
    assert message.subject == "Set a new Reinstate password"
