"""Draw an event's places as points on the packaged world outline (no tiles, no request).

The outline is Natural Earth's 1:110m countries (public domain) from the world-atlas npm
package, rounded to 0.1° (see data/README-world.md). The projection is equirectangular with
longitudes scaled by the cosine of the middle latitude
(https://en.wikipedia.org/wiki/Equirectangular_projection).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.model import Place
from storyline.report import map_points

WORLD_FILE = "world-110m.json"
WIDTH = 760  # px of the drawing; the page scales it to the column
MIN_HEIGHT, MAX_HEIGHT = 240, 480  # px: keep very wide or very tall extents readable
CONTEXT_SHARE = 0.25  # widen the places' extent by this share on each side, to show context
MIN_SPAN_DEGREES = 6.0  # the narrowest extent shown: one town still gets its region around it
MAX_LABELS = 12  # most-mentioned points that get a name; the others show it on hover
MAX_RADIUS = 12.0  # px: the largest circle, so a place named 100 times does not hide others
LABEL_CHAR_PX = 6.5  # rough width of one label character at 11px, to skip overlapping labels
LABEL_HEIGHT_PX = 12.0
WORLD_SHIFTS = (-360.0, 0.0, 360.0)  # a ring unwrapped past ±180° may show a turn east or west


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One drawn place (places at one spot merged)."""

    x: float
    y: float
    r: float
    label: str
    title: str
    labelled: bool


@dataclass(frozen=True, slots=True)
class MapView:
    """The drawing: country outlines as SVG path data and the places as points."""

    width: int
    height: int
    land: tuple[tuple[str, str], ...]  # (country name, path data)
    points: tuple[MapPoint, ...]
    away: tuple[str, ...]  # places left off because they are far from the rest


@dataclass(frozen=True, slots=True)
class _Frame:
    west: float
    east: float
    south: float
    north: float
    scale: float
    squeeze: float
    height: int

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x = (lon - self.west) * self.scale * self.squeeze
        y = (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


def world_map(places: Sequence[Place]) -> MapView | None:
    """Return the map of the places with coordinates, zoomed to them (None when none has any)."""
    points, away = map_points(places)
    if not points:
        return None
    frame = _frame([(p.lat, p.lon) for p in points])
    ranked = sorted(points, key=lambda p: -p.mentions)
    drawn = _label(tuple(_map_point(frame, p.lat, p.lon, p.names, p.mentions) for p in ranked))
    return MapView(
        WIDTH,
        frame.height,
        tuple(_land(frame)),
        drawn,
        tuple(name for p in away for name in p.names),
    )


def _frame(coords: Sequence[tuple[float, float]]) -> _Frame:
    """Return the frame around the points, widened for context and clipped to the globe."""
    south, north = _widen(min(c[0] for c in coords), max(c[0] for c in coords), 90.0)
    west, east = _widen(min(c[1] for c in coords), max(c[1] for c in coords), 180.0)
    squeeze = max(math.cos(math.radians((south + north) / 2)), 0.2)
    span_x, span_y = (east - west) * squeeze, north - south
    height = int(min(max(WIDTH * span_y / span_x, MIN_HEIGHT), MAX_HEIGHT))
    scale = min(WIDTH / span_x, height / span_y)
    # centre the extent in the drawing along the axis that has room to spare
    extra_x = (WIDTH / (scale * squeeze) - (east - west)) / 2
    extra_y = (height / scale - (north - south)) / 2
    return _Frame(
        west - extra_x, east + extra_x, south - extra_y, north + extra_y, scale, squeeze, height
    )


def _widen(low: float, high: float, limit: float) -> tuple[float, float]:
    span = max(high - low, MIN_SPAN_DEGREES / (1 + 2 * CONTEXT_SHARE))
    middle = (low + high) / 2
    half = span * (1 + 2 * CONTEXT_SHARE) / 2
    return max(middle - half, -limit), min(middle + half, limit)


def _map_point(
    frame: _Frame, lat: float, lon: float, names: tuple[str, ...], mentions: int
) -> MapPoint:
    x, y = frame.xy(lat, lon)
    label = ", ".join(names)
    title = f"{label}: {mentions} mentions ({lat:.3f}, {lon:.3f})"
    radius = round(min(3.0 + math.sqrt(mentions), MAX_RADIUS), 1)
    return MapPoint(x, y, radius, label, title, labelled=False)


def _label(ranked: tuple[MapPoint, ...]) -> tuple[MapPoint, ...]:
    """Name the points whose label covers no label or circle of a point mentioned more."""
    boxes: list[tuple[float, float, float, float]] = []
    out: list[MapPoint] = []
    for point in ranked:
        box = (
            point.x + point.r,
            point.y - LABEL_HEIGHT_PX / 2,
            point.x + point.r + 4 + LABEL_CHAR_PX * len(point.label),
            point.y + LABEL_HEIGHT_PX / 2,
        )
        free = sum(p.labelled for p in out) < MAX_LABELS and not any(
            _overlap(box, other) for other in boxes
        )
        boxes.append((point.x - point.r, point.y - point.r, point.x + point.r, point.y + point.r))
        if free:
            boxes.append(box)
        out.append(replace(point, labelled=free))
    return tuple(out)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _land(frame: _Frame) -> list[tuple[str, str]]:
    """Return the path data of every country ring (or its copy a turn east or west) in view."""
    paths = []
    for name, rings in _countries():
        drawn = [
            _path(ring, shift, frame)
            for ring in rings
            for shift in WORLD_SHIFTS
            if _inside(ring, shift, frame)
        ]
        if drawn:
            paths.append((name, " ".join(drawn)))
    return paths


def _inside(ring: _Ring, shift: float, frame: _Frame) -> bool:
    west, south, east, north = ring.box
    return (
        west + shift <= frame.east
        and east + shift >= frame.west
        and south <= frame.north
        and north >= frame.south
    )


def _path(ring: _Ring, shift: float, frame: _Frame) -> str:
    points = [frame.xy(lat, lon + shift) for lon, lat in ring.points]
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z"


@dataclass(frozen=True, slots=True)
class _Ring:
    points: tuple[tuple[float, float], ...]  # (lon, lat), longitudes unwrapped
    box: tuple[float, float, float, float]  # west, south, east, north


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, tuple[_Ring, ...]], ...]:
    """Load the packaged world outline once, each ring unwrapped across the antimeridian."""
    text = resources.files("storyline.data").joinpath(WORLD_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return tuple(
        (str(country["name"]), tuple(_ring(flat) for flat in country["rings"]))
        for country in data["countries"]
    )


def _ring(flat: list[int]) -> _Ring:
    """Unwrap a ring so no edge jumps across the antimeridian; close a polar ring at the pole."""
    points = [(flat[0] / 10, flat[1] / 10)]
    for tenths_lon, tenths_lat in zip(flat[2::2], flat[3::2], strict=True):
        lon, lat = tenths_lon / 10, tenths_lat / 10
        while lon - points[-1][0] > 180:
            lon -= 360
        while points[-1][0] - lon > 180:
            lon += 360
        points.append((lon, lat))
    drift = points[-1][0] - points[0][0]
    if abs(drift) > 180:  # it goes round the pole (Antarctica): close it along the pole
        pole = -90.0 if min(lat for _, lat in points) < 0 else 90.0
        points += [(points[-1][0], pole), (points[0][0], pole)]
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    return _Ring(tuple(points), (min(lons), min(lats), max(lons), max(lats)))
