from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from reinstate.rules.catalogue.files import (
    SOURCE_PREFIXES,
    CatalogueError,
    load_catalogue,
)
from reinstate.rules.catalogue.types import CONFIDENCES, GIVES, Catalogue
from reinstate.rules.notice.reading import KINDS, PLATFORMS, REASONS
from reinstate.testing.catalogue import copy_catalogue, edit


def sourced_entries(catalogue: Catalogue) -> list[tuple[str, object]]:
    """Every entry that must carry a source, with a name for the failure message."""
    entries: list[tuple[str, object]] = [("generic_window", catalogue.generic_window)]
    for p in catalogue.platforms.values():
        entries += [(p.key, p), (f"{p.key} appeal_channel", p.appeal_channel)]
        entries += [(f"{p.key} appeal_window", p.appeal_window)]
        for group in ("support", "escalation", "windows", "policies", "metrics"):
            entries += [(f"{p.key} {group}[{i}]", e) for i, e in enumerate(getattr(p, group))]
    entries += [(k.key, k) for k in catalogue.kinds.values()]
    entries += [(r.key, r) for r in catalogue.reasons.values()]
    for law in catalogue.laws.values():
        entries.append((law.key, law))
        entries += [(f"{law.key} window[{i}]", w) for i, w in enumerate(law.driver_windows)]
        entries += [(f"{law.key} contact[{i}]", c) for i, c in enumerate(law.contacts)]
    return entries


def test_it_has_every_label_key():
    catalogue = load_catalogue()
    assert tuple(catalogue.platforms) == PLATFORMS
    assert tuple(catalogue.kinds) == KINDS
    assert tuple(catalogue.reasons) == REASONS


def test_every_entry_has_a_source_and_a_valid_confidence():
    for name, entry in sourced_entries(load_catalogue()):
        source = getattr(entry, "source", "")
        assert source.startswith(SOURCE_PREFIXES), name
        assert getattr(entry, "confidence", None) in CONFIDENCES, name


def test_every_estimate_says_why_in_a_note():
    for name, entry in sourced_entries(load_catalogue()):
        if getattr(entry, "confidence", None) == "estimate":
            assert getattr(entry, "note", None), name


def test_it_is_read_once():
    assert load_catalogue() is load_catalogue()


def test_amazon_flex_publishes_tiers_but_no_thresholds():
    flex = load_catalogue().platform("amazon_flex")
    assert [m.threshold for m in flex.metrics] == [None] * len(flex.metrics)
    standing = next(m for m in flex.metrics if m.key == "standing")
    for tier in ("Fantastic", "Great", "Fair", "At Risk"):
        assert tier in standing.description
    assert flex.appeal_window.days == 10
    assert flex.appeal_window.unit == "calendar"
    assert flex.appeal_window.confidence == "reported"
    assert "UNCERTAIN" in (flex.appeal_window.note or "")


def test_doordash_gives_a_year_and_90_days_in_seattle():
    doordash = load_catalogue().platform("doordash")
    assert (doordash.appeal_window.days, doordash.appeal_window.confidence) == (365, "official")
    seattle = doordash.window_for(kind="deactivation", reason=None, state="wa", city=" seattle ")
    assert (seattle.days, seattle.confidence) == (90, "official")
    elsewhere = doordash.window_for(kind="deactivation", reason=None, state="WA", city="Tacoma")
    assert elsewhere.days == 365


def test_grubhub_deactivates_after_three_violations_in_90_days():
    violations = load_catalogue().platform("grubhub").metrics[0]
    assert (violations.threshold, violations.window_days) == (3, 90)


def test_platforms_without_a_published_window_get_a_cautious_estimate():
    catalogue = load_catalogue()
    for key in ("uber", "lyft", "instacart", "walmart_spark", "grubhub", "shipt"):
        window = catalogue.platform(key).appeal_window
        assert (window.days, window.unit, window.confidence) == (7, "calendar", "estimate"), key


def test_uber_and_lyft_carry_riders():
    catalogue = load_catalogue()
    assert catalogue.platform("uber").work_type == "both"
    assert catalogue.platform("lyft").work_type == "rideshare"
    assert catalogue.platform("amazon_flex").work_type == "delivery"


def test_every_reason_says_what_an_appeal_must_show_and_asks_for_the_notice():
    catalogue = load_catalogue()
    for reason in catalogue.reasons.values():
        assert reason.appeal_must_show, reason.key
        notice = [d for d in reason.documents if d.key == "notice_copy"]
        assert notice and notice[0].required, reason.key
        for ref in reason.policies:
            assert catalogue.policy(ref).title


def test_kinds_with_nothing_to_do_say_why_there_is_no_deadline():
    catalogue = load_catalogue()
    for key in ("appeal_granted", "information"):
        assert catalogue.kind(key).deadline == "none"
        assert catalogue.kind(key).no_deadline_rule
    assert catalogue.kind("deactivation").deadline == "platform"


def test_laws_use_known_gives_and_only_sourced_windows():
    for law in load_catalogue().laws.values():
        assert set(law.gives) <= set(GIVES), law.key
        for window in law.driver_windows:
            assert window.source.startswith(("https://", "http://")), law.key


def test_fcra_applies_to_background_checks_anywhere():
    catalogue = load_catalogue()
    keys = [
        law.key
        for law in catalogue.laws_for(
            work_type="delivery", reason="background_check", state=None, city=None
        )
    ]
    assert keys == ["fcra"]
    fcra = catalogue.law("fcra")
    assert "contractor" in (fcra.note or "")
    assert "30 days" in fcra.summary


