"""The server's log: a bad Host header is one line, not a traceback, and a calendar feed's
token, which is its password, never appears (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
Client(HTTP_HOST="evil.example").get("/")
Client(HTTP_HOST="127.0.0.1").get("/cases/calendar/SECRETTOKEN123.ics")
"""


def test_a_bad_host_is_one_line_and_a_calendar_token_is_never_logged(tmp_path: Path) -> None:
    env = {
        "REINSTATE_HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "reinstate.settings",
        "PATH": "",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    log = done.stderr
    assert "Invalid HTTP_HOST header: 'evil.example'" in log
    assert "Traceback" not in log
    assert "SECRETTOKEN123" not in log
    assert "/cases/calendar/[token].ics" in log
