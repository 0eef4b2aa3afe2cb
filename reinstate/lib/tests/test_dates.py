"""Dates read the way each language writes them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from reinstate.lib import dates
from reinstate.lib.dates import STYLES, when

SUNDAY = datetime(2026, 12, 13, 10, 6, tzinfo=ZoneInfo("America/New_York"))


def test_it_writes_the_long_day_the_spanish_way() -> None:
    with translation.override("es"):
        assert when(SUNDAY, "moment") == "domingo, 13 de diciembre de 2026, 10:06"
        assert when(SUNDAY.date(), "date") == "13 dic 2026"


def test_it_writes_the_long_day_the_english_way() -> None:
    with translation.override("en"):
        assert when(SUNDAY, "moment_zone") == "Sunday 13 December 2026, 10:06 AM EST"
        assert when(date(2027, 1, 1), "weekday") == "Friday 1 January"


@pytest.mark.parametrize("style", sorted(STYLES))
def test_it_gives_the_same_english_before_django_is_installed(style: str) -> None:
    """The pure rules' own tests run with the small English formatter: it must agree."""
    with translation.override("en"):
        assert dates._english(SUNDAY, STYLES[style]["en"]) == when(SUNDAY, style)
