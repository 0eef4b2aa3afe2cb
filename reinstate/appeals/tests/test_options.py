"""After a "no": the options page, a page per draft, and `reinstate next` / `reinstate draft`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.options import case_options, country_of, option_draft
from reinstate.cases.models import Case
from reinstate.rules.appeal.tone import check_tone
from reinstate.testing.cli import Result, ok, reinstate
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

NOW = datetime.fromisoformat("2026-12-04T12:00:00-08:00")


def keys(case: Case) -> list[str]:
    return [o.key for o in case_options(case, now=NOW)]


def test_a_denied_seattle_grubhub_background_case_gets_its_options(seattle_case: Case) -> None:
    assert keys(seattle_case) == [
        "regulator_complaint",
        "fcra_dispute",
        "legal_help",
    ]


def test_the_drafts_name_the_driver_and_account_and_pass_the_tone_check(
    seattle_case: Case,
) -> None:
    for key in ("regulator_complaint", "fcra_dispute"):
        draft = option_draft(seattle_case, key, now=NOW)
        assert "Dana Reyes" in draft.text and "dana@example.com" in draft.text
        assert check_tone(draft.full()) == []


def test_a_case_closed_as_denied_counts_as_denied(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)  # Dana in Los Angeles, Amazon Flex
    case.status, case.outcome = Case.Status.CLOSED, Case.Outcome.DENIED
    case.save()
    assert keys(case) == ["arbitration", "data_access_request", "legal_help"]


def test_uk_and_eu_zones_mean_gdpr(driver: User) -> None:
    driver.state = ""
    driver.time_zone = "Europe/London"
    assert country_of(driver) == "GB"
    driver.time_zone = "Europe/Madrid"
    assert country_of(driver) == "EU"
    driver.state = "CA"
    assert country_of(driver) == "US"


def test_the_options_page_shows_each_clock_with_its_rule_and_source(
    seattle_case: Case, driver: User
) -> None:
    page = client_for(driver).get(f"/cases/{seattle_case.pk}/appeal/options")
    assert page.status_code == 200
    html = page.content.decode()
    assert "What you can do now" in html
    assert "Seattle Office of Labor Standards" in html
    assert "1681i" in html and "http://www.creditreporting.com/fcra-611.html" in html
    assert f"/cases/{seattle_case.pk}/appeal/options/fcra_dispute" in html
    assert "not legal advice" in html


def test_a_draft_page_shows_the_draft_to_copy(seattle_case: Case, driver: User) -> None:
    page = client_for(driver).get(f"/cases/{seattle_case.pk}/appeal/options/regulator_complaint")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<textarea" in html and "Dana Reyes" in html and "not legal advice" in html


@pytest.mark.parametrize(
    "path", ["options", "options/regulator_complaint", "options/nonsense", "options/legal_help"]
)
def test_outsiders_unknown_keys_and_undrafted_options_get_404(
    seattle_case: Case, driver: User, other_driver: User, path: str
) -> None:
    url = f"/cases/{seattle_case.pk}/appeal/{path}"
    assert client_for(other_driver).get(url).status_code == 404
    if path not in ("options", "options/regulator_complaint"):
        assert client_for(driver).get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(seattle_case: Case) -> None:
    page = Client().get(f"/cases/{seattle_case.pk}/appeal/options")
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]


# --- the command line ------------------------------------------------------------------------


def fail_line(result: Result) -> str:
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    return lines[0]


def test_next_prints_the_stage_and_the_options(seattle_case: Case) -> None:
    shown = ok(reinstate("next", str(seattle_case.pk)))
    assert shown["stage"] == "decided"
    assert [o["key"] for o in shown["options"]] == [
        "regulator_complaint",
        "fcra_dispute",
        "legal_help",
    ]
    fcra = shown["options"][1]
    assert set(fcra) == {
        "key",
        "title",
        "who",
        "how",
        "deadline",
        "clock_source",
        "draft",
        "source",
        "confidence",
    }
    assert fcra["deadline"] is None and "30 days" in fcra["clock_source"] and fcra["draft"]


def test_next_before_sending_lists_the_appeal(driver: User, open_case: Callable[..., Case]) -> None:
    case = open_case(driver, FLEX_LATE)
    shown = ok(reinstate("next", str(case.pk)))
    assert shown["options"][0]["key"] in ("send_appeal", "protective_appeal")
    assert shown["options"][-1]["key"] == "legal_help"


def test_draft_writes_a_file_or_prints_it(seattle_case: Case, tmp_path: Path) -> None:
    out = tmp_path / "complaint.txt"
    written = ok(reinstate("draft", str(seattle_case.pk), "regulator_complaint", "-o", str(out)))
    assert written["path"] == str(out) and written["bytes"] == len(out.read_bytes())
    text = out.read_text()
    assert "not legal advice" in text and "Dana Reyes" in text
    printed = ok(reinstate("draft", str(seattle_case.pk), "fcra_dispute"))
    assert "1681i" in printed["text"] and printed["key"] == "fcra_dispute"


def test_draft_refuses_an_unknown_key_with_the_list(seattle_case: Case) -> None:
    line = fail_line(reinstate("draft", str(seattle_case.pk), "lawsuit"))
    assert "send_appeal" in line and "legal_help" in line


def test_draft_refuses_an_option_without_a_draft(seattle_case: Case) -> None:
    assert "has no draft" in fail_line(reinstate("draft", str(seattle_case.pk), "legal_help"))


def test_draft_refuses_an_option_that_does_not_apply(seattle_case: Case) -> None:
    line = fail_line(reinstate("draft", str(seattle_case.pk), "arbitration"))
    assert "does not apply" in line and "regulator_complaint" in line


def test_draft_of_the_protective_appeal_when_it_is_offered(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    # Nothing sent and five hours left: the short appeal is offered.
    case.deadline = timezone.now() + timedelta(hours=5)
    case.save()
    printed = ok(reinstate("draft", str(case.pk), "protective_appeal"))
    assert "I appeal" in printed["text"]


def test_next_of_a_missing_case_is_one_line() -> None:
    assert "No case 999" in fail_line(reinstate("next", "999"))
