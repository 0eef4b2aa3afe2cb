"""reinstate case new|show|list|received|close|reopen|decision

In compose, not cases: every case it prints carries its `stage`, and `decision` records the
platform's decision on the appeal; both reach appeals, which cases may not import.
"""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.accounts.queries import user_named
from reinstate.appeals.after_sending import after_sending
from reinstate.appeals.models import Decision
from reinstate.appeals.send_actions import disagreement, do_record_decision
from reinstate.appeals.sent_presenters import sent_json
from reinstate.cases.actions import (
    ENDINGS,
    do_open_case,
    do_set_case_outcome,
    do_set_case_status,
    do_set_received,
)
from reinstate.cases.claim_actions import (
    DriverDetails,
    do_open_case_for_driver,
    do_send_claim_invite,
)
from reinstate.cases.cli_input import load_notice, parse_received
from reinstate.cases.models import Case, ClaimInvite
from reinstate.cases.presenters import case_json
from reinstate.cases.queries import case_numbered, cases_for_docket
from reinstate.compose.journey import case_stage
from reinstate.compose.management.commands.org import organisation_named
from reinstate.core.cli import Error, JsonCommand, not_a_day
from reinstate.evidence.notice_pictures import keep_notice_pictures
from reinstate.lib.iso import iso
from reinstate.lib.tz import parse_time_zone
from reinstate.rules.notice.reading import PLATFORMS


