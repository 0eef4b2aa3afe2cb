"""Law notes are read from the catalogue when shown, not frozen into the case when it opened:
a correction to the catalogue reaches every open case, and a withdrawn law drops out quietly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_json, law_notes
from reinstate.comms.drafts import case_facts
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Catalogue
from reinstate.testing.catalogue import copy_catalogue, edit
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

PROP_22_SUMMARY = "The company may end your contract only for a reason stated in the contract"


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    """Dana drives Amazon Flex in Los Angeles: Proposition 22 and the CCPA may apply."""
    return open_case(driver, FLEX_LATE)


def corrected(tmp_path: Path) -> Catalogue:
    """The catalogue after a correction to Prop 22 and the withdrawal of the CCPA entry."""
    folder = copy_catalogue(tmp_path)
    edit(folder / "laws.toml", PROP_22_SUMMARY, "Corrected: " + PROP_22_SUMMARY)
    path = folder / "laws.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[laws.ca_ccpa_workers]")
    end = text.index("# ----", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return load_catalogue(folder)


def use(monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue) -> None:
    for module in ("reinstate.cases.presenters", "reinstate.comms.drafts"):
        monkeypatch.setattr(f"{module}.load_catalogue", lambda: catalogue)


def test_the_case_keeps_only_which_laws_apply(case: Case) -> None:
    assert case.law_notes == ["ca_prop22", "ca_ccpa_workers"]


def test_notes_carry_the_catalogues_source_confidence_and_checked_date(case: Case) -> None:
    [prop22, ccpa] = case_json(case, now=timezone.now())["laws"]
    assert prop22["key"] == "ca_prop22"
    assert prop22["summary"].startswith(PROP_22_SUMMARY)
    assert prop22["source"].startswith("https://")
    assert prop22["confidence"] == "official"
    assert prop22["checked"] == "2026-12-04"
    # Whether Prop 22 covers Amazon Flex is not confirmed, and the driver is told so.
    assert "not confirmed that it covers Amazon Flex" in prop22["why"]
    assert ccpa["key"] == "ca_ccpa_workers" and ccpa["checked"] == "2026-12-04"


def test_a_catalogue_correction_reaches_an_open_case(
    case: Case, driver: User, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use(monkeypatch, corrected(tmp_path))
    [prop22] = case_json(case, now=timezone.now())["laws"]  # the withdrawn law is left out
    assert prop22["summary"].startswith("Corrected: ")
    assert [note["key"] for note in law_notes(case)] == ["ca_prop22"]
    assert case_facts(case).law_keys == ["ca_prop22"]  # drafts no longer offer the CCPA
    page = client_for(driver).get(reverse("cases:meaning", args=[case.pk])).content.decode()
    assert "Corrected: " in page
    assert "checked 2026-12-04" in page
    assert "California Consumer Privacy Act" not in page


def test_a_case_opened_before_keys_were_kept_still_shows_its_laws(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(
        law_notes=[{"key": "ca_prop22", "summary": "frozen words"}, {"key": "gone_law"}]
    )
    case.refresh_from_db()
    [prop22] = law_notes(case)
    assert prop22["summary"].startswith(PROP_22_SUMMARY)
