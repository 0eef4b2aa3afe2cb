"""`{{ value|when:"day" }}`: a date or time in a named style of the reader's language."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from reinstate.lib.dates import when as in_style

register = template.Library()


@register.filter
def when(value: date | datetime | None, style: str = "date") -> str:
    """The styles are in lib/dates.py; an aware time is shown in the reader's time zone."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return in_style(value, style)
