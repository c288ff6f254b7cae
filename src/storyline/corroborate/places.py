"""Merge the place mentions of an event's articles: one Place per location.

A mention resolved to a point joins every other mention of that point; a mention
with no point of its own joins the one point its name has elsewhere in the event.
Known actor aliases that no article placed ("Isis", "Daesh") are dropped: spaCy
tags them as places, and the actors file says what they are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.analyze.actors import known_actor
from storyline.analyze.places import PRECISION_RANK, merge_key
from storyline.model import AnalyzedArticle, Citation, Place, PlaceRef

_Identity = tuple[object, ...]


def merge_places(analyzed: Sequence[AnalyzedArticle]) -> tuple[Place, ...]:
    """Merge place mentions across articles: one Place per location, most mentioned first."""
    refs = [(article.id, ref) for article in analyzed for ref in article.places]
    direct: dict[str, set[_Identity]] = defaultdict(set)  # name key -> points
    for _, ref in refs:
        direct[merge_key(ref.text)] |= {ident} if (ident := _identity(ref)) else set()
    groups: dict[_Identity, list[tuple[str, PlaceRef]]] = defaultdict(list)
    for article_id, ref in refs:  # an unresolved name joins the one point its name has
        key = merge_key(ref.text)
        only = direct[key] if len(direct[key]) == 1 else set()
        groups[_identity(ref) or next(iter(only), ("name", key))].append((article_id, ref))
    places = [_place(members) for members in groups.values()]
    return tuple(sorted(places, key=lambda p: (-len(p.citations), p.name)))


def drop_actor_places(places: Sequence[Place]) -> tuple[Place, ...]:
    """Keep the places, less those without coordinates whose name is a known actor."""
    return tuple(
        place
        for place in places
        if place.lat is not None or not any(known_actor(n) for n in (place.name, *place.aliases))
    )


def _identity(ref: PlaceRef) -> _Identity | None:
    direct = ref.lat is not None and ref.resolved_via is None
    return (ref.name, ref.lat, ref.lon, ref.country, ref.precision) if direct else None


def _place(members: list[tuple[str, PlaceRef]]) -> Place:
    refs = [ref for _, ref in members]
    best = max(refs, key=lambda r: (bool(_identity(r)), PRECISION_RANK.get(r.precision, 0)))
    names = Counter([r.name for r in refs if _identity(r)] or [r.text for r in refs])
    surface = Counter(r.text for r in refs)
    name = min(names, key=lambda n: (-names[n], n))
    aliases = tuple(sorted(surface, key=lambda n: (-surface[n], n)))
    cites = tuple(Citation(article, ref.start, ref.end) for article, ref in members)
    return Place(name, aliases, best.lat, best.lon, best.country, best.precision, cites)
