"""reinstate user add|set|export|delete

    user add NAME [--password-file FILE] [--email E] [--tz ZONE] [--state XX] [--city CITY]
                  [--name "LEGAL NAME"] [--account PLATFORM=EMAIL_OR_PHONE]...
    user set NAME [--name "LEGAL NAME"] [--account PLATFORM=EMAIL_OR_PHONE]... [--email E]
                  [--tz ZONE] [--state XX] [--city CITY] [--password-file FILE]
    user export NAME -o FILE.zip
    user delete NAME --yes

In compose, not accounts: exporting and deleting an account reach every app.
"""

from __future__ import annotations

import os
import secrets
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from reinstate.accounts.actions import (
    do_change_password,
    do_create_user,
    do_set_identity,
    do_update_profile,
)
from reinstate.accounts.identity import parse_account
from reinstate.accounts.models import US_STATES, PlatformAccount, User
from reinstate.accounts.queries import user_named
from reinstate.compose.delete_account import do_delete_account
from reinstate.compose.export import do_export_account
from reinstate.core.cli import Error, JsonCommand
from reinstate.lib.tz import parse_time_zone

STATES = ["", *(code for code, _label in US_STATES)]


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "legal_name": user.legal_name,
        "email": user.email,
        "time_zone": user.time_zone,
        "state": user.state,
        "city": user.city,
        "accounts": dict(
            PlatformAccount.objects.filter(user=user)
            .order_by("platform")
            .values_list("platform", "identifier")
        ),
    }


def _read_password(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise Error(_("Cannot read the password file: %(error)s") % {"error": error}) from None


class Command(JsonCommand):
    help = "Add, change, export or delete a user."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = self.add_subcommands(parser)
        add = sub.add_parser("add", help="add a user who can sign in to the web app")
        add.add_argument("name")
        add.add_argument("--password-file", help="a file holding the password (else one is made)")
        add.add_argument("--email", default="")
        add.add_argument("--tz", default="America/New_York", help="time zone")
        add.add_argument("--state", default="", choices=STATES)
        add.add_argument("--city", default="")
        self._identity_arguments(add)

        change = sub.add_parser("set", help="change a user's name, platform accounts or profile")
        change.add_argument("name")
        change.add_argument("--password-file", help="a file holding a new password")
        change.add_argument("--email")
        change.add_argument("--tz", help="time zone")
        change.add_argument("--state", choices=STATES)
        change.add_argument("--city")
        self._identity_arguments(change)

        export = sub.add_parser("export", help="write all the user's data to a zip")
        export.add_argument("name")
        export.add_argument("-o", "--output", required=True, help="the zip file to write")

        delete = sub.add_parser("delete", help="delete the user and all their data, for good")
        delete.add_argument("name")
        delete.add_argument("--yes", action="store_true", help="yes, delete it for good")

    def _identity_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--name", dest="legal_name", help="the legal name the appeal is signed with"
        )
        parser.add_argument(
            "--account",
            action="append",
            default=[],
            metavar="PLATFORM=EMAIL_OR_PHONE",
            help="the email or phone a platform's account uses (empty removes it); repeatable",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "add":
            self.emit(self._add(options))
        elif action == "set":
            self.emit(self._set(options))
        elif action == "export":
            self.emit(self._export(options))
        else:
            self.emit(self._delete(options))

    def _add(self, options: dict[str, Any]) -> dict[str, Any]:
        tz = parse_time_zone(options["tz"])
        accounts = dict(parse_account(arg) for arg in options["account"])
        generated = options["password_file"] is None
        password = (
            secrets.token_urlsafe(12) if generated else _read_password(options["password_file"])
        )
        with transaction.atomic():
            user = do_create_user(
                username=options["name"],
                password=password,
                email=options["email"],
                time_zone=tz.key,
                state=options["state"],
                city=options["city"],
                legal_name=options["legal_name"] or "",
            )
            if accounts:
                do_set_identity(user=user, accounts=accounts)
        payload = user_json(user)
        if generated:
            payload["password"] = password
        return payload

    def _set(self, options: dict[str, Any]) -> dict[str, Any]:
        user = user_named(options["name"])
        accounts = dict(parse_account(arg) for arg in options["account"])
        profile: dict[str, str] = {}
        if options["tz"] is not None:
            profile["time_zone"] = parse_time_zone(options["tz"]).key
        for key in ("email", "state", "city"):
            if options[key] is not None:
                profile[key] = options[key]
        password = _read_password(options["password_file"]) if options["password_file"] else None
        with transaction.atomic():
            changed = do_set_identity(
                user=user, legal_name=options["legal_name"], accounts=accounts
            )
            changed += do_update_profile(user=user, **profile)
            if password is not None:
                do_change_password(user=user, password=password, how="set")
                changed.append("password")
        return user_json(user) | {"changed": changed}

    def _export(self, options: dict[str, Any]) -> dict[str, Any]:
        user = user_named(options["name"])
        out = Path(options["output"])
        if out.is_dir():
            raise Error(
                _("%(path)s is a folder: give the name of the zip file to write.") % {"path": out}
            )
        temp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
        try:
            with temp.open("xb") as handle:
                exported = do_export_account(user=user, target=handle, actor=None)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(out)
        except OSError as error:
            raise Error(
                _("Cannot write %(path)s: %(error)s")
                % {"path": out, "error": error.strerror or error}
            ) from None
        finally:
            temp.unlink(missing_ok=True)
        return {"path": str(out.resolve()), "bytes": out.stat().st_size, "files": exported.files}

    def _delete(self, options: dict[str, Any]) -> dict[str, Any]:
        user = user_named(options["name"])
        if not options["yes"]:
            raise Error(
                _("This deletes %(name)s and all their data for good. Add --yes to do it.")
                % {"name": user.username}
            )
        return do_delete_account(user=user, actor=None).as_json()
