"""Draw the places of a brief as points on a small inline SVG map (no tiles, no requests).

The projection is equirectangular with longitudes scaled by the cosine of the middle
latitude, which keeps shapes right enough at the scale of one conflict or region
(https://en.wikipedia.org/wiki/Equirectangular_projection).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from storyline.model import Place

WIDTH = 720  # px of the drawing; the page scales it to the column width
MIN_HEIGHT, MAX_HEIGHT = 220, 460  # px: keep very wide or very tall extents readable
MARGIN = 28  # px around the points, so the labels of edge points stay inside
PAD_DEGREES = 0.5  # widen a tiny extent (one town) so its points do not sit on the frame
MAX_LABELS = 12  # most-mentioned points that get a name; others show it on hover
MAX_RADIUS = 12.0  # px: the largest circle, so a place named 100 times does not hide others
GRID_STEPS = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0)  # graticule spacings, degrees
GRID_LINES = 6  # about this many graticule lines across the wider side
# Points farther than this from the mention-weighted median are left off the map (and named
# in the caption) when the rest still hold most mentions: one capital abroad would otherwise
# zoom the map out to the whole world and pile the places of the event on one spot.
FOCUS_DEGREES = 15.0
FOCUS_SHARE = 0.75  # the share of mentions the focused map must keep
LABEL_CHAR_PX = 6.5  # rough width of one label character at 11px, to skip overlapping labels
LABEL_HEIGHT_PX = 12.0


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One location on the map: the names placed there and how often they are mentioned."""

    lat: float
    lon: float
    names: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class _Frame:
    """The lat/lon extent of the points and how it maps to pixels."""

    south: float
    west: float
    scale_x: float
    scale_y: float
    height: int

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x = MARGIN + (lon - self.west) * self.scale_x
        y = self.height - MARGIN - (lat - self.south) * self.scale_y
        return round(x, 1), round(y, 1)


def map_points(places: Sequence[Place]) -> tuple[list[MapPoint], list[MapPoint]]:
    """Return the located places to draw (one point per location) and those left off the
    map because they lie far from where most mentions are."""
    return _focus(_points(places))


