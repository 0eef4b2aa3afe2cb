"""An organisation's outcomes counted from plain rows: groups, rates, medians, small cells."""

from __future__ import annotations

from datetime import date

from reinstate.rules.appeal.outcome_charts import Bar, bar_chart
from reinstate.rules.appeal.outcomes import (
    OUTCOMES,
    STAGES,
    CaseFacts,
    Tally,
    classify_outcome,
    classify_stage,
    median_is_safe,
    months_between,
    outcomes_of,
    rate_is_safe,
    shown_count,
)


def fact(
    platform: str = "amazon_flex",
    reason: str = "late_deliveries",
    *,
    outcome: str = "pending",
    stage: str = "preparing",
    day: date = date(2026, 3, 10),
    decided: date | None = None,
) -> CaseFacts:
    return CaseFacts(platform, reason, stage, outcome, day, decided)


def test_it_counts_each_group_with_the_reinstatement_rate_and_the_median_days() -> None:
    rows = [
        fact(outcome="reinstated", stage="closed", decided=date(2026, 3, 20)),  # 10 days
        fact(outcome="denied", stage="decided", decided=date(2026, 3, 30)),  # 20 days
        fact(outcome="pending", stage="sent"),
        fact("doordash", "fraud", outcome="reinstated", stage="closed", day=date(2026, 5, 1),
             decided=date(2026, 6, 1)),  # 31 days
    ]  # fmt: skip
    found = outcomes_of(rows, since=date(2026, 3, 1), until=date(2026, 6, 30))
    assert found.total.cases == 4
    assert found.total.answered == 3 and found.total.reinstated == 2
    assert found.total.rate == 2 / 3
    assert found.total.median_days == 20
    [flex, doordash] = found.group("platform")  # most cases first
    assert (flex.key, flex.cases, flex.rate) == ("amazon_flex", 3, 0.5)
    assert (doordash.key, doordash.cases, doordash.median_days) == ("doordash", 1, 31)
    reasons = {t.key: t for t in found.group("reason")}
    assert reasons["late_deliveries"].rate == 0.5 and reasons["fraud"].rate == 1.0
    assert [t.key for t in found.group("stage")] == list(STAGES)
    assert {t.key: t.cases for t in found.group("stage")} == {
        "preparing": 0, "sent": 1, "decided": 1, "closed": 2,
    }  # fmt: skip
    assert [t.key for t in found.group("outcome")] == list(OUTCOMES)
    assert [(t.key, t.cases) for t in found.group("month")] == [
        ("2026-03", 3), ("2026-04", 0), ("2026-05", 1), ("2026-06", 0),
    ]  # fmt: skip


def test_it_counts_only_notices_inside_the_range() -> None:
    rows = [fact(day=date(2026, 2, 28)), fact(day=date(2026, 3, 1)), fact(day=date(2026, 3, 31))]
    found = outcomes_of(rows, since=date(2026, 3, 1), until=date(2026, 3, 31))
    assert found.total.cases == 2
    assert [t.key for t in found.group("month")] == ["2026-03"]


def test_it_spans_the_cases_months_when_the_range_is_open() -> None:
    found = outcomes_of([fact(day=date(2025, 12, 5)), fact(day=date(2026, 2, 1))])
    assert [t.key for t in found.group("month")] == ["2025-12", "2026-01", "2026-02"]
    assert outcomes_of([]).group("month") == ()
    assert outcomes_of([]).total.rate is None and outcomes_of([]).total.median_days is None


def test_it_lists_unnamed_platforms_and_reasons_last() -> None:
    found = outcomes_of([fact(platform=""), fact(platform=""), fact("uber")])
    assert [t.key for t in found.group("platform")] == ["", "uber"]
    found = outcomes_of([fact(platform=""), fact("uber")])
    assert [t.key for t in found.group("platform")] == ["uber", ""]


def test_it_classifies_stages_and_outcomes() -> None:
    assert classify_stage(closed=True, decided=True, sent=True) == "closed"
    assert classify_stage(closed=False, decided=True, sent=False) == "decided"
    assert classify_stage(closed=False, decided=False, sent=True) == "sent"
    assert classify_stage(closed=False, decided=False, sent=False) == "preparing"
    assert classify_outcome(closed=True, case_outcome="reinstated", latest_decision=None) == (
        "reinstated"
    )
    assert classify_outcome(closed=True, case_outcome="", latest_decision="denied") == "other"
    assert classify_outcome(closed=False, case_outcome="", latest_decision="partial") == "partial"
    assert classify_outcome(closed=False, case_outcome="", latest_decision="no_answer") == (
        "pending"
    )
    assert classify_outcome(closed=False, case_outcome="", latest_decision=None) == "pending"


def test_a_decision_before_the_notice_counts_as_the_same_day() -> None:
    assert fact(decided=date(2026, 3, 1)).days_to_decision == 0


def test_it_hides_small_counts_and_what_would_give_them_away() -> None:
    assert [shown_count(n) for n in (0, 1, 4, 5, 120)] == ["0", "<5", "<5", "5", "120"]
    assert rate_is_safe(Tally("x", 20, 10, 5, ()))
    assert not rate_is_safe(Tally("x", 20, 10, 2, ()))  # two reinstated
    assert not rate_is_safe(Tally("x", 20, 10, 8, ()))  # two not
    assert not rate_is_safe(Tally("x", 4, 4, 0, ()))  # too few with an outcome
    assert rate_is_safe(Tally("x", 9, 6, 0, ()))
    assert median_is_safe(Tally("x", 9, 6, 0, (1, 2, 3, 4, 5)))
    assert not median_is_safe(Tally("x", 9, 6, 0, (1, 2)))


def test_months_between_crosses_the_year() -> None:
    assert months_between(date(2025, 11, 30), date(2026, 1, 1)) == [
        "2025-11", "2025-12", "2026-01",
    ]  # fmt: skip
    assert months_between(date(2026, 2, 1), date(2026, 1, 1)) == []


def test_the_bar_chart_says_every_bar_in_words_and_escapes_text() -> None:
    svg = bar_chart(
        chart_id="c",
        title="Cases <by> platform",
        bars=[Bar("Uber & co", 3, "3 cases"), Bar("Lyft", 0, "0 cases")],
    )
    assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-labelledby="c-t c-d"' in svg
    assert '<title id="c-t">Cases &lt;by&gt; platform</title>' in svg
    assert "Uber &amp; co: 3 cases; Lyft: 0 cases." in svg
    assert svg.count('<rect class="bar"') == 2
    empty = bar_chart(chart_id="e", title="T", bars=[])
    assert "No cases in this range." in empty and "<rect" not in empty
