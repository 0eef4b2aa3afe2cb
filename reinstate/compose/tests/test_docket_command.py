"""`reinstate org`: add and advocate as before, the docket as JSON or CSV, and demo data."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from reinstate.accounts.models import Organisation, User
from reinstate.cases.models import Case
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import DISPUTE, FLEX_LATE

pytestmark = pytest.mark.django_db


def test_add_and_advocate_still_work_by_id_or_name(advocate: User, driver: User) -> None:
    made = ok(reinstate("org", "add", "Eastside Clinic", "--advocate", "ada"))
    assert made["advocates"] == ["ada"]
    assert ok(reinstate("org", "advocate", "eastside clinic", "dana"))["advocates"] == [
        "ada",
        "dana",
    ]
    assert ok(reinstate("org", "advocate", str(made["id"]), "dana"))["id"] == made["id"]


def test_the_docket_prints_the_pages_rows(
    driver: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    org = Organisation.objects.get(membership__user=advocate)
    driver.legal_name = "Maria Lopez"
    driver.save()
    case = open_case(driver, FLEX_LATE)
    case.organisation = org
    case.save()
    open_case(driver, DISPUTE)  # not shared: never listed
    printed = ok(reinstate("org", "docket", org.name))
    assert printed["total"] == 1
    [row] = printed["rows"]
    assert row["case"] == case.pk and row["driver"] == "Maria Lopez"
    assert row["platform"] == "amazon_flex" and row["stage"] == "reading"
    assert set(row) >= {"deadline", "time_left", "readiness", "last_activity", "reason"}
    assert ok(reinstate("org", "docket", str(org.pk), "--stage", "closed"))["rows"] == []
    assert ok(reinstate("org", "docket", str(org.pk), "--due-within", "3"))["rows"] == []
    out = reinstate("org", "docket", str(org.pk), "--format", "csv")
    assert out.returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows[0]["driver"] == "Maria Lopez" and rows[0]["stage"] == "reading"


def test_bad_input_is_one_line_and_exit_2(advocate: User) -> None:
    for args in (
        ("org", "docket", "No Such Org"),
        ("org", "docket", "Drivers Resource Center", "--stage", "flying"),
        ("org", "docket", "Drivers Resource Center", "--due-within", "-1"),
        ("org", "demo", "Drivers Resource Center", "--cases", "3"),
    ):
        result = reinstate(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    refused = reinstate("org", "demo", "Drivers Resource Center", "--cases", "3")
    assert 'starts with "demo"' in refused.stderr
    assert not Case.objects.exists()


def test_demo_fills_a_demo_organisation_repeatably() -> None:
    org = ok(reinstate("org", "add", "Demo Drivers Union"))
    filled = ok(reinstate("org", "demo", "demo drivers union", "--cases", "40", "--seed", "5"))
    assert filled["cases"] == 40 and filled["drivers"] == 40
    cases = Case.objects.filter(organisation_id=org["id"])
    assert cases.count() == 40
    assert len({c.platform for c in cases}) >= 3
    assert all(c.owner.legal_name for c in cases.select_related("owner"))
    assert not any(c.evidence.exists() for c in cases)
    docket = ok(reinstate("org", "docket", str(org["id"])))
    assert docket["total"] == 40 and len(docket["rows"]) == 40
