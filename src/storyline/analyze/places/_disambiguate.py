"""Choose among a mention's candidates: the article's countries first, then population."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.analyze import gazetteer as gz
from storyline.analyze.gazetteer import NameMatch
from storyline.analyze.places._context import Context, needs_its_country

# Outside the article's countries a city resolves only if it is big and dwarfs its namesakes;
# inside them a namesake this much smaller no longer makes it a coin toss. Ratio 3 (was 10)
# chosen on the even-index half of the places dev sets (LGL acc@161 of all gold 29.0 -> 30.3).
DOMINANT_MIN_POPULATION, DOMINANCE_RATIO = 100_000, 3.0
# Cities this big win over the admin area of the same name (New York, Washington).
METRO_MIN_POPULATION = 500_000
# A context town this small yields to a world city of its name (Paris, not Paris, Texas).
TOWN_MAX_POPULATION = 30_000


def choose(candidates: Sequence[NameMatch], context: Context) -> NameMatch | None:
    """Pick the best candidate, or None when nothing in the text supports one."""
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda c: score(c, context), reverse=True)
    best = ranked[0]
    famous = [c for c in ranked if is_big_city(c) and c.level >= best.level]
    sure = is_sure_area(best, context)
    if sure or (famous and best.entry.population < TOWN_MAX_POPULATION):
        return best if sure else famous[0]  # Toronto, not Toronto (Ohio)
    if context.tier(best.entry.country) > 0:
        return None if _has_twin(best, ranked[1:], context) else best
    population = best.entry.population
    if best.level < gz.LEVEL_ALTERNATE or population < DOMINANT_MIN_POPULATION:
        return None
    rivals = [o.entry.population for o in ranked[1:] if o.level >= gz.LEVEL_BARE]
    return best if all(population >= DOMINANCE_RATIO * rival for rival in rivals) else None


def _has_twin(best: NameMatch, others: Sequence[NameMatch], context: Context) -> bool:
    """Tell whether a namesake as likely as ``best`` exists (Venice, Florida or California?)."""
    rank, population = score(best, context)[:-2], best.entry.population
    twins = [o for o in others if score(o, context)[:-2] == rank]
    return any(population < DOMINANCE_RATIO * o.entry.population for o in twins)


def score(found: NameMatch, context: Context) -> tuple[float, ...]:
    """Rank a candidate: prominent areas, the article's countries and states, then size."""
    entry, tier = found.entry, context.tier(found.entry.country)
    in_admin = int(entry.kind == "city" and (entry.country, entry.admin1) in context.admins)
    metro = entry.kind == "city" and entry.population >= METRO_MIN_POPULATION and tier > 0
    # A named country outranks a city of its name (Iraq, not Arak), a metro its state.
    country = entry.kind == "country" and found.level >= gz.LEVEL_ALTERNATE
    big = is_sure_area(found, context) or (metro and found.level >= gz.LEVEL_ALTERNATE)
    prominent = 3 if country and tier else 2 if big else 0
    kind_rank = {"country": 2.0, "admin": 1.0}.get(entry.kind, 1.5 if metro else 0.0)
    exact = int(found.level >= gz.LEVEL_BARE)
    level, similarity = found.level, found.similarity
    return (prominent, tier, in_admin, kind_rank, exact, level, similarity, entry.population)


def is_big_city(found: NameMatch) -> bool:
    """Tell whether ``found`` is a city big enough to be meant without context."""
    big = found.entry.population >= DOMINANT_MIN_POPULATION and found.entry.kind == "city"
    return big and found.level >= gz.LEVEL_ALTERNATE


def is_exact_area(found: NameMatch) -> bool:
    """Tell whether ``found`` is a country or admin area called by its own (alternate) name."""
    return found.entry.kind != "city" and found.level >= gz.LEVEL_ALTERNATE


def is_sure_area(found: NameMatch, context: Context) -> bool:
    """Tell whether ``found`` is an exact area the article can mean without more context."""
    named = not needs_its_country(found) or context.tier(found.entry.country) > 0
    return is_exact_area(found) and named
