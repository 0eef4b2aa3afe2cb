"""Two tabs on one appeal: what one adds or removes survives what the other does meanwhile.

A request that reads the appeal and then writes it back loses what another request wrote in
between. `another_tab_writes_first` puts the other tab's whole request in that window, as two
requests at once can, so each test here fails on a read-splice-write path."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.inputs import AppealInput
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, Plan, PlanAction, Statement
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT")


@contextmanager
def another_tab_writes_first(request: Callable[[], Any]) -> Iterator[None]:
    """Runs `request` (the other tab's) just before this one first writes to the database (or
    opens its transaction): after all it read before, before anything it writes."""
    pending = [request]

    def wrapper(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        if pending and sql.lstrip().upper().startswith(WRITES):
            pending.pop()()
        return execute(sql, *args)

    with connection.execute_wrapper(wrapper):
        yield
    assert not pending, "this request wrote nothing"


def tabs(case: Case) -> tuple[Client, Client]:
    """Two tabs, each with the appeal page read."""
    first, second = client_for(case.owner), client_for(case.owner)
    for tab in (first, second):
        assert tab.get(reverse("appeals:detail", args=[case.pk])).status_code == 200
    return first, second


def remove_buttons(tab: Client, case: Case, what: str) -> dict[str, str]:
    """The page's Remove buttons for facts or actions: the address each posts to, by name."""
    page = tab.get(reverse("appeals:detail", args=[case.pk])).content.decode()
    forms = re.findall(
        rf'action="([^"]+)"[^>]*>(?:(?!</form>).)*?aria-label="Remove the {what} “([^”]+)”"',
        page,
        flags=re.DOTALL,
    )
    return {name: url for url, name in forms}


def action_names(case: Case) -> list[str]:
    return [a.action for a in Case.objects.get(pk=case.pk).appeal.actions.all()]


def fact_texts(case: Case) -> list[str]:
    return [s.text for s in Case.objects.get(pk=case.pk).appeal.statements.all()]


def new_action(name: str) -> dict[str, str]:
    return {"action": name, "target": "0 late in 20 blocks", "starts_on": "2026-12-01"}


@pytest.fixture
def planned(evidence: Case) -> Case:
    """A plan of three actions, and three facts."""
    actions = tuple(PlanAction(name, "0 late", date(2026, 12, 1)) for name in ("X", "Y", "Z"))
    statements = tuple(Statement(text, ("A",)) for text in ("Fact X", "Fact Y", "Fact Z"))
    data = AppealInput(
        explanation=Explanation(what_happened="Late.", statements=statements),
        plan=Plan(actions=actions),
    )
    do_set_appeal(case=evidence, data=data, actor=evidence.owner)
    return evidence


def test_it_keeps_both_actions_added_from_two_tabs(planned: Case) -> None:
    first, second = tabs(planned)
    url = reverse("appeals:add_action", args=[planned.pk])
    with another_tab_writes_first(lambda: second.post(url, new_action("From the second tab"))):
        first.post(url, new_action("From the first tab"))
    assert sorted(action_names(planned)) == sorted(
        ["X", "Y", "Z", "From the first tab", "From the second tab"]
    )


def test_it_removes_exactly_the_action_named_on_a_page_read_before_another_removal(
    planned: Case,
) -> None:
    first, second = tabs(planned)
    on_first, on_second = (remove_buttons(tab, planned, "action") for tab in (first, second))
    assert second.post(on_second["X"]).status_code == 302
    assert first.post(on_first["Y"]).status_code == 302  # the first tab still shows X
    assert action_names(planned) == ["Z"]
    assert first.post(on_first["X"]).status_code == 404  # gone already: nothing else goes


def test_it_keeps_an_action_added_in_another_tab_when_the_plan_is_saved(planned: Case) -> None:
    first, second = tabs(planned)
    add = reverse("appeals:add_action", args=[planned.pk])
    plan = {"monitoring_metric": "on-time arrival", "commitment": "I will be early."}
    with another_tab_writes_first(lambda: second.post(add, new_action("Added meanwhile"))):
        first.post(reverse("appeals:plan", args=[planned.pk]), plan)
    assert action_names(planned) == ["X", "Y", "Z", "Added meanwhile"]
    assert Case.objects.get(pk=planned.pk).appeal.commitment == "I will be early."


def test_it_keeps_both_facts_added_from_two_tabs(planned: Case) -> None:
    first, second = tabs(planned)
    url = reverse("appeals:add_statement", args=[planned.pk])
    with another_tab_writes_first(lambda: second.post(url, {"text": "Second", "exhibits": ["B"]})):
        first.post(url, {"text": "First", "exhibits": ["A"]})
    assert sorted(fact_texts(planned)) == sorted(["Fact X", "Fact Y", "Fact Z", "First", "Second"])


def test_it_removes_exactly_the_fact_named_on_a_page_read_before_another_removal(
    planned: Case,
) -> None:
    first, second = tabs(planned)
    on_first, on_second = (remove_buttons(tab, planned, "fact") for tab in (first, second))
    assert second.post(on_second["Fact X"]).status_code == 302
    assert first.post(on_first["Fact Y"]).status_code == 302
    assert fact_texts(planned) == ["Fact Z"]


def test_it_keeps_a_fact_added_in_another_tab_when_the_explanation_is_saved(
    planned: Case,
) -> None:
    first, second = tabs(planned)
    add = reverse("appeals:add_statement", args=[planned.pk])
    explanation = {
        "stance": "acknowledge",
        "what_happened": "At 10:17 I was late.",
        "acknowledgement": "I was late.",
    }
    with another_tab_writes_first(lambda: second.post(add, {"text": "Meanwhile"})):
        first.post(reverse("appeals:explanation", args=[planned.pk]), explanation)
    assert fact_texts(planned) == ["Fact X", "Fact Y", "Fact Z", "Meanwhile"]
    assert Case.objects.get(pk=planned.pk).appeal.acknowledgement == "I was late."
