"""Email goes through the mail server the environment names (REINSTATE_SMTP_*), else to the
console. The round trip speaks real SMTP to a server running in the test (aiosmtpd)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.core import mail
from pytest_django.fixtures import Settings

from reinstate.lib.env import ConfigError
from reinstate.lib.mail_env import CONSOLE_BACKEND, SMTP_BACKEND, email_settings


def test_it_prints_mail_on_the_console_until_a_server_is_named() -> None:
    assert email_settings({})["EMAIL_BACKEND"] == CONSOLE_BACKEND


def test_it_talks_starttls_on_587_and_tls_on_465_unless_told() -> None:
    on_587 = email_settings({"REINSTATE_SMTP_HOST": "smtp.example.org"})
    assert on_587["EMAIL_BACKEND"] == SMTP_BACKEND
    assert (on_587["EMAIL_PORT"], on_587["EMAIL_USE_TLS"], on_587["EMAIL_USE_SSL"]) == (
        587,
        True,
        False,
    )
    on_465 = email_settings({"REINSTATE_SMTP_HOST": "h", "REINSTATE_SMTP_PORT": "465"})
    assert (on_465["EMAIL_USE_TLS"], on_465["EMAIL_USE_SSL"]) == (False, True)
    relay = email_settings(
        {"REINSTATE_SMTP_HOST": "h", "REINSTATE_SMTP_PORT": "25", "REINSTATE_SMTP_USER": "u"},
        password="p",
    )
    assert (relay["EMAIL_USE_TLS"], relay["EMAIL_USE_SSL"]) == (False, False)
    assert (relay["EMAIL_HOST_USER"], relay["EMAIL_HOST_PASSWORD"]) == ("u", "p")


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        ({"REINSTATE_SMTP_PORT": "five"}, "REINSTATE_SMTP_PORT must be a whole number"),
        ({"REINSTATE_SMTP_SSL": "maybe"}, "REINSTATE_SMTP_SSL must be true or false"),
        (
            {"REINSTATE_SMTP_SSL": "on", "REINSTATE_SMTP_STARTTLS": "on"},
            "cannot both be on",
        ),
    ],
)
def test_a_wrong_setting_is_named(environ: dict[str, str], says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        email_settings({"REINSTATE_SMTP_HOST": "h", **environ})


class Inbox:
    def __init__(self) -> None:
        self.received: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:  # a free port (the controller checks it by connecting)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_mail_reaches_the_named_server(smtp_server: tuple[Inbox, int], settings: Settings) -> None:
    inbox, port = smtp_server
    configured = email_settings(
        {"REINSTATE_SMTP_HOST": "127.0.0.1", "REINSTATE_SMTP_PORT": str(port)}
    )
    for name, value in configured.items():
        setattr(settings, name, value)
    sent = mail.send_mail(
        "Your deadline is in 3 days", "Send your appeal by Friday.", "reinstate@localhost",
        ["dana@example.com"],
    )  # fmt: skip
    assert sent == 1
    [envelope] = inbox.received
    assert envelope.rcpt_tos == ["dana@example.com"]
    message = message_from_bytes(envelope.original_content or b"")
    assert message["Subject"] == "Your deadline is in 3 days"
