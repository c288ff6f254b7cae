"""What the gazetteer holds: entries (places with a point) and how a name matched one."""

from __future__ import annotations

from dataclasses import dataclass

# Match quality, best first: GeoNames' own name, an alternate name, the same name
# without articles (al-Qusayr = El Qusayr), or only the consonant skeleton (Mazar-i-Sharif).
LEVEL_PRIMARY, LEVEL_ALTERNATE, LEVEL_BARE, LEVEL_SKELETON = 3, 2, 1, 0


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A place GeoNames knows: a city (any settlement), an admin-1 area or a country."""

    id: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames admin-1 code ("" for a country)
    population: int
    kind: str  # "city", "admin" or "country"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """An entry found for a name, with how closely the name matched."""

    entry: GazetteerEntry
    level: int  # LEVEL_PRIMARY … LEVEL_SKELETON
    similarity: float  # 0..1, of the bare names (1.0 unless a skeleton match)
