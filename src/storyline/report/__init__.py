"""Render a Brief as JSON (the storyline.brief/1 contract), Markdown, HTML, CSV or GeoJSON."""

from __future__ import annotations

from collections.abc import Callable

from storyline.model import Brief
from storyline.report._csv import render_csv
from storyline.report._geojson import render_geojson
from storyline.report._html import render_html
from storyline.report._html_map import MapPoint, map_points
from storyline.report._html_marks import CitedSpan, render_marked
from storyline.report._json import render_json, validate_brief
from storyline.report._markdown import render_markdown

_RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
    "geojson": render_geojson,
}
FORMATS = tuple(_RENDERERS)

__all__ = [
    "FORMATS",
    "CitedSpan",
    "MapPoint",
    "map_points",
    "render",
    "render_csv",
    "render_geojson",
    "render_html",
    "render_json",
    "render_markdown",
    "render_marked",
    "validate_brief",
]


def render(brief: object, fmt: str) -> str:
    """Render ``brief`` in ``fmt``, one of FORMATS ("json", "md", "html", "csv", "geojson")."""
    if not isinstance(brief, Brief):
        raise TypeError(f"render() needs a Brief, got {type(brief).__name__}")
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"render(): unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderer(brief)
