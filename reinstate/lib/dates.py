"""Dates and times the way each language writes them, in named styles.

"Sunday 13 December 2026, 10:06 AM" in English is "domingo, 13 de diciembre de 2026, 10:06"
in Spanish: not the same words in another order, so each style is a format per language.
Templates use them through the `when` filter (`{{ case.deadline|when:"day" }}`, core's
`dates` template tags); the pure rules call `when()` directly.

The formats are Django's date format characters. When the app runs, Django's formatter is
installed (core/apps.py) and gives the month and day names in the active language; before
that (a rule's unit test) a small English formatter gives the same English.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from reinstate.lib import i18n

# style -> language -> Django date format. Backslash-escaped letters are printed as they are.
STYLES: dict[str, dict[str, str]] = {
    # Sunday 13 December 2026 / domingo, 13 de diciembre de 2026
    "day": {"en": "l j F Y", "es": r"l, j \d\e F \d\e Y"},
    # Sunday 13 December / domingo, 13 de diciembre
    "weekday": {"en": "l j F", "es": r"l, j \d\e F"},
    # 13 December 2026 / 13 de diciembre de 2026
    "date_long": {"en": "j F Y", "es": r"j \d\e F \d\e Y"},
    # 13 Dec 2026 / 13 dic 2026
    "date": {"en": "j M Y", "es": "j b Y"},
    # 13 Dec 2026, 10:06 AM / 13 dic 2026, 10:06
    "datetime": {"en": "j M Y, g:i A", "es": "j b Y, H:i"},
    # Sun 13 Dec, 10:06 AM / dom 13 dic, 10:06
    "short": {"en": "D j M, g:i A", "es": "D j b, H:i"},
    # Sun 13 Dec 2026, 10:06 AM / dom 13 dic 2026, 10:06
    "short_year": {"en": "D j M Y, g:i A", "es": "D j b Y, H:i"},
    # Sunday 13 December 2026, 10:06 AM / domingo, 13 de diciembre de 2026, 10:06
    "moment": {"en": "l j F Y, g:i A", "es": r"l, j \d\e F \d\e Y, H:i"},
    # ... with the time zone's abbreviation: 10:06 AM EST / 10:06 EST
    "moment_zone": {"en": "l j F Y, g:i A T", "es": r"l, j \d\e F \d\e Y, H:i T"},
    # 10:06 AM / 10:06
    "time": {"en": "g:i A", "es": "H:i"},
    # December 2026 / diciembre de 2026
    "month": {"en": "F Y", "es": r"F \d\e Y"},
    # Tue 3 Nov 2026 / mar 3 nov 2026
    "day_date": {"en": "D j M Y", "es": "D j b Y"},
    # Tue 3 Nov / mar 3 nov
    "day_month": {"en": "D j M", "es": "D j b"},
    # 3 Nov / 3 nov
    "month_day": {"en": "j M", "es": "j b"},
    # 3 Nov, 2:03 PM / 3 nov, 14:03
    "month_day_time": {"en": "j M, g:i A", "es": "j b, H:i"},
    # Tue 3 Nov 2026, 2:03 PM PST / mar 3 nov 2026, 14:03 PST
    "short_year_zone": {"en": "D j M Y, g:i A T", "es": "D j b Y, H:i T"},
    # Tue 3 Nov 2026, 2:03:05 PM PST / mar 3 nov 2026, 14:03:05 PST
    "short_seconds_zone": {"en": "D j M Y, g:i:s A T", "es": "D j b Y, H:i:s T"},
    # Tuesday 3 November 2026, 2:03:05 PM PST / martes, 3 de noviembre de 2026, 14:03:05 PST
    "moment_seconds_zone": {"en": "l j F Y, g:i:s A T", "es": r"l, j \d\e F \d\e Y, H:i:s T"},
    # The charts' axis and the health warnings: Jan 5 / 5 ene; Thu Nov 19 / jue 19 nov
    "chart_day": {"en": "M j", "es": "j b"},
    "alert_day": {"en": "D M j", "es": "D j b"},
}

Formatter = Callable[[date | datetime, str], str]

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def _english(value: date | datetime, format_string: str) -> str:
    """The characters STYLES uses, in English: what Django's formatter gives for "en"."""
    out: list[str] = []
    escaped = False
    for char in format_string:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in _ENGLISH_PARTS:
            out.append(_ENGLISH_PARTS[char](value))
        else:
            out.append(char)
    return "".join(out)


def _hour12(value: date | datetime) -> str:
    assert isinstance(value, datetime)
    return str(value.hour % 12 or 12)


def _zone(value: date | datetime) -> str:
    return value.tzname() or "" if isinstance(value, datetime) else ""


_ENGLISH_PARTS: dict[str, Callable[[date | datetime], str]] = {
    "l": lambda v: _DAYS[v.weekday()],
    "D": lambda v: _DAYS[v.weekday()][:3],
    "j": lambda v: str(v.day),
    "F": lambda v: _MONTHS[v.month - 1],
    "M": lambda v: _MONTHS[v.month - 1][:3],
    "Y": lambda v: str(v.year),
    "g": _hour12,
    "H": lambda v: f"{v.hour:02d}" if isinstance(v, datetime) else "",
    "i": lambda v: f"{v.minute:02d}" if isinstance(v, datetime) else "",
    "s": lambda v: f"{v.second:02d}" if isinstance(v, datetime) else "",
    "A": lambda v: ("AM" if v.hour < 12 else "PM") if isinstance(v, datetime) else "",
    "T": _zone,
}

_formatter: list[Formatter] = [_english]


def install(formatter: Formatter) -> None:
    """Use the app's formatter (Django's, with month and day names in every language)."""
    _formatter[0] = formatter


def when(value: date | datetime, style: str) -> str:
    """`value` in the named style and the active language (a datetime in its own zone)."""
    formats = STYLES[style]
    return _formatter[0](value, formats.get(i18n.language(), formats["en"]))
