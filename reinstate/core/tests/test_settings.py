from __future__ import annotations

from pathlib import Path

import pytest
from django.test import override_settings

from reinstate.core.checks import check_secret_key
from reinstate.lib.env import ConfigError, env_bool
from reinstate.settings import database_settings


def test_it_uses_sqlite_in_the_data_folder_by_default(tmp_path: Path) -> None:
    config = database_settings("", tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "reinstate.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_it_uses_postgresql_when_database_url_is_set(tmp_path: Path) -> None:
    config = database_settings("postgres://me:pw@db.example:5432/reinstate", tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5432, "reinstate")


def test_env_bool_is_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REINSTATE_X", "maybe")
    with pytest.raises(ConfigError, match="REINSTATE_X"):
        env_bool("REINSTATE_X")
    monkeypatch.setenv("REINSTATE_X", "yes")
    assert env_bool("REINSTATE_X") is True


@pytest.mark.parametrize(
    "key", ["changeme", "django-insecure-abcdefghijklmnopqrstuvwxyz0123456789", "short"]
)
def test_it_refuses_a_default_secret_key_in_production(key: str) -> None:
    with override_settings(DEBUG=False, SECRET_KEY=key):
        assert [m.id for m in check_secret_key()] == ["reinstate.E001"]


def test_the_generated_key_passes() -> None:
    with override_settings(DEBUG=False):
        assert check_secret_key() == []


def test_it_hashes_passwords_with_argon2() -> None:
    # The suite swaps in a fast hasher (conftest.py); the app's own settings must not.
    from reinstate import settings as app_settings

    assert app_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
