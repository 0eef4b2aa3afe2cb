"""The zone and state lists are written without a template per option: the same markup."""

from __future__ import annotations

import re

import pytest
from django import forms

from reinstate.accounts.forms import PlaceNames, ProfileForm


def _same_shape(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


@pytest.mark.parametrize(
    ("field", "value"),
    [("time_zone", "America/Chicago"), ("state", "IL"), ("state", "")],
)
def test_it_writes_the_same_select_as_djangos_template(field: str, value: str) -> None:
    bound = ProfileForm(initial={field: value})[field]
    widget = bound.field.widget
    attrs = bound.build_widget_attrs({"id": bound.auto_id, "aria-describedby": "help"})
    ours = widget.render(bound.html_name, bound.value(), attrs)
    djangos = forms.Select.render(widget, bound.html_name, bound.value(), attrs)
    assert _same_shape(ours) == _same_shape(djangos)
    assert 'translate="no"' in ours


def test_it_escapes_what_it_writes() -> None:
    widget = PlaceNames(choices=[("Odd", [('a"b', "<b>x</b>")])], attrs={"title": "1 > 0"})
    html = widget.render("place", 'a"b', {"id": "id_place", "required": True})
    assert html == (
        '<select name="place" title="1 &gt; 0" id="id_place" required>'
        '<optgroup label="Odd"><option value="a&quot;b" selected translate="no">'
        "&lt;b&gt;x&lt;/b&gt;</option></optgroup></select>"
    )
