from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from reinstate.rules.catalogue.files import (
    OWN_ESTIMATE,
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
        entries += [(f"{p.key} review_time", p.review_time)]
        if getattr(p, "review_time", None) is not None:
            entries += [(f"{p.key} review_time", p.review_time)]
        for group in ("support", "escalation", "windows", "policies", "metrics"):
            entries += [(f"{p.key} {group}[{i}]", e) for i, e in enumerate(getattr(p, group))]
        for i, channel in enumerate(p.escalation):
            entries += [(f"{p.key} escalation[{i}] {f.key}", f) for f in channel.facts]
    entries += [(k.key, k) for k in catalogue.kinds.values()]
    entries += [(r.key, r) for r in catalogue.reasons.values()]
    for law in catalogue.laws.values():
        entries.append((law.key, law))
        entries += [(f"{law.key} window[{i}]", w) for i, w in enumerate(law.driver_windows)]
        entries += [(f"{law.key} contact[{i}]", c) for i, c in enumerate(law.contacts)]
        entries += [(f"{law.key} {f.key}", f) for f in law.facts]
    return entries


def test_it_has_every_label_key():
    catalogue = load_catalogue()
    assert tuple(catalogue.platforms) == PLATFORMS
    assert tuple(catalogue.kinds) == KINDS
    assert tuple(catalogue.reasons) == REASONS


def test_every_entry_has_a_source_and_a_valid_confidence():
    for name, entry in sourced_entries(load_catalogue()):
        assert getattr(entry, "source", ""), name
        assert getattr(entry, "confidence", None) in CONFIDENCES, name


def test_every_source_is_a_public_page_unless_the_entry_is_our_own_estimate():
    """A driver must be able to open the source; our research notes are not shipped."""
    for name, entry in sourced_entries(load_catalogue()):
        source = getattr(entry, "source", "")
        if source == OWN_ESTIMATE:
            assert getattr(entry, "confidence", None) == "estimate", name
            assert getattr(entry, "note", None), name  # says what the estimate rests on
        else:
            assert source.startswith(SOURCE_PREFIXES), (name, source)
            assert "domain-facts" not in source and "/shared/" not in source, (name, source)


def test_every_entry_says_when_it_was_last_checked():
    for name, entry in sourced_entries(load_catalogue()):
        checked = getattr(entry, "checked", None)
        assert isinstance(checked, date), name
        assert date(2025, 1, 1) <= checked <= date(2026, 12, 4), (name, checked)


def test_each_file_says_what_checked_means():
    from importlib import resources

    for name in ("platforms.toml", "reasons.toml", "laws.toml"):
        head = resources.files("reinstate.catalogue").joinpath(name).read_text(encoding="utf-8")
        head = head[: head.index("\n[")]
        assert "`checked`" in head and "RESEARCH NOTES" in head, name


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


# --------------------------------------------------------------------------- review corrections


def test_nyc_laws_passed_on_18_december_2025_with_no_confirmed_effective_date():
    catalogue = load_catalogue()
    for key in ("nyc_delivery", "nyc_fhv"):
        law = catalogue.law(key)
        assert law.effective is None, key
        assert law.passed == date(2025, 12, 18), key
        assert "UNCERTAIN" in (law.note or ""), key
        # shown from the day it passed, never before
        assert not law.covers(
            work_type=None, reason=None, state="NY", city="Queens", on=date(2025, 12, 17)
        )
    delivery = catalogue.law("nyc_delivery")
    assert "advance_notice" not in delivery.gives  # the 120 days are unverified
    assert "120 days" in delivery.summary and "UNCERTAIN" in delivery.summary
    notice = delivery.fact("advance_notice_120_days")
    assert notice is not None and "UNCERTAIN" in notice.text
    earlier = delivery.fact("earlier_local_laws")
    assert earlier is not None
    assert "Local Law 95 of 2025" in earlier.text and "Local Law 123 of 2025" in earlier.text


def test_the_fcra_wait_is_about_five_days_by_custom_not_business_days():
    fcra = load_catalogue().law("fcra")
    assert "business" not in fcra.summary
    [wait] = [w for w in fcra.driver_windows if "under_review" in w.kinds]
    assert (wait.days, wait.unit, wait.confidence) == (5, "calendar", "reported")
    assert "custom" in wait.label and "Not in the FCRA" in (wait.note or "")


def test_flex_background_checks_name_accurate_background_too():
    contacts = load_catalogue().law("fcra").contacts
    names = [c.name for c in contacts]
    assert any("Checkr" in n for n in names)
    [accurate] = [c for c in contacts if "Accurate Background" in c.name]
    assert accurate.confidence == "reported" and "UNCERTAIN" in (accurate.note or "")


def test_prop_22_is_uncertain_for_amazon_flex():
    assert "amazon_flex" in load_catalogue().law("ca_prop22").uncertain_for


def test_expired_documents_are_most_common_only_where_a_source_says_so():
    reason = load_catalogue().reason("documents_expired")
    assert "This is the most common reason" not in reason.explanation
    assert "Washington" in reason.explanation and "Uber" in reason.explanation


def test_advice_from_the_reworded_guide_is_rated_an_estimate():
    catalogue = load_catalogue()
    for key in ("performance_metrics", "conduct_or_safety", "background_check", "fraud_suspected"):
        reason = catalogue.reason(key)
        assert (reason.source, reason.confidence) == (OWN_ESTIMATE, "estimate"), key
        assert "machine-reworded" in (reason.note or ""), key


def test_the_2018_terms_on_missing_packages_are_quoted_in_the_past():
    catalogue = load_catalogue()
    explanation = catalogue.reason("delivery_disputes").explanation
    assert "In 2018" in explanation and "terms say" not in explanation
    terms = catalogue.policy("amazon_flex.terms_of_service")
    assert "In 2018" in (terms.note or "")


def test_shipt_is_marked_as_our_own_estimate():
    shipt = load_catalogue().platform("shipt")
    for entry in (shipt, shipt.appeal_channel, shipt.appeal_window):
        assert (entry.source, entry.confidence) == (OWN_ESTIMATE, "estimate")
        assert entry.note


def test_flex_arbitration_facts_are_keyed_and_sourced():
    flex = load_catalogue().platform("amazon_flex")
    [arbitration] = [c for c in flex.escalation if c.key == "arbitration"]
    faa = arbitration.fact("faa_exemption")
    assert faa is not None and "Waithaka" in faa.text
    terms = arbitration.fact("which_terms_apply")
    assert terms is not None and "Jackson" in terms.text and "2016" in terms.text
    opt_out = arbitration.fact("opt_out")
    assert opt_out is not None and "14 days" in opt_out.text and "UNCERTAIN" in opt_out.text
    for fact in arbitration.facts:
        assert fact.source.startswith(SOURCE_PREFIXES) and fact.confidence == "reported"


def test_seattle_remedies_are_keyed_with_their_confidence():
    seattle = load_catalogue().law("seattle_smc_8_40")
    for key in ("forbidden_grounds", "private_right_of_action", "back_pay", "enforcement_phase"):
        fact = seattle.fact(key)
        assert fact is not None, key
        assert fact.confidence in CONFIDENCES
    assert "UNCERTAIN" in (seattle.fact("forbidden_grounds").text)  # type: ignore[union-attr]
    assert seattle.fact("nope") is None


def test_the_uber_seattle_panel_is_marked_unconfirmed():
    uber = load_catalogue().platform("uber")
    [panel] = [c for c in uber.escalation if c.key == "review_panel_seattle"]
    assert panel.confidence == "reported" and "UNCERTAIN" in (panel.note or "")


def test_an_entry_without_checked_is_refused_by_name(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    text = (folder / "laws.toml").read_text(encoding="utf-8")
    start = text.index("[laws.wa_tnc]")
    head, tail = text[:start], text[start:]
    (folder / "laws.toml").write_text(
        head + tail.replace("checked = 2026-12-04\n", "", 1), encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match=r"laws\.toml: \[laws\.wa_tnc\] has no `checked`"):
        load_catalogue(folder)


def test_a_checked_that_is_not_a_date_is_refused(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    text = (folder / "laws.toml").read_text(encoding="utf-8")
    start = text.index("[laws.wa_tnc]")
    head, tail = text[:start], text[start:]
    (folder / "laws.toml").write_text(
        head + tail.replace("checked = 2026-12-04", 'checked = "last week"', 1), encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match=r"\[laws\.wa_tnc\] `checked` must be a date"):
        load_catalogue(folder)


def test_a_source_in_our_own_notes_is_refused(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    edit(
        folder / "laws.toml",
        'source = "https://revisor.mn.gov/statutes/cite/181C/full"',
        'source = "research/domain-facts.md"',
    )
    with pytest.raises(CatalogueError, match=r"\[laws\.mn_181c\] `source` must be a web address"):
        load_catalogue(folder)


def test_our_own_estimate_must_say_so(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    edit(
        folder / "laws.toml",
        'source = "https://revisor.mn.gov/statutes/cite/181C/full"',
        'source = "our own estimate"',
    )
    with pytest.raises(CatalogueError, match=r"\[laws\.mn_181c\].*must be \"estimate\""):
        load_catalogue(folder)
