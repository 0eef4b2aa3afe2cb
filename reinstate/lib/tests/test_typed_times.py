"""A time typed in a form is on the case's clock, whoever types it and wherever they are."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from reinstate.lib.tz import typed_in

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_it_keeps_the_wall_time_typed_and_gives_it_the_case_zone() -> None:
    # an advocate in New York types 9:30 for a driver in Los Angeles
    read_by_the_form = datetime(2026, 11, 20, 9, 30, tzinfo=NEW_YORK)
    typed = typed_in(read_by_the_form, LOS_ANGELES)
    assert (typed.hour, typed.minute, typed.tzinfo) == (9, 30, LOS_ANGELES)
    assert typed.utcoffset() == timedelta(hours=-8)


def test_it_takes_the_zone_of_the_day_typed_across_daylight_saving() -> None:
    typed = typed_in(datetime(2026, 7, 1, 18, 0, tzinfo=NEW_YORK), LOS_ANGELES)
    assert typed.utcoffset() == timedelta(hours=-7)