def test_seattle_law_covers_delivery_in_seattle_only():
    catalogue = load_catalogue()

    def keys(**kwargs: object) -> list[str]:
        found = catalogue.laws_for(reason="unknown", on=date(2026, 1, 5), **kwargs)  # type: ignore[arg-type]
        return [law.key for law in found]

    assert "seattle_smc_8_40" in keys(work_type="delivery", state="WA", city="Seattle")
    assert "seattle_smc_8_40" not in keys(work_type="delivery", state="WA", city="Spokane")
    assert "seattle_smc_8_40" not in keys(work_type="rideshare", state="WA", city="Seattle")
    assert "seattle_smc_8_40" in keys(work_type="both", state="WA", city="Seattle")
    assert "amazon_flex" in catalogue.law("seattle_smc_8_40").uncertain_for


def test_washington_and_minnesota_rideshare_laws_cover_rideshare_only():
    catalogue = load_catalogue()
    wa = catalogue.laws_for(work_type="rideshare", reason="unknown", state="WA", city="Spokane")
    assert [law.key for law in wa] == ["wa_tnc"]
    mn = catalogue.laws_for(work_type="delivery", reason="unknown", state="MN", city=None)
    assert mn == []


def test_minnesota_law_starts_on_1_december_2024_and_excludes_document_lapses():
    catalogue = load_catalogue()

    def applies(on: date, reason: str) -> bool:
        found = catalogue.laws_for(
            work_type="rideshare", reason=reason, state="MN", city=None, on=on
        )
        return "mn_181c" in [law.key for law in found]

    assert applies(date(2024, 12, 1), "unknown")
    assert not applies(date(2024, 11, 30), "unknown")
    assert not applies(date(2025, 3, 1), "documents_expired")


def test_massachusetts_settlement_covers_uber_and_lyft_only():
    catalogue = load_catalogue()

    def applies(platform: str) -> bool:
        found = catalogue.laws_for(
            work_type="rideshare", reason="unknown", state="MA", city=None, platform=platform
        )
        return "ma_ag_settlement" in [law.key for law in found]

    assert applies("uber") and applies("lyft")
    assert not applies("doordash")


def test_new_york_city_matches_its_boroughs():
    catalogue = load_catalogue()
    found = catalogue.laws_for(
        work_type="delivery", reason="unknown", state="NY", city="Brooklyn", on=date(2026, 2, 1)
    )
    assert [law.key for law in found] == ["nyc_delivery"]


# --------------------------------------------------------------------------- broken files


def test_it_loads_a_copy_from_a_directory(tmp_path: Path):
    catalogue = load_catalogue(copy_catalogue(tmp_path))
    assert catalogue == load_catalogue()
    assert catalogue is not load_catalogue()


def test_an_entry_without_a_source_is_refused_by_name(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    edit(
        folder / "platforms.toml",
        'days = 10\nunit = "calendar"\nsource = "https://www.ridesharingforum.com/t/amazon-flex-how-to-be-reactivated-after-deactivation/408"\n',
        'days = 10\nunit = "calendar"\n',
    )
    with pytest.raises(CatalogueError) as error:
        load_catalogue(folder)
    assert "platforms.toml" in str(error.value)
    assert "platforms.amazon_flex.appeal_window" in str(error.value)
    assert "source" in str(error.value)


def test_an_unknown_confidence_is_refused_by_name(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    text = (folder / "laws.toml").read_text(encoding="utf-8")
    start = text.index("[laws.wa_tnc]")
    head, tail = text[:start], text[start:]
    (folder / "laws.toml").write_text(
        head + tail.replace('confidence = "official"', 'confidence = "sure"', 1), encoding="utf-8"
    )
    with pytest.raises(
        CatalogueError, match=r"laws\.toml: \[laws\.wa_tnc\] `confidence` must be one of"
    ):
        load_catalogue(folder)


def test_a_missing_reason_is_refused(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    text = (folder / "reasons.toml").read_text(encoding="utf-8")
    renamed = text.replace("reasons.unknown", "reasons.unknowable")
    (folder / "reasons.toml").write_text(renamed, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"reasons\.toml: \[reasons\] is missing unknown"):
        load_catalogue(folder)


def test_a_platform_the_reader_does_not_know_is_refused(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    text = (folder / "platforms.toml").read_text(encoding="utf-8")
    (folder / "platforms.toml").write_text(
        text.replace("platforms.shipt", "platforms.postmates"), encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match="shipt"):
        load_catalogue(folder)


def test_a_misspelt_field_is_refused_by_name(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    edit(folder / "laws.toml", 'place = "Minnesota"', 'place = "Minnesota"\nnotes = "typo"')
    with pytest.raises(
        CatalogueError, match=r"laws\.toml: \[laws\.mn_181c\] has unknown field `notes`"
    ):
        load_catalogue(folder)


def test_a_policy_reference_that_does_not_resolve_is_refused(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    edit(
        folder / "reasons.toml",
        'policies = ["walmart_spark.identity_verification"]',
        'policies = ["walmart_spark.nope"]',
    )
    with pytest.raises(
        CatalogueError, match=r"\[reasons\.identity_verification\].*walmart_spark\.nope"
    ):
        load_catalogue(folder)


def test_invalid_toml_names_the_file(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    (folder / "laws.toml").write_text("[laws.fcra\nname = ", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"^laws\.toml: is not valid TOML"):
        load_catalogue(folder)


def test_a_missing_file_is_named(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    (folder / "reasons.toml").unlink()
    with pytest.raises(CatalogueError, match=r"^reasons\.toml: cannot be read"):
        load_catalogue(folder)


def test_entries_are_immutable():
    flex = load_catalogue().platform("amazon_flex")
    with pytest.raises(dataclasses.FrozenInstanceError):
        flex.name = "Other"  # type: ignore[misc]
