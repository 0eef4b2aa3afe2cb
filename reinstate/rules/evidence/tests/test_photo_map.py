from __future__ import annotations

from reinstate.rules.evidence.photo_map import MapPoint, plot_points, world_px


def test_no_points_no_plot() -> None:
    assert plot_points([]) is None


def test_points_fit_inside_the_plot_with_a_scale() -> None:
    points = [MapPoint(1, "A", 34.05, -118.24), MapPoint(2, "B", 34.10, -118.30)]
    plot = plot_points(points, width=360, height=260)
    assert plot is not None
    for placed in plot.points:
        assert 0 <= placed.x <= 360 and 0 <= placed.y <= 260
    # North is up: B (further north) is higher on the plot; west is left.
    a, b = plot.points
    assert b.y < a.y and b.x < a.x
    assert plot.tiles == []
    assert 0 < plot.scale_px <= 120


def test_a_single_point_is_centred_at_street_level() -> None:
    plot = plot_points([MapPoint(1, "A", 51.5, -0.12)], width=300, height=200)
    assert plot is not None
    assert plot.zoom == 17
    assert (plot.points[0].x, plot.points[0].y) == (150, 100)


def test_tiles_cover_the_plot_when_a_tile_server_is_set() -> None:
    points = [MapPoint(1, "A", 34.05, -118.24)]
    plot = plot_points(points, width=360, height=260, tile_url="https://t/{z}/{x}/{y}.png")
    assert plot is not None and plot.tiles
    x, y = world_px(34.05, -118.24, plot.zoom)
    assert any(f"/{plot.zoom}/{int(x // 256)}/{int(y // 256)}.png" in t.url for t in plot.tiles)
    assert all(t.x > -256 and t.y > -256 and t.x < 360 and t.y < 260 for t in plot.tiles)
