"""When and where a photo was taken, and which photos a platform reviewer would question.

Pure: no Django. Drivers report that platforms check a delivery photo's time and place, so a
photo taken on another day, or far from the others, is flagged for the driver to explain or
leave out before anyone else notices it.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reinstate.lib.dates import when
from reinstate.lib.i18n import _

# A photo is "far from the others" when it lies this far from their middle, and much further
# than the photos typically do (a delivery route spreads photos over a few kilometres).
FAR_KM = 10.0
FAR_FACTOR = 5.0
MIN_PHOTOS_FOR_PLACE = 3
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class PhotoTime:
    at: datetime | None
    # "offset": the photo recorded its offset from UTC; "gps": the GPS receiver's UTC clock;
    # "assumed": only the camera clock, read in the driver's time zone; None: no time.
    basis: str | None


def photo_time(
    taken_local: str | None, taken_offset: str | None, gps_utc: str | None, tz: ZoneInfo
) -> PhotoTime:
    """The moment a photo was taken, from the best clock it carries."""
    if taken_local and taken_offset:
        return PhotoTime(datetime.fromisoformat(taken_local + taken_offset), "offset")
    if gps_utc:
        return PhotoTime(datetime.fromisoformat(gps_utc).astimezone(tz), "gps")
    if taken_local:
        return PhotoTime(datetime.fromisoformat(taken_local).replace(tzinfo=tz), "assumed")
    return PhotoTime(None, None)


@dataclass(frozen=True)
class Photo:
    key: int
    at: datetime | None
    lat: float | None
    lon: float | None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Flag:
    code: str  # "no_time", "other_day" or "far"
    text: str


def photo_flags(
    photos: Sequence[Photo], *, day: date | None, tz: ZoneInfo
) -> dict[int, list[Flag]]:
    """What to check about each photo, in plain words, keyed by photo."""
    flags: dict[int, list[Flag]] = {p.key: [] for p in photos}
    for photo in photos:
        if photo.at is None:
            flags[photo.key].append(Flag("no_time", _("No time is recorded in this photo.")))
        elif day is not None and photo.at.astimezone(tz).date() != day:
            taken = photo.at.astimezone(tz).date()
            flags[photo.key].append(
                Flag(
                    "other_day",
                    _("Taken on %(taken)s, not on the day in question (%(day)s).")
                    % {"taken": when(taken, "day_date"), "day": when(day, "day_date")},
                )
            )
    for key, km in far_photos(photos).items():
        text = _("Taken %(distance)s from where your other photos were taken.")
        flags[key].append(Flag("far", text % {"distance": _km(km)}))
    return flags


def far_photos(photos: Sequence[Photo]) -> dict[int, float]:
    """Photos lying far from the middle of the others: key → distance in km."""
    placed = [p for p in photos if p.lat is not None and p.lon is not None]
    if len(placed) < MIN_PHOTOS_FOR_PLACE:
        return {}
    middle = (
        statistics.median(p.lat for p in placed if p.lat is not None),
        statistics.median(p.lon for p in placed if p.lon is not None),
    )
    distances = {
        p.key: distance_km((p.lat, p.lon), middle)
        for p in placed
        if p.lat is not None and p.lon is not None
    }
    typical = statistics.median(distances.values())
    limit = max(FAR_KM, FAR_FACTOR * typical)
    return {key: km for key, km in distances.items() if km > limit}


def _km(km: float) -> str:
    return f"{km:,.0f} km" if km >= 10 else f"{km:.1f} km"
