"""Generate the gazetteer entries a mention may name, less those its kind rules out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyze import gazetteer as gz
from storyline.analyze.gazetteer import NameMatch, load_gazetteer
from storyline.analyze.places._mentions import Mention

if TYPE_CHECKING:
    from storyline.analyze.places._context import Context


# A consonant-skeleton match (Busaira ~ Al Busayrah) counts only this similar, in context.
SKELETON_MIN_SIMILARITY = 0.9


# LOC entities are mostly regions and rivers; a city answers one only if it is this big.
LOC_CITY_MIN_POPULATION = 50_000


def candidates(mention: Mention, context: Context) -> list[NameMatch]:
    label = mention.span.label_
    found = load_gazetteer().match(mention.query, min_similarity=SKELETON_MIN_SIMILARITY)
    return [c for c in found if _acceptable(c, mention, label, context)]


def _acceptable(found: NameMatch, mention: Mention, label: str, context: Context) -> bool:
    entry, area = found.entry, found.entry.kind != "city"
    if found.level == gz.LEVEL_SKELETON and context.tier(entry.country) == 0:
        return False  # a skeleton match counts only in the article's countries
    if mention.only in ("country", "none"):  # an acronym (US, UK) is a country, not VA
        return entry.kind == "country" and mention.only == "country"
    if mention.only or label == "LOC":
        big = entry.population >= LOC_CITY_MIN_POPULATION and found.level >= gz.LEVEL_ALTERNATE
        return area or (label == "LOC" and not mention.only and big)
    if label == "FAC":  # a facility shares a city's name only near the article's places
        return area or (context.tier(entry.country) == 2 and found.level >= gz.LEVEL_BARE)
    return not (label == "ORG" and found.level < gz.LEVEL_BARE)
