"""What an article is about: the countries and admin areas its place mentions name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.analyze import gazetteer as gz
from storyline.analyze.places._candidates import candidates
from storyline.analyze.places._mentions import Mention

# What an article is about: countries with this share of the top one's mentions, states
# (weaker evidence: a story lists the states a spill reaches) with over this share.
PRIMARY_SHARE, PRIMARY_ADMIN_SHARE = 0.25, 0.5
# A place found in one country only adds that country to the context if it is this big.
SINGLE_COUNTRY_MIN_POPULATION = 10_000
# Countries whose admin-1 areas the press names without naming the country ("Texas",
# "Scotland"); elsewhere an admin area counts only once its country is named ("Gulf" is a
# province of Papua New Guinea, "Victoria" a state of Australia).
UNQUALIFIED_ADMIN_COUNTRIES = frozenset({"US", "GB"})

Admins = frozenset[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Context:
    """The countries (with their weight) and admin areas an article is about."""

    weights: dict[str, float]  # mentions per country
    admins: Admins = frozenset()  # (country, admin1) the article is about

    def tier(self, country: str) -> int:
        """Return 2 for a country the article is about, 1 for one it names, else 0."""
        weight, top = self.weights.get(country, 0.0), max(self.weights.values(), default=0.0)
        return 0 if weight <= 0 else 2 if weight >= PRIMARY_SHARE * top else 1


def article_areas(mentions: Iterable[Mention]) -> tuple[dict[str, float], Admins]:
    """Count the countries the article names, directly or through unambiguous places."""
    weights: Counter[str] = Counter()
    admins: Counter[tuple[str, str]] = Counter()
    blank = Context({})
    pending: list[gz.NameMatch] = []  # admin areas whose country the article must name
    for mention in mentions:
        found = [c for c in candidates(mention, blank) if c.level >= gz.LEVEL_ALTERNATE]
        exact = [c for c in found if not needs_its_country(c)]
        pending += [c for c in found if needs_its_country(c)]
        areas = {c.entry.country for c in exact if c.entry.kind != "city"}
        countries = areas or {c.entry.country for c in exact}
        biggest = max((c.entry.population for c in exact), default=0)
        if len(countries) == 1 and (areas or biggest >= SINGLE_COUNTRY_MIN_POPULATION):
            weights[countries.pop()] += 1
        admins.update({(c.entry.country, c.entry.admin1) for c in exact if c.entry.kind == "admin"})
    admins.update((c.entry.country, c.entry.admin1) for c in pending if weights[c.entry.country])
    top = max(admins.values(), default=0)  # the states it is about, not each one it lists
    return dict(weights), frozenset(a for a, n in admins.items() if n > PRIMARY_ADMIN_SHARE * top)


def needs_its_country(found: gz.NameMatch) -> bool:
    """Tell whether ``found`` is an admin area meant only where its country is named."""
    entry = found.entry
    return entry.kind == "admin" and entry.country not in UNQUALIFIED_ADMIN_COUNTRIES
