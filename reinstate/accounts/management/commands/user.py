"""reinstate user add NAME [--password-file FILE] [--tz ZONE] [--state XX] [--city CITY]"""

from __future__ import annotations

import secrets
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from reinstate.accounts.actions import do_create_user
from reinstate.accounts.models import US_STATES
from reinstate.core.cli import Error, JsonCommand
from reinstate.lib.tz import parse_time_zone


class Command(JsonCommand):
    help = "Add a user who can sign in to the web app."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add = self.add_subcommands(parser).add_parser("add", help=self.help)
        add.add_argument("name")
        add.add_argument("--password-file", help="a file holding the password (else one is made)")
        add.add_argument("--email", default="")
        add.add_argument("--tz", default="America/New_York", help="time zone")
        add.add_argument("--state", default="", choices=["", *(code for code, _ in US_STATES)])
        add.add_argument("--city", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        tz = parse_time_zone(options["tz"])
        generated = options["password_file"] is None
        if generated:
            password = secrets.token_urlsafe(12)
        else:
            try:
                password = Path(options["password_file"]).read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as error:
                raise Error(f"Cannot read the password file: {error}") from None
        user = do_create_user(
            username=options["name"],
            password=password,
            email=options["email"],
            time_zone=tz.key,
            state=options["state"],
            city=options["city"],
        )
        payload: dict[str, Any] = {
            "id": user.pk,
            "username": user.username,
            "time_zone": user.time_zone,
        }
        if generated:
            payload["password"] = password
        self.emit(payload)
