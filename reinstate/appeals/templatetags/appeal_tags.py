"""`{% appeal_summary case %}`: the case page's "Your appeal" section. A tag, so that the case
page shows the appeal's score without the cases app importing the appeals app."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from reinstate.appeals.presenters import appeal_summary
from reinstate.cases.models import Case
from reinstate.lib.page_context import page_context

register = template.Library()


@register.inclusion_tag("appeals/partials/_summary.html")
def appeal_summary_section(case: Case) -> dict[str, Any]:
    return page_context(appeal_summary(case, now=timezone.now()))
