"""Classes of wording the reader must read, one short notice each (notices/wording.jsonl).

Each case is a way platforms phrase a deadline, a kind or a reason that a first reader missed
(or a look-alike it must not be fooled by): a pattern in reading.toml covers the class, not
the sentence. A case's "expect" names only the fields it checks (platform, kind, reason,
stated_deadline, as notice_sets.fields gives them); a field left out is not checked. Every
notice is received on Friday 2026-11-20 at 10:00 in New York. "section" says which test reads
the case, "group" the class of wording; a case with "xfail" is a known weakness, and its value
says why.
"""

from __future__ import annotations

from typing import Any

import pytest

from reinstate.testing.notice_sets import fields, load, params

CASES = load("wording")


def section(name: str) -> list[Any]:
    cases = [case for case in CASES if case["section"] == name]
    return params(cases, {case["id"]: case["xfail"] for case in cases if "xfail" in case})


def checked(case: dict[str, Any]) -> dict[str, Any]:
    """What the reader makes of the case, on the fields the case checks."""
    got = fields(case)
    return {name: got[name] for name in case["expect"]}


@pytest.mark.parametrize("case", section("wording"))
def test_it_reads_the_wording(case: dict[str, Any]) -> None:
    assert checked(case) == case["expect"]


@pytest.mark.parametrize("case", section("blind2"))
def test_it_reads_the_wording_classes_of_the_second_blind_round(case: dict[str, Any]) -> None:
    """Classes of wording the second blind round (notices/blind2.jsonl) found, each in a few
    more wordings than the notice that showed it, and a held-out batch written after the
    fixes."""
    assert checked(case) == case["expect"]


@pytest.mark.parametrize("case", section("blind3"))
def test_it_reads_the_wording_classes_of_the_third_blind_round(case: dict[str, Any]) -> None:
    """Classes of wording the third blind round (notices/blind3.jsonl) found: misspelt key words,
    unusual removal and denial wording, a consequence the driver can still avoid ("... or you
    won't be able to go online"), a period the driver has "for up to" or "after" which the
    decision is final, dates and times broken across lines, and reasons told as events. Written
    after the fixes to blind3 and before running them: 39 of the 46 read right at once; the seven
    misses (a misspelling close to two key words, "your time delivering with ... has come to an
    end", "seguirá cerrada", a passive "GPS had been altered", a family member delivering, "ya no
    está vigente", "kept the groceries") widened the classes."""
    assert checked(case) == case["expect"]


@pytest.mark.parametrize("case", section("blind4"))
def test_it_reads_the_wording_classes_of_the_fourth_blind_round(case: dict[str, Any]) -> None:
    """Classes of wording the fourth blind round (notices/blind4.jsonl) found: a denial told as the
    decision standing ("upheld", "maintained", "se mantiene"), a reinstatement that recalls the
    removal it lifts ("which was deactivated because ..., is active again"), loss of access told
    in Spanish ("Perdiste el acceso"), a pause while a check is pending, a warning of what
    repeated delivery reports will do, a newsletter whose tips name ratings (information), and
    Spanish action verbs before a deadline (imperatives with clitics, gerunds).
    U001-U028 were written before the fixes: the reader read 16 of the 28 right (misses: U002,
    U009-U011, U013, U015, U016, U019, U022, U023, U027, U028). U029-U044 were written after
    the fixes and before running them: 14 of the 16 read right at once; the misses were "lo
    ocurrido" (a noun, not a past event that ends a deadline's clause; fixed) and the reason of
    a "license check" (a license check may be a document check as well as a driving record
    check, so U036 checks only the kind)."""
    assert checked(case) == case["expect"]


@pytest.mark.parametrize("case", section("blind5"))
def test_it_reads_the_wording_classes_of_the_fifth_blind_round(case: dict[str, Any]) -> None:
    """Classes of wording the fifth blind round (notices/blind5.jsonl) found: praise with a rule
    for everyone ("drivers whose rating falls below ... may lose access": information), the
    list of standing levels, policy news about violations or deactivations, delivery photo
    tips, the phone at the wheel, line breaks inside a sentence (and words cut by them), a
    platform clause before the driver's imperative ("Before we decide, reply within ..."), and
    the platform's own timing in new verbs. Each class has look-alikes that must read the other
    way. U045-U116 were written by someone who had not read the reader, after a first fix to
    the ten blind5 notices: the reader read 50 of the 72 right. The misses showed the first fix
    keyed on wording rather than on the class, and led to the "general" hedge (a rule said of
    everyone is news unless the driver's own figures are given without praise), levels named
    in a list, mended line breaks and the wider phone and timing phrases."""
    assert checked(case) == case["expect"]


@pytest.mark.parametrize("case", section("blind6"))
def test_it_reads_the_wording_classes_of_the_sixth_blind_round(case: dict[str, Any]) -> None:
    """Classes of wording the sixth blind round (notices/blind6.jsonl) found: reassurance with a
    rule for everyone, newsletters and policy updates naming what leads to deactivation,
    help-center articles and FAQs, texting short forms ("pls verify ur identity w/ a selfie"),
    a denial told as the removal staying in effect, uploading before a date to avoid removal,
    reasons told in the passive, clock times with the zone in words, and dates split across
    lines. Each class has look-alikes that must read the other way (something that did happen
    to the driver keeps a warning). U117-U197 were written by someone who had not read the
    reader, while the first fixes to blind6 were made: the reader read 63 of the 81 right at
    first, 78 after the classes were widened. Three look-alikes, a report cleared read as the
    account closed, failed until the model's second opinion learnt from the sets written for
    training alone (issue 17)."""
    assert checked(case) == case["expect"]


@pytest.mark.parametrize("case", section("weakness"))
def test_it_still_misreads_the_known_weaknesses(case: dict[str, Any]) -> None:
    """Strict xfail: a case that starts passing fails here, to be moved to "wording"."""
    assert checked(case) == case["expect"]


def test_it_keeps_every_wording_case_and_checks_only_fields_the_reader_gives():
    sections = ("wording", "blind2", "blind3", "blind4", "blind5", "blind6", "weakness")
    assert [len(section(name)) for name in sections] == [219, 74, 46, 44, 72, 81, 0]
    assert len({case["id"] for case in CASES}) == len(CASES)
    known = {"platform", "kind", "reason", "stated_deadline"}
    assert all(set(case["expect"]) <= known for case in CASES)
