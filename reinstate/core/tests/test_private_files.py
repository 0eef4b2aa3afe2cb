"""What the app writes (the data folder, the database, the originals) is readable by its own
user only, and behind HTTPS browsers are held to it (issue 15)."""

from __future__ import annotations

import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import default_store
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE


def others_may_read(path: Path) -> bool:
    return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


@pytest.mark.django_db
def test_an_original_is_kept_for_the_app_alone(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    added = add_file(case, files.jpeg(), "gate.jpg")
    original = default_store().path_for(added.item.blob.sha256)
    assert stat.S_IMODE(original.stat().st_mode) == 0o400


def test_the_data_folder_and_its_files_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)  # made before, open to all
    script = (
        "import django, os; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0)"
    )
    env = {"REINSTATE_HOME": str(home), "DJANGO_SETTINGS_MODULE": "reinstate.settings", "PATH": ""}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for made in (home / "reinstate.sqlite3", home / "secret_key"):
        assert not others_may_read(made), made


def test_behind_https_browsers_are_held_to_it(tmp_path: Path) -> None:
    script = (
        "from django.conf import settings;"
        "print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS > 0)"
    )
    env = {"REINSTATE_HTTPS": "1", "DJANGO_SETTINGS_MODULE": "reinstate.settings", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + script],
        env=env | {"REINSTATE_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.split() == ["True", "True"]
