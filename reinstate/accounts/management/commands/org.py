"""reinstate org add NAME [--advocate USER]... | reinstate org advocate ORG_ID USER"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from reinstate.accounts.actions import do_add_advocate, do_create_organisation
from reinstate.accounts.models import Organisation
from reinstate.accounts.queries import user_named
from reinstate.core.cli import Error, JsonCommand


def organisation_json(organisation: Organisation) -> dict[str, Any]:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "invite_code": organisation.invite_code,
        "advocates": sorted(m.user.username for m in organisation.membership_set.all()),
    }


class Command(JsonCommand):
    help = "Organisations (unions, clinics) whose advocates see the cases drivers share with them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        add = actions.add_parser("add", help="create an organisation")
        add.add_argument("name")
        add.add_argument("--advocate", action="append", default=[], help="a user name")
        advocate = actions.add_parser("advocate", help="make a user an advocate of it")
        advocate.add_argument("organisation", type=int)
        advocate.add_argument("user")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "add":
            advocates = [user_named(name) for name in options["advocate"]]
            organisation = do_create_organisation(
                name=options["name"], advocates=advocates, actor=None
            )
        else:
            try:
                organisation = Organisation.objects.get(pk=options["organisation"])
            except Organisation.DoesNotExist:
                raise Error(f"No organisation {options['organisation']}.") from None
            do_add_advocate(organisation=organisation, user=user_named(options["user"]), actor=None)
        self.emit(organisation_json(organisation))
