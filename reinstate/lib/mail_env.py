"""How the app sends email, read from the environment: a mail server (SMTP) when one is named,
else the console (mail is printed in the server's log, for trying the app out)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reinstate.lib.env import ConfigError, env_bool, env_int

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"


def email_settings(environ: Mapping[str, str], *, password: str = "") -> dict[str, Any]:
    """Django's EMAIL_* settings. REINSTATE_SMTP_HOST names the server; the port says how to
    talk to it unless told (465: TLS from the start; otherwise STARTTLS on 587 and plain on 25,
    e.g. a relay on the same machine). REINSTATE_EMAIL_BACKEND overrides the backend."""
    host = environ.get("REINSTATE_SMTP_HOST", "").strip()
    port = env_int("REINSTATE_SMTP_PORT", 587, environ)
    ssl = env_bool("REINSTATE_SMTP_SSL", port == 465, environ)
    starttls = env_bool("REINSTATE_SMTP_STARTTLS", port == 587 and not ssl, environ)
    if ssl and starttls:
        raise ConfigError("REINSTATE_SMTP_SSL and REINSTATE_SMTP_STARTTLS cannot both be on")
    backend = environ.get("REINSTATE_EMAIL_BACKEND") or (SMTP_BACKEND if host else CONSOLE_BACKEND)
    return {
        "EMAIL_BACKEND": backend,
        "EMAIL_HOST": host or "localhost",
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": environ.get("REINSTATE_SMTP_USER", ""),
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_USE_TLS": starttls,
        # A mail server that does not answer must not hold a page (a password reset) forever.
        "EMAIL_TIMEOUT": env_int("REINSTATE_SMTP_TIMEOUT", 20, environ),
    }
