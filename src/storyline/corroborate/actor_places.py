"""Drop actors that are places: spaCy read a village or a town as a person or group.

spaCy tags "Isis" or "Daesh" as places (GPE) and villages such as "Tal Afar" as
people. Each stage alone cannot tell; across the brief it can: a known actor
alias with no coordinates is not a place, and an unknown "actor" whose name is a
gazetteer place in the countries the brief is about is not an actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storyline.analyze.aliases import known_actor
from storyline.analyze.gazetteer import LEVEL_ALTERNATE, load_gazetteer
from storyline.model import Actor, Place

# The countries with the most place mentions define where the brief is; this many count.
MAIN_COUNTRIES = 3


def drop_place_actors(actors: Sequence[Actor], places: Sequence[Place]) -> tuple[Actor, ...]:
    """Actors not in the aliases file whose name is a place in the brief's main countries."""
    countries = _main_countries(places)
    return tuple(
        actor
        for actor in actors
        if known_actor(actor.name)
        or not any(_is_place(name, countries) for name in _place_candidates(actor))
    )


def _place_candidates(actor: Actor) -> tuple[str, ...]:
    """Names that may show an actor is a place: a full person name only by itself.

    "Mary Lincoln" is no place although her lone surname "Lincoln" is one."""
    if actor.kind == "person" and len(actor.name.split()) > 1:
        return (actor.name,)
    return _names(actor)


def _names(item: Place | Actor) -> tuple[str, ...]:
    return (item.name, *item.aliases)


def _main_countries(places: Sequence[Place]) -> set[str]:
    mentions: Counter[str] = Counter()
    for place in places:
        if place.country:
            mentions[place.country] += len(place.citations)
    return {country for country, _ in mentions.most_common(MAIN_COUNTRIES)}


def _is_place(name: str, countries: set[str]) -> bool:
    return any(
        match.level >= LEVEL_ALTERNATE and match.entry.country in countries
        for match in load_gazetteer().match(name)
    )
