"""Time zone names, checked, and the lists the forms offer."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from reinstate.lib.errors import UserInputError
from reinstate.lib.i18n import _, gettext_noop

US_ZONES = [
    ("America/New_York", gettext_noop("Eastern (New York)")),
    ("America/Chicago", gettext_noop("Central (Chicago)")),
    ("America/Denver", gettext_noop("Mountain (Denver)")),
    ("America/Phoenix", gettext_noop("Arizona (Phoenix)")),
    ("America/Los_Angeles", gettext_noop("Pacific (Los Angeles)")),
    ("America/Anchorage", gettext_noop("Alaska (Anchorage)")),
    ("Pacific/Honolulu", gettext_noop("Hawaii (Honolulu)")),
    ("America/Puerto_Rico", gettext_noop("Puerto Rico")),
]


class UnknownTimeZone(UserInputError):
    pass


def parse_time_zone(name: str) -> ZoneInfo:
    """A ZoneInfo for an IANA name, or UnknownTimeZone with a message a person can act on."""
    cleaned = (name or "").strip()
    if cleaned not in all_zone_names():
        raise UnknownTimeZone(
            _("Unknown time zone %(zone)r: use a name such as America/Chicago or Europe/London.")
            % {"zone": cleaned}
        )
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownTimeZone(_("Unknown time zone %(zone)r.") % {"zone": cleaned}) from None


@cache
def all_zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_choices() -> list[tuple[str, object]]:
    """US zones first (most drivers), then every other zone, for a <select>."""
    us = {key for key, _ in US_ZONES}
    others = sorted(all_zone_names() - us)
    return [
        (_("United States"), [(key, _(label)) for key, label in US_ZONES]),
        (_("All time zones"), [(name, name.replace("_", " ")) for name in others]),
    ]


def machine_zone_name() -> str:
    """The local zone of this machine, as an IANA name where it can be found."""
    local = datetime.now().astimezone().tzinfo
    key = getattr(local, "key", None)
    if isinstance(key, str):
        return key
    try:
        from pathlib import Path

        link = Path("/etc/localtime").resolve()
        parts = link.parts
        if "zoneinfo" in parts:
            return "/".join(parts[parts.index("zoneinfo") + 1 :])
    except OSError:
        pass
    return "UTC"


def typed_in(moment: datetime, tz: ZoneInfo) -> datetime:
    """A time typed in a form, on the case's (or driver's) clock whoever types it: the form
    read it in the user's zone, so keep the wall time and give it ``tz`` (an advocate may be
    elsewhere)."""
    return moment.replace(tzinfo=None).replace(tzinfo=tz)


def zone_or_utc(name: str) -> ZoneInfo:
    """A stored zone name as a ZoneInfo, UTC when it is not one (bulk reads must not fail on one
    odd row: a folder name such as "America" raises IsADirectoryError, an OSError)."""
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return ZoneInfo("UTC")
