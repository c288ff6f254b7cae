"""Export the places of a Brief as a GeoJSON FeatureCollection (RFC 7946: [lon, lat] points)."""

from __future__ import annotations

import json
from typing import Any

from storyline.model import Brief, Place
from storyline.report._html_map import has_coordinates


def render_geojson(brief: Brief) -> str:
    """Return the places with coordinates as GeoJSON; count the others in a foreign member."""
    located = [place for place in brief.places if has_coordinates(place)]
    collection = {
        "type": "FeatureCollection",
        "features": [_feature(place) for place in located],
        # RFC 7946 §6.1 foreign member: places left out for want of (valid) coordinates.
        "places_without_coordinates": len(brief.places) - len(located),
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _feature(place: Place) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "name": place.name,
            "aliases": list(place.aliases),
            "country": place.country,
            "precision": place.precision,
            "mentions": len(place.citations),
        },
    }
