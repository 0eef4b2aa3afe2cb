"""reinstate org add|advocate|docket|stats|demo

In compose, not accounts: `docket` shows each case's stage and readiness, which read every app
(Django runs the first installed app's command of a name, so there is one `org` command).
"""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.actions import do_add_advocate, do_create_organisation
from reinstate.accounts.models import Organisation
from reinstate.accounts.queries import user_named
from reinstate.compose.docket import SORTS, DocketQuery, docket_csv, docket_page
from reinstate.compose.docket_demo import fill_demo
from reinstate.compose.org_stats import organisation_outcomes, outcomes_json
from reinstate.compose.stats_forms import range_problem
from reinstate.core.cli import Error, JsonCommand
from reinstate.rules.appeal.stage import STAGES


def organisation_json(organisation: Organisation) -> dict[str, Any]:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "invite_code": organisation.invite_code,
        "advocates": sorted(m.user.username for m in organisation.membership_set.all()),
        # Each member with their role: "admin" (manages members and the code) or "advocate".
        "members": [
            {"user": m.user.username, "role": m.role}
            for m in sorted(organisation.membership_set.all(), key=lambda m: m.user.username)
        ],
    }


def organisation_named(given: str) -> Organisation:
    """By id, else by name (ignoring case); two of the same name must be named by id."""
    if given.isdigit():
        found = Organisation.objects.filter(pk=int(given)).first()
        if found:
            return found
    matches = list(Organisation.objects.filter(name__iexact=given.strip()).order_by("pk")[:2])
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise Error(f"More than one organisation is named {given!r}: name it by its id.")
    raise Error(f"No organisation {given!r}. Create one with: reinstate org add NAME")


class Command(JsonCommand):
    help = "Organisations (unions, clinics) whose advocates see the cases drivers share with them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        add = actions.add_parser("add", help="create an organisation")
        add.add_argument("name")
        add.add_argument("--advocate", action="append", default=[], help="a user name")
        advocate = actions.add_parser("advocate", help="make a user an advocate of it")
        advocate.add_argument("organisation", help="its id or name")
        advocate.add_argument("user")
        docket = actions.add_parser("docket", help="the cases shared with it, a page at a time")
        docket.add_argument("organisation", help="its id or name")
        docket.add_argument("--stage", choices=STAGES)
        docket.add_argument("--due-within", type=int, metavar="DAYS")
        docket.add_argument("--platform")
        docket.add_argument("--search")
        docket.add_argument(
            "--assignee", metavar="USER", help="the cases a member carries; none: nobody does"
        )
        docket.add_argument("--wave", metavar="KEY", help="the cases of one batch (see waves)")
        docket.add_argument("--sort", default="deadline")
        docket.add_argument("--desc", action="store_true")
        docket.add_argument("--page", type=int, default=1)
        docket.add_argument("--format", choices=["json", "csv"], default="json")
        stats = actions.add_parser(
            "stats", help="its cases counted by platform, reason, stage, outcome and month"
        )
        stats.add_argument("organisation", help="its id or name")
        stats.add_argument("--since", metavar="DAY", help="notices from this day (YYYY-MM-DD)")
        stats.add_argument("--until", metavar="DAY", help="notices to this day (YYYY-MM-DD)")
        demo = actions.add_parser("demo", help='fill a "demo…" organisation with made-up cases')
        demo.add_argument("organisation", help="its id or name")
        demo.add_argument("--cases", type=int, required=True)
        demo.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "add":
            advocates = [user_named(name) for name in options["advocate"]]
            organisation = do_create_organisation(
                name=options["name"], advocates=advocates, actor=None
            )
        elif action == "advocate":
            organisation = organisation_named(options["organisation"])
            do_add_advocate(organisation=organisation, user=user_named(options["user"]), actor=None)
        elif action == "docket":
            return self.docket(organisation_named(options["organisation"]), options)
        elif action == "stats":
            return self.stats(organisation_named(options["organisation"]), options)
        else:
            filled = fill_demo(
                organisation_named(options["organisation"]),
                count=options["cases"],
                seed=options["seed"],
                now=timezone.now(),
            )
            return self.emit(filled.__dict__)
        self.emit(organisation_json(organisation))

    def stats(self, organisation: Organisation, options: dict[str, Any]) -> None:
        """The outcomes page's figures, exact (no small count hidden: this is the server's
        operator); no bound given counts every case."""
        since = _day(options["since"], "--since")
        until = _day(options["until"], "--until")
        problem = range_problem(since, until)
        if problem:
            raise Error(problem)
        found = organisation_outcomes(organisation, since=since, until=until)
        self.emit(outcomes_json(organisation, found))

    def docket(self, organisation: Organisation, options: dict[str, Any]) -> None:
        """The same rows as the docket page, with the same query (one page of 50)."""
        if options["due_within"] is not None and options["due_within"] < 0:
            raise Error("--due-within must be 0 or more days.")
        params = {
            "stage": options["stage"] or "",
            "platform": options["platform"] or "",
            "due": "" if options["due_within"] is None else str(options["due_within"]),
            "q": options["search"] or "",
            "assignee": _assignee(organisation, options["assignee"]),
            "wave": options["wave"] or "",
            "sort": options["sort"],
            "dir": "desc" if options["desc"] else "",
            "page": str(max(1, options["page"])),
        }
        query = DocketQuery.from_params(params)
        if params["platform"] and not query.platform:
            raise Error(f"No platform {params['platform']!r}.")
        if params["wave"] and not query.wave:
            raise Error(f"No wave {params['wave']!r}: the docket's JSON lists the waves' keys.")
        if query.sort != options["sort"]:
            raise Error(f"Sort by one of: {', '.join(SORTS)}.")
        found = docket_page(organisation, query, now=timezone.now())
        if options["format"] == "csv":
            self.stdout.write(docket_csv(found.rows), ending="")
            return
        self.emit(
            {
                "organisation": {"id": organisation.pk, "name": organisation.name},
                "total": found.total,
                "page": found.page,
                "pages": found.pages,
                "rows": [row.as_json() for row in found.rows],
                "waves": [
                    {
                        "key": wave.key,
                        "platform": wave.platform,
                        "reason": wave.reason,
                        "week_of": wave.week_start.isoformat(),
                        "cases": list(wave.case_ids),
                    }
                    for wave in found.waves
                ],
            }
        )


def _assignee(organisation: Organisation, given: str | None) -> str:
    """--assignee: a member's user name, or "none" for the cases nobody carries."""
    if not given:
        return ""
    if given.strip().lower() == "none":
        return "none"
    member = organisation.membership_set.filter(user__username=given.strip()).first()
    if member is None:
        raise Error(f"{given!r} is not a member of {organisation.name}: name a member, or none.")
    return str(member.user_id)


def _day(given: str | None, flag: str) -> date | None:
    if given is None:
        return None
    try:
        return date.fromisoformat(given.strip())
    except ValueError:
        raise Error(
            _("%(flag)s must be a day written YYYY-MM-DD, like 2026-01-31, not %(given)s.")
            % {"flag": flag, "given": repr(given)}
        ) from None
