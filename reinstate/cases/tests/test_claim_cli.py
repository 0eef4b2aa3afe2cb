"""`reinstate case new --for-org`: an advocate's intake from the command line, as on the web,
printing the one-time link the driver claims the case by."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.cases.claim_actions import do_claim_case
from reinstate.cases.models import Case
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import clinic, make_user

pytestmark = pytest.mark.django_db


def _new(*extra: str) -> list[str]:
    return ["case", "new", "--notice", "-", "--received", "2026-11-02T09:00:00-08:00", *extra]


@override_settings(SITE_URL="https://reinstate.example")
def test_an_advocate_opens_a_case_for_a_driver_and_gets_the_link(
    advocate: User, driver: User
) -> None:
    org = clinic(advocate)
    out = ok(
        reinstate(
            *_new("--for-org", org.name, "--advocate", "ada", "--driver-name", "Maria Lopez",
                  "--driver-email", "maria@example.com", "--driver-language", "es"),
            stdin=FLEX_LATE,
        )
    )  # fmt: skip
    assert out["driver"] == "Maria Lopez" and out["emailed"] is True
    assert out["claim_link"].startswith("https://reinstate.example/cases/claim/")
    case = Case.objects.get(pk=out["id"])
    assert case.organisation == org and case.owner.placeholder
    assert mail.outbox[0].to == ["maria@example.com"]
    assert out["claim_link"] in mail.outbox[0].body
    event = AuditEvent.objects.filter(case_id_ref=case.pk).first()
    assert event is not None and event.actor == advocate
    token = out["claim_link"].rstrip("/").rsplit("/", 1)[1]
    do_claim_case(token=token, driver=driver)
    case.refresh_from_db()
    assert case.owner == driver


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--advocate", "ada"], "give --advocate USER and --driver-name NAME"),
        (["--advocate", "omar", "--driver-name", "Maria"], "Only an advocate of the organisation"),
        (["--advocate", "ada", "--driver-name", "Maria", "--user", "ada"], "not both"),
    ],
)
def test_it_refuses_with_one_line_and_opens_nothing(
    advocate: User, extra: list[str], message: str
) -> None:
    make_user("omar")
    result = reinstate(*_new("--for-org", str(clinic(advocate).pk), *extra), stdin=FLEX_LATE)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not Case.objects.exists()
