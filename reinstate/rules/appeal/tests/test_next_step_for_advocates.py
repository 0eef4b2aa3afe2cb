"""The next step speaks to whoever reads it (issue 13): "Your deadline" to the driver, "Maria's
deadline" to an advocate working the case, who is still "you" where they act."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from reinstate.rules.appeal.next_step import CaseProgress, Journey, journey
from reinstate.testing.catalogue import in_language

READ = CaseProgress(meaning_seen=True, deadline_seen=True)
WRITTEN = replace(
    READ,
    explanation_written=True,
    plan_written=True,
    record_written=True,
    letter_written=True,
)
APPROVED = replace(WRITTEN, letter_approved=True)
SENT = replace(APPROVED, sent=True, decision_expected_by=date(2026, 12, 13))

# Every kind of next step, from the first to after the decision.
STATES = {
    "arrival": CaseProgress(received_assumed=True),
    "meaning": CaseProgress(),
    "deadline": CaseProgress(meaning_seen=True),
    "evidence": replace(READ, missing_documents=2),
    "happened": READ,
    "changing": replace(READ, explanation_written=True),
    "wrong": replace(READ, explanation_written=True, stance="dispute"),
    "both": replace(READ, explanation_written=True, stance="both"),
    "record": replace(READ, explanation_written=True, plan_written=True),
    "letter": replace(WRITTEN, letter_written=False),
    "check": WRITTEN,
    "fix": replace(APPROVED, to_fix=frozenset({"letter"})),
    "send": APPROVED,
    "packet": replace(APPROVED, packet_built=True),
    "late": replace(READ, deadline_passed=True),
    "waiting": SENT,
    "granted": replace(SENT, decided="granted"),
    "partial": replace(SENT, decided="partial"),
    "denied": replace(SENT, decided="denied"),
    "no_answer": replace(SENT, decided="no_answer"),
}
YOUR = re.compile(r"\byour\b", re.IGNORECASE)
YOU = re.compile(r"\byou\b", re.IGNORECASE)
# Where the advocate acts, they are still "you".
ADVOCATE_ACTS = ("as soon as you can", "you edit it and approve it")


def texts(found: Journey) -> list[str]:
    assert found.next is not None
    step = found.next
    return [step.title, step.why, step.button, *(s.title for s in found.steps)]


@pytest.mark.parametrize("state", STATES)
def test_it_names_the_driver_to_an_advocate_where_the_driver_reads_your(state: str) -> None:
    progress = STATES[state]
    for yours, theirs in zip(
        texts(journey(progress)), texts(journey(progress, driver="Maria")), strict=True
    ):
        if not YOU.search(yours) and not YOUR.search(yours):
            assert theirs == yours  # a text without "you" reads the same for both
            continue
        assert "Maria" in theirs, theirs
        assert not YOUR.search(theirs), theirs
        acting = theirs
        for phrase in ADVOCATE_ACTS:
            acting = acting.replace(phrase, "")
        assert not YOU.search(acting), theirs


def test_it_keeps_the_drivers_own_texts() -> None:
    late = journey(STATES["late"]).next
    assert late is not None
    assert late.title == "Send your appeal now"
    assert late.why.startswith("Your deadline has passed. Send what you have as soon as you can")
    assert late.button == "Go to your appeal"
    waiting = journey(SENT).next
    assert waiting is not None and waiting.why.startswith("Your appeal is sent.")
    titles = [step.title for step in journey(READ).steps]
    assert "Write your record of good standing" in titles and "Send your appeal" in titles


def test_it_tells_an_advocate_about_the_driver_and_what_they_do() -> None:
    late = journey(STATES["late"], driver="Maria").next
    assert late is not None
    assert late.title == "Send Maria's appeal now"
    assert late.why == (
        "Maria's deadline has passed. Send what Maria has as soon as you can and ask them to "
        "consider it: a late appeal can still be read."
    )
    assert late.button == "Go to Maria's appeal"
    waiting = journey(SENT, driver="Maria").next
    assert waiting is not None and waiting.why.startswith("Maria's appeal is sent.")
    assert waiting.why.endswith("in Maria's support log.")
    packet = journey(STATES["packet"], driver="Maria").next
    assert packet is not None and packet.why.startswith("Maria's packet is built.")
    granted = journey(STATES["granted"], driver="Maria").next
    assert granted is not None and granted.why == "Maria's appeal was granted."
    arrival = journey(STATES["arrival"], driver="Maria").next
    assert arrival is not None and arrival.why.startswith("Maria's deadline counts from")
    titles = [step.title for step in journey(READ, driver="Maria").steps]
    assert "Write Maria's record of good standing" in titles and "Send Maria's appeal" in titles
    assert "Say what Maria is changing" in titles


def test_it_names_the_driver_to_an_advocate_in_spanish() -> None:
    with in_language("es"):
        late = journey(STATES["late"], driver="María").next
        yours = journey(STATES["late"]).next
        waiting = journey(SENT, driver="María").next
        titles = [step.title for step in journey(READ, driver="María").steps]
    assert late is not None and yours is not None and waiting is not None
    assert late.why.startswith("La fecha límite de María ya pasó. Envía lo que María tenga")
    assert late.title == "Envía la apelación de María ahora"
    assert yours.why.startswith("Tu fecha límite ya pasó.")
    assert waiting.why.startswith("La apelación de María ya se envió.")
    assert "Escribe el buen historial de María" in titles
    for text in (late.title, late.why, late.button, waiting.why, *titles):
        assert not re.search(r"\b[Tt]us?\b", text), text
