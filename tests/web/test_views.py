"""The event page's map on the world outline, and the citation links."""

from __future__ import annotations

from itertools import pairwise

from storyline.model import Citation, Place
from storyline.web._map import world_map
from storyline.web._views import cite_href, number
from tests.web.conftest import Seeded


def test_views_map_none_without_coordinates() -> None:
    assert world_map([]) is None
    assert world_map([Place("Nowhere")]) is None


def test_views_map_one_place_shows_land_around_it() -> None:
    cite = (Citation("a", 0, 4),)
    view = world_map([Place("Cairo", lat=30.04, lon=31.24, country="EG", citations=cite)])
    assert view is not None and len(view.points) == 1
    point = view.points[0]
    assert abs(point.x - view.width / 2) < 1 and abs(point.y - view.height / 2) < 1
    assert "Egypt" in {name for name, _ in view.land} and point.labelled


def test_views_map_across_the_antimeridian_draws_both_sides() -> None:
    cite = (Citation("a", 0, 4),)
    view = world_map([Place("Suva", lat=-18.14, lon=178.44, country="FJ", citations=cite)])
    assert view is not None and "Fiji" in {name for name, _ in view.land}
    for _, path in view.land:  # no edge runs across the whole drawing
        for ring in path.split("M")[1:]:
            xs = [float(pt.split()[0]) for pt in ring.rstrip("Z ").split("L")]
            assert max(abs(a - b) for a, b in pairwise(xs)) < view.width / 2


def test_views_map_of_seed_event_keeps_far_places_off(seeded: Seeded) -> None:
    view = world_map(seeded.seed_brief.places)
    assert view is not None and "Syria" in {name for name, _ in view.land}
    assert all(0 <= p.x <= view.width and 0 <= p.y <= view.height for p in view.points)
    assert view.away  # places abroad are named in the caption instead of zooming out
    labels = [p for p in view.points if p.labelled]
    assert labels and len(labels) <= 12


def test_views_cite_href_and_number() -> None:
    assert cite_href(Citation("a-1", 10, 20)) == "/articles/a-1?start=10&end=20#c-10-20"
    assert cite_href(Citation("a/b?c", 1, 2)).startswith("/articles/a%2Fb%3Fc?start=1&")
    assert (number(67000.0), number(2.5), number(None)) == ("67,000", "2.5", "")


def test_views_map_names_the_most_mentioned_place(seeded: Seeded) -> None:
    view = world_map(seeded.seed_brief.places)
    assert view is not None and view.points[0].labelled
    assert view.points[0].r == max(p.r for p in view.points)
