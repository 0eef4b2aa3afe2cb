from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from reinstate.rules.evidence.photos import Photo, distance_km, photo_flags, photo_time

LA = ZoneInfo("America/Los_Angeles")


def test_a_photo_with_its_offset_is_read_exactly() -> None:
    taken = photo_time("2026-11-02T14:03:05", "-05:00", None, LA)
    assert taken.basis == "offset"
    assert taken.at == datetime(2026, 11, 2, 19, 3, 5, tzinfo=UTC)


def test_without_an_offset_the_gps_clock_wins_then_the_drivers_zone() -> None:
    gps = photo_time("2026-11-02T14:03:05", None, "2026-11-02T22:03:05+00:00", LA)
    assert (gps.basis, gps.at) == ("gps", datetime(2026, 11, 2, 22, 3, 5, tzinfo=UTC))
    assumed = photo_time("2026-11-02T14:03:05", None, None, LA)
    assert assumed.basis == "assumed"
    assert assumed.at == datetime(2026, 11, 2, 14, 3, 5, tzinfo=LA)
    assert photo_time(None, None, None, LA).at is None


def test_a_photo_from_another_day_is_flagged_in_the_drivers_zone() -> None:
    day = date(2026, 11, 2)
    late_evening = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)  # 10 PM on the 2nd in Los Angeles
    next_day = datetime(2026, 11, 3, 18, 0, tzinfo=UTC)
    flags = photo_flags(
        [
            Photo(1, late_evening, None, None),
            Photo(2, next_day, None, None),
            Photo(3, None, None, None),
        ],
        day=day,
        tz=LA,
    )
    assert flags[1] == []
    assert [f.code for f in flags[2]] == ["other_day"]
    assert "Tue 3 Nov 2026" in flags[2][0].text and "Mon 2 Nov 2026" in flags[2][0].text
    assert [f.code for f in flags[3]] == ["no_time"]


def test_a_photo_far_from_the_others_is_flagged() -> None:
    when = datetime(2026, 11, 2, 20, 0, tzinfo=UTC)
    route = [(34.05, -118.24), (34.06, -118.25), (34.04, -118.23), (34.07, -118.26)]
    photos = [Photo(i, when, lat, lon) for i, (lat, lon) in enumerate(route)]
    photos.append(Photo(9, when, 36.17, -115.14))  # Las Vegas
    flags = photo_flags(photos, day=None, tz=LA)
    assert [k for k, f in flags.items() if f] == [9]
    assert flags[9][0].code == "far" and "km from where your other photos" in flags[9][0].text


def test_a_spread_out_route_flags_nothing_and_two_photos_cannot_be_judged() -> None:
    when = datetime(2026, 11, 2, 20, 0, tzinfo=UTC)
    route = [Photo(i, when, 34.0 + i * 0.03, -118.2) for i in range(6)]  # 3 km apart
    assert not any(photo_flags(route, day=None, tz=LA).values())
    pair = [Photo(1, when, 34.05, -118.24), Photo(2, when, 40.7, -74.0)]
    assert not any(photo_flags(pair, day=None, tz=LA).values())


def test_distance_between_los_angeles_and_new_york() -> None:
    assert 3930 < distance_km((34.0522, -118.2437), (40.7128, -74.0060)) < 3950
