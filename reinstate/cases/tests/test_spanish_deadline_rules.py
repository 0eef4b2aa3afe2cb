"""The deadline rules speak the active language: Spanish under translation.override("es"),
English without it (the command line, and a case's stored words). Here, not beside the rules:
the rules and their tests may not import Django."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from reinstate.rules.deadlines.decision import DeadlineDecision, decide_deadline
from reinstate.rules.deadlines.work_plan import countdown_text, plan_work
from reinstate.rules.notice.reader import read_notice

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=LA)
DEADLINE = datetime(2026, 12, 13, 9, 0, tzinfo=LA)


@pytest.fixture(autouse=True)
def no_language_left_active() -> Iterator[None]:
    """A test client's request leaves its language active in this thread: start and end
    without one (English), as a process that serves no request would."""
    translation.deactivate()
    yield
    translation.deactivate()


def test_it_words_the_countdown_in_spanish_under_override() -> None:
    with translation.override("es"):
        assert countdown_text(DEADLINE, now=NOW) == "tiempo restante: 7 días y 21 horas"
        assert countdown_text(NOW, now=DEADLINE) == "vencida hace 7 días y 21 horas"
        assert countdown_text(None, now=NOW) == "sin fecha límite"


def test_it_words_the_countdown_in_english_without_override() -> None:
    assert countdown_text(DEADLINE, now=NOW) == "7 days 21 hours left"
    assert countdown_text(NOW, now=DEADLINE) == "overdue by 7 days 21 hours"
    assert countdown_text(datetime(2026, 12, 5, 13, 0, tzinfo=LA), now=NOW) == "1 hour left"


def test_it_words_the_plan_in_spanish_under_override() -> None:
    with translation.override("es"):
        plan = plan_work(DEADLINE, now=NOW, tz=LA)
    assert [step.title for step in plan] == [
        "Reúne tus pruebas",
        "Escribe tu explicación y tu plan",
        "Revisa todo",
        "Envía tu apelación",
    ]
    assert "margen de" in plan[-1].detail and "spare" not in plan[-1].detail


def test_it_words_the_plan_in_english_without_override() -> None:
    plan = plan_work(DEADLINE, now=NOW, tz=LA)
    assert plan[0].title == "Gather your evidence"
    assert plan[-1].detail.endswith("spare before the deadline.")
    assert [step.key for step in plan] == ["gather", "write", "review", "submit"]


def test_a_passed_deadline_says_send_now_in_each_language() -> None:
    with translation.override("es"):
        (late,) = plan_work(NOW, now=DEADLINE, tz=LA)
    assert late.key == "send_now" and late.title == "Envía tu apelación ahora"
    assert plan_work(NOW, now=DEADLINE, tz=LA)[0].title == "Send your appeal now"


def _decision() -> DeadlineDecision:
    notice = "Your Amazon Flex account has been deactivated."
    reading = read_notice(notice, received=NOW, tz=LA)
    return decide_deadline(reading, received=NOW, tz=LA, state="CA", city="Los Angeles")


def test_it_says_which_rule_gave_the_deadline_in_each_language() -> None:
    english = _decision()
    with translation.override("es"):
        spanish = _decision()
    assert english.rule.startswith("The notice states no deadline, so we use")
    assert spanish.rule.startswith("El aviso no dice ninguna fecha límite, así que usamos")
    assert spanish.deadline == english.deadline and spanish.source == english.source


def test_a_stated_deadline_quotes_the_notice_as_written() -> None:
    notice = "You may appeal this decision within 10 calendar days of this message."
    reading = read_notice(notice, received=NOW, tz=LA)
    with translation.override("es"):
        decision = decide_deadline(reading, received=NOW, tz=LA, state=None, city=None)
    assert decision.rule == (
        'El propio aviso fija esta fecha límite: "within 10 calendar days of this message".'
    )