def places_map(places: Sequence[Place]) -> str:
    """Return an SVG figure of the places that have valid coordinates (empty when none do)."""
    points, away = map_points(places)
    if not points:
        return ""
    frame = _frame(points)
    ranked = sorted(points, key=lambda point: -point.mentions)
    labelled = _labelled(ranked, frame)
    body = [_grid(frame), *(_marker(point, frame, id(point) in labelled) for point in ranked)]
    caption = (
        f"{len(points)} locations of {len(places)} places; circle area grows with mentions. "
        "Country-level places sit at the country's centre."
    )
    if away:
        caption += " Off the map: " + ", ".join(name for p in away for name in p.names) + "."
    return (
        f'<figure><svg class="map" viewBox="0 0 {WIDTH} {frame.height}" role="img" '
        f'aria-label="map of places">\n{"".join(body)}</svg>'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def has_coordinates(place: Place) -> bool:
    """Whether the place has a latitude and longitude inside the valid ranges."""
    if place.lat is None or place.lon is None:
        return False
    return -90.0 <= place.lat <= 90.0 and -180.0 <= place.lon <= 180.0


def _points(places: Sequence[Place]) -> list[MapPoint]:
    """Merge places at the same coordinates (a town resolved to its country's centre)."""
    merged: dict[tuple[float, float], list[Place]] = {}
    for place in places:
        if has_coordinates(place) and place.lat is not None and place.lon is not None:
            merged.setdefault((round(place.lat, 3), round(place.lon, 3)), []).append(place)
    return [
        MapPoint(lat, lon, tuple(p.name for p in group), sum(len(p.citations) for p in group))
        for (lat, lon), group in merged.items()
    ]


def _focus(points: list[MapPoint]) -> tuple[list[MapPoint], list[MapPoint]]:
    """Split the points into those near the weighted median and the far ones, if few mentions."""
    if not points:
        return [], []
    lat, lon = _weighted_median(points, "lat"), _weighted_median(points, "lon")
    near = [p for p in points if max(abs(p.lat - lat), abs(p.lon - lon)) <= FOCUS_DEGREES]
    total = sum(p.mentions for p in points)
    if not near or sum(p.mentions for p in near) < FOCUS_SHARE * total:
        return points, []
    return near, [p for p in points if p not in near]


def _weighted_median(points: Sequence[MapPoint], axis: str) -> float:
    ordered = sorted(points, key=lambda p: float(getattr(p, axis)))
    half = sum(max(p.mentions, 1) for p in ordered) / 2
    running = 0
    for point in ordered:
        running += max(point.mentions, 1)
        if running >= half:
            return float(getattr(point, axis))
    return float(getattr(ordered[-1], axis))


def _labelled(ranked: Sequence[MapPoint], frame: _Frame) -> set[int]:
    """Pick the most-mentioned points whose labels do not overlap a label already placed."""
    boxes: list[tuple[float, float, float, float]] = []
    chosen: set[int] = set()
    for point in ranked:
        if len(chosen) == MAX_LABELS:
            break
        x, y = frame.xy(point.lat, point.lon)
        width = LABEL_CHAR_PX * len(", ".join(point.names))
        box = (x, y - LABEL_HEIGHT_PX, x + MAX_RADIUS + width, y + LABEL_HEIGHT_PX / 2)
        if not any(_overlap(box, other) for other in boxes):
            boxes.append(box)
            chosen.add(id(point))
    return chosen


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _frame(points: Sequence[MapPoint]) -> _Frame:
    south = min(p.lat for p in points) - PAD_DEGREES
    north = max(p.lat for p in points) + PAD_DEGREES
    west = min(p.lon for p in points) - PAD_DEGREES
    east = max(p.lon for p in points) + PAD_DEGREES
    squeeze = max(math.cos(math.radians((south + north) / 2)), 0.2)
    span_x = (east - west) * squeeze
    span_y = north - south
    inner = WIDTH - 2 * MARGIN
    height = int(min(max(inner * span_y / span_x + 2 * MARGIN, MIN_HEIGHT), MAX_HEIGHT))
    scale = min(inner / span_x, (height - 2 * MARGIN) / span_y)
    return _Frame(south, west, scale * squeeze, scale, height)


def _grid(frame: _Frame) -> str:
    """Return graticule lines with their degree labels."""
    east = frame.west + (WIDTH - 2 * MARGIN) / frame.scale_x
    north = frame.south + (frame.height - 2 * MARGIN) / frame.scale_y
    wider = max(east - frame.west, north - frame.south)
    step = next((s for s in GRID_STEPS if wider / s <= GRID_LINES), GRID_STEPS[-1])
    parts = []
    for lon in _ticks(frame.west, east, step):
        x, _ = frame.xy(frame.south, lon)
        parts.append(f'<line class="grid" x1="{x}" y1="0" x2="{x}" y2="{frame.height}"/>')
        parts.append(f'<text class="grid-label" x="{x + 2}" y="10">{lon:g}°</text>')
    for lat in _ticks(frame.south, north, step):
        _, y = frame.xy(lat, frame.west)
        parts.append(f'<line class="grid" x1="0" y1="{y}" x2="{WIDTH}" y2="{y}"/>')
        parts.append(f'<text class="grid-label" x="2" y="{y - 2}">{lat:g}°</text>')
    return "".join(parts)


def _ticks(low: float, high: float, step: float) -> list[float]:
    first = math.ceil(low / step)
    return [k * step for k in range(first, math.floor(high / step) + 1)]


def _marker(point: MapPoint, frame: _Frame, labelled: bool) -> str:
    x, y = frame.xy(point.lat, point.lon)
    radius = min(3.0 + math.sqrt(point.mentions), MAX_RADIUS)
    names = ", ".join(point.names)
    title = escape(f"{names}: {point.mentions} mentions ({point.lat:.3f}, {point.lon:.3f})")
    marker = f'<circle cx="{x}" cy="{y}" r="{radius:.1f}"><title>{title}</title></circle>'
    if labelled:
        marker += (
            f'<text class="place-label" x="{x + radius + 2:.1f}" y="{y + 4:.1f}">'
            f"{escape(names)}</text>"
        )
    return marker
