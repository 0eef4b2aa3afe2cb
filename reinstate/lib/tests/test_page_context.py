"""A page presenter's dataclass reaches the template as one name per field, and what the
fields hold reaches it as it is: the same objects, not copies."""

from __future__ import annotations

from dataclasses import dataclass

from reinstate.lib.page_context import page_context


@dataclass(frozen=True)
class Row:
    title: str


@dataclass(frozen=True)
class Page:
    row: Row
    rows: list[Row]
    count: int


def test_it_names_every_field() -> None:
    page = Page(row=Row("a"), rows=[], count=2)
    assert page_context(page).keys() == {"row", "rows", "count"}


def test_it_keeps_the_objects_inside_as_they_are() -> None:
    row = Row("a")
    rows = [row]
    context = page_context(Page(row=row, rows=rows, count=1))
    assert context["row"] is row  # a nested dataclass is not turned into a dict
    assert context["rows"] is rows  # nor copied: a template reads the presenter's own values
