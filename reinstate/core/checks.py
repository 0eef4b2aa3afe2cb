"""System checks: refuse to run in production on settings that are unsafe."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

# For the operator, on the command line: English, as every command's output is for now.
KEY_HINT = "Unset it to use the key generated in REINSTATE_HOME, or set 50 random characters."
WEAK_KEYS = {"", "changeme", "secret", "dev", "development", "insecure"}


@register()
def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DEBUG:
        return []
    key = settings.SECRET_KEY
    if key.lower() in WEAK_KEYS or key.startswith(settings.INSECURE_KEY_PREFIX) or len(key) < 32:
        return [
            Error(
                "REINSTATE_SECRET_KEY is a default or too short for production.",
                hint=KEY_HINT,
                id="reinstate.E001",
            )
        ]
    return []