class Command(JsonCommand):
    help = "Open, show, list, close and reopen cases, and change when a notice arrived."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        new = actions.add_parser("new", help="open a case from a notice")
        new.add_argument("--user", help="the driver whose case it is (or --for-org)")
        new.add_argument(
            "--for-org",
            metavar="ORG",
            help="open it for a driver, as an advocate of this organisation (its id or name); "
            "the driver claims it by the link printed",
        )
        new.add_argument("--advocate", metavar="USER", help="with --for-org: who opens it")
        new.add_argument("--driver-name", metavar="NAME", help="with --for-org: the driver")
        new.add_argument("--driver-email", default="", help="with --for-org: email them the link")
        new.add_argument("--driver-phone", default="", help="with --for-org: to text them")
        new.add_argument(
            "--driver-language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="en",
            help="with --for-org: the email's language",
        )
        new.add_argument("--notice", required=True, help="a .txt or .eml file, or - for stdin")
        new.add_argument(
            "--received",
            help="when it arrived, ISO 8601 (default: an email's Date header, else now)",
        )
        new.add_argument("--tz", help="time zone (default: the user's)")
        new.add_argument("--platform", choices=PLATFORMS)
        show = actions.add_parser("show", help="show one case")
        show.add_argument("id", type=int)
        listing = actions.add_parser("list", help="a user's cases, soonest deadline first")
        listing.add_argument("--user", required=True)
        received = actions.add_parser(
            "received", help="change when the notice arrived; the deadline is worked out again"
        )
        received.add_argument("id", type=int)
        received.add_argument("at", metavar="ISO8601", help="e.g. 2026-11-02T16:00:00-08:00")
        close = actions.add_parser("close", help="close a case, saying how it ended if you know")
        close.add_argument("id", type=int)
        close.add_argument("--outcome", choices=[e.value for e in ENDINGS], help="how it ended")
        close.add_argument("--on", metavar="YYYY-MM-DD", help="with --outcome reinstated: the day")
        close.add_argument(
            "--note", default="", metavar="TEXT", help="with --outcome: a few words on how it ended"
        )
        reopen = actions.add_parser("reopen", help="reopen a case; clears how it ended")
        reopen.add_argument("id", type=int)
        decision = actions.add_parser(
            "decision", help="record the platform's decision on the appeal (granted closes it)"
        )
        decision.add_argument("id", type=int)
        decision.add_argument("--outcome", required=True, choices=Decision.Outcome.values)
        decision.add_argument("--on", metavar="YYYY-MM-DD", help="the day (default: today)")
        decision.add_argument(
            "--notice",
            metavar="FILE",
            help="the platform's message, a .txt or .eml file (- for stdin)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        action = options["action"]
        if action == "new" and options["for_org"]:
            self.emit(open_for_driver(options, now=now))
        elif action == "new":
            if not options["user"]:
                raise Error(_("Name the driver with --user NAME (or use --for-org)."))
            user = user_named(options["user"])
            tz = parse_time_zone(options["tz"] or user.time_zone)
            notice = load_notice(options["notice"])
            case = do_open_case(
                owner=user,
                notice=notice,
                received=parse_received(options["received"], tz),
                tz=tz,
                platform_hint=options["platform"],
                now=now,
            )
            if notice.ocr is not None and options["notice"] not in (None, "-"):
                # Read from a screenshot: the picture itself is kept as the first exhibit, as
                # when a driver confirms a screenshot's text on the web.
                keep_notice_pictures(
                    None, case=case, actor=user, pictures=[(Path(options["notice"]), "")]
                )
            self.emit(_case_json(case, now=now))
        elif action == "show":
            case = case_numbered(options["id"])
            self.emit(_case_json(case, now=now))
        elif action == "received":
            case = case_numbered(options["id"])
            at = parse_received(options["at"], case.tz, name=None)
            assert at is not None
            # Done as the driver, as when they change it on the web.
            do_set_received(case=case, actor=case.owner, received=at, now=now)
            self.emit(_case_json(case, now=now))
        elif action == "close":
            case = close(case_numbered(options["id"]), options, now=now)
            self.emit(_case_json(case, now=now))
        elif action == "decision":
            self.emit(decide(case_numbered(options["id"]), options, now=now))
        elif action == "reopen":
            case = case_numbered(options["id"])
            # Done as the driver: the audit log names them, as when they reopen it on the web.
            do_set_case_status(case=case, actor=case.owner, status=Case.Status.OPEN)
            self.emit(_case_json(case, now=now))
        else:
            user = user_named(options["user"])
            self.emit({"cases": [_case_json(c, now=now) for c in cases_for_docket(user)]})


def open_for_driver(options: dict[str, Any], *, now: datetime) -> dict[str, Any]:
    """An advocate's intake, as on the web: the case shared with the organisation, and the
    one-time link the driver claims it by (emailed too when an address and the site's URL are
    known: a link in an email must be whole)."""
    if options["user"]:
        raise Error(_("Give --user for a driver's own case, or --for-org: not both."))
    if not options["advocate"] or not options["driver_name"]:
        raise Error(_("With --for-org, give --advocate USER and --driver-name NAME."))
    organisation = organisation_named(options["for_org"])
    advocate = user_named(options["advocate"])
    tz = parse_time_zone(options["tz"] or advocate.time_zone)
    driver = DriverDetails(
        name=options["driver_name"],
        email=options["driver_email"],
        phone=options["driver_phone"],
        language=options["driver_language"],
    )
    case, token = do_open_case_for_driver(
        advocate=advocate,
        organisation=organisation,
        driver=driver,
        notice=load_notice(options["notice"]),
        received=parse_received(options["received"], tz),
        tz=tz,
        platform_hint=options["platform"],
        now=now,
    )
    invite = ClaimInvite.objects.get(case=case)
    link = f"{settings.SITE_URL}{reverse('cases:claim', args=[token])}"
    emailed = bool(invite.email and settings.SITE_URL)
    if emailed:
        do_send_claim_invite(invite=invite, actor=advocate, link=link)
    return _case_json(case, now=now) | {
        "driver": invite.driver_name,
        "claim_link": link,
        "claim_expires": iso(invite.expires_at),
        "emailed": emailed,
    }


def _case_json(case: Case, *, now: datetime) -> dict[str, Any]:
    return case_json(case, now=now) | {"stage": case_stage(case, now=now)}


def decide(case: Case, options: dict[str, Any], *, now: datetime) -> dict[str, Any]:
    """As the driver, as on the web. A message that reads as the other answer is a warning."""
    day = now.astimezone(case.tz).date() if options["on"] is None else _day(options["on"])
    message = load_notice(options["notice"]).text if options["notice"] else ""
    decided = do_record_decision(
        case=case,
        actor=case.owner,
        outcome=options["outcome"],
        decided_on=day,
        message=message,
        now=now,
    )
    case.refresh_from_db()
    with translation.override("en"):  # the JSON is English whatever --lang says
        warning = disagreement(decided.decision.outcome, decided.read_as)
        after = sent_json(case, after_sending(case, now=now))
    return after | {
        "stage": case_stage(case, now=now),
        "decision": {
            "id": decided.decision.pk,
            "outcome": decided.decision.outcome,
            "decided_on": decided.decision.decided_on.isoformat(),
        },
        "warning": warning or None,
        "status": case.status,
        "outcome": case.outcome,
    }


def close(case: Case, options: dict[str, Any], *, now: datetime) -> Case:
    """Close as the driver; with --outcome, also say how it ended. Bad input changes nothing."""
    outcome, on, note = options["outcome"], options["on"], options["note"]
    if outcome is None:
        if on is not None or note:
            raise Error(_("--on and --note say how the case ended: add --outcome as well."))
        return do_set_case_status(case=case, actor=case.owner, status=Case.Status.CLOSED)
    if outcome != Case.Outcome.REINSTATED and on is not None:
        raise Error(
            _("--on is the day your account was reinstated: use it with --outcome reinstated.")
        )
    if outcome == Case.Outcome.REINSTATED and on is None:
        raise Error(_("Add --on YYYY-MM-DD: the day your account was reinstated."))
    return do_set_case_outcome(
        case=case,
        actor=case.owner,
        outcome=outcome,
        reinstated_on=None if on is None else _day(on),
        note=note,
        now=now,
    )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Error(not_a_day(value, "--on")) from None
