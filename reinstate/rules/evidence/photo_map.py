"""Where the photos were taken, as a picture the server draws (an SVG): it needs no network.

Pure: no Django. Points are placed in Web Mercator, the projection of OpenStreetMap's tiles,
so the same plot can lie over map tiles when the server is set up to show them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TILE_PX = 256
MAX_ZOOM = 17  # street level; closer than this the tiles add nothing
PAD_PX = 28
_NICE_KM = (0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


@dataclass(frozen=True)
class MapPoint:
    key: int
    label: str
    lat: float
    lon: float
    flagged: bool = False


@dataclass(frozen=True)
class PlacedPoint:
    point: MapPoint
    x: float
    y: float


@dataclass(frozen=True)
class Tile:
    url: str
    x: float
    y: float


@dataclass(frozen=True)
class Plot:
    width: int
    height: int
    zoom: int
    points: list[PlacedPoint]
    tiles: list[Tile]
    scale_km: float  # a round distance for the scale bar…
    scale_px: float  # …and its length on the plot


def world_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a position at a zoom level."""
    size = TILE_PX * 2**zoom
    lat = max(-85.0511, min(85.0511, lat))
    sin = math.sin(math.radians(lat))
    x = (lon + 180) / 360 * size
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * size
    return x, y


def plot_points(
    points: Sequence[MapPoint], *, width: int = 360, height: int = 260, tile_url: str = ""
) -> Plot | None:
    """Fit the points on a plot of the given size; `tile_url` (…/{z}/{x}/{y}.png) adds tiles."""
    if not points:
        return None
    zoom = _zoom_to_fit(points, width - 2 * PAD_PX, height - 2 * PAD_PX)
    xs, ys = zip(*(world_px(p.lat, p.lon, zoom) for p in points), strict=True)
    left = (min(xs) + max(xs)) / 2 - width / 2
    top = (min(ys) + max(ys)) / 2 - height / 2
    placed = [
        PlacedPoint(p, round(x - left, 1), round(y - top, 1))
        for p, x, y in zip(points, xs, ys, strict=True)
    ]
    middle_lat = sum(p.lat for p in points) / len(points)
    km_per_px = 40075.016686 * math.cos(math.radians(middle_lat)) / (TILE_PX * 2**zoom)
    scale_km = max((k for k in _NICE_KM if k / km_per_px <= width / 3), default=_NICE_KM[0])
    tiles = _tiles(tile_url, zoom, left, top, width, height) if tile_url else []
    return Plot(width, height, zoom, placed, tiles, scale_km, round(scale_km / km_per_px, 1))


def _zoom_to_fit(points: Sequence[MapPoint], width: int, height: int) -> int:
    for zoom in range(MAX_ZOOM, -1, -1):
        xs, ys = zip(*(world_px(p.lat, p.lon, zoom) for p in points), strict=True)
        if max(xs) - min(xs) <= width and max(ys) - min(ys) <= height:
            return zoom
    return 0


def _tiles(url: str, zoom: int, left: float, top: float, width: int, height: int) -> list[Tile]:
    count = 2**zoom
    tiles = []
    for ty in range(int(top // TILE_PX), int((top + height) // TILE_PX) + 1):
        if not 0 <= ty < count:
            continue
        for tx in range(int(left // TILE_PX), int((left + width) // TILE_PX) + 1):
            wrapped = tx % count
            tiles.append(
                Tile(
                    url.format(z=zoom, x=wrapped, y=ty),
                    round(tx * TILE_PX - left, 1),
                    round(ty * TILE_PX - top, 1),
                )
            )
    return tiles
