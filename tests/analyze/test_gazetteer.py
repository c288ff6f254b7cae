"""Tests for the offline gazetteer: lookups on the real GeoNames index, cache behaviour."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from storyline.analyze import gazetteer as gz
from storyline.analyze.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GeoSource,
    _cache,
    build_index,
    cache_dir,
    cache_path,
    load_gazetteer,
)

# A handful of GeoNames-shaped records: enough to build an index in milliseconds.
TINY_CITIES = {
    "1": {
        "geonameid": 1,
        "name": "Al Ḩawl",
        "latitude": 36.39,
        "longitude": 41.15,
        "countrycode": "SY",
        "population": 0,
        "admin1code": "01",
        "alternatenames": ["Al Hawl", "El Hol", "alhwl", "الحول", "DEZ"],
    },
    "2": {
        "geonameid": 2,
        "name": "Venice",
        "latitude": 27.1,
        "longitude": -82.45,
        "countrycode": "US",
        "population": 22211,
        "admin1code": "FL",
        "alternatenames": [],
    },
}
TINY_SOURCE = GeoSource(
    cities=TINY_CITIES,
    countries={"SY": {"geonameid": 163843, "name": "Syria", "population": 1}},
    us_states={"FL": {"code": "FL", "name": "Florida"}},
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _first(gazetteer: Gazetteer, name: str, country: str) -> GazetteerEntry:
    return next(entry for entry in gazetteer.lookup(name) if entry.country == country)


def test_gazetteer_hawl_spellings_share_one_entry(gazetteer: Gazetteer) -> None:
    entries = [_first(gazetteer, name, "SY") for name in ("al-Hol", "al-Hawl", "Al Hawl")]
    assert len({entry.id for entry in entries}) == 1
    assert entries[0].name == "Al Hawl"
    assert (round(entries[0].lat, 1), round(entries[0].lon, 1)) == (36.4, 41.1)


def test_gazetteer_deir_ez_zor_spellings_share_one_city(gazetteer: Gazetteer) -> None:
    spellings = ("Deir el-Zour", "Deir al-Zor", "Deir ez-Zor", "Deir Al Zor")
    entries = [gazetteer.lookup(name)[0] for name in spellings]
    assert {(entry.name, entry.country, entry.kind) for entry in entries} == {
        ("Deir ez-Zor", "SY", "city")
    }


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Hajin", "SY", "Hajīn"),
        ("al-Qaim", "IQ", "Al Qa'im"),
        ("Husaybah", "IQ", "Al Qa'im"),  # GeoNames files Husaybah under al-Qaim
        ("Raqqa", "SY", "Ar Raqqah"),
        ("Ar Raqqah", "SY", "Ar Raqqah"),
        ("Mosul", "IQ", "Mosul"),
    ],
)
def test_gazetteer_lookup_finds_seed_places(
    gazetteer: Gazetteer, name: str, country: str, expected: str
) -> None:
    assert _first(gazetteer, name, country).name == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("U.S.", "US"),
        ("United States", "US"),
        ("America", "US"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("Syria", "SY"),
        ("Iraq", "IQ"),
    ],
)
def test_gazetteer_country_variants_name_the_country(
    gazetteer: Gazetteer, name: str, code: str
) -> None:
    countries = [found.entry for found in gazetteer.match(name) if found.entry.kind == "country"]
    assert [entry.country for entry in countries] == [code]


def test_gazetteer_us_states_and_their_abbreviations_are_admin_areas(gazetteer: Gazetteer) -> None:
    for name in ("Louisiana", "La."):
        areas = [entry for entry in gazetteer.lookup(name) if entry.kind == "admin"]
        assert [(entry.name, entry.country, entry.admin1) for entry in areas] == [
            ("Louisiana", "US", "LA")
        ]


def test_gazetteer_baghouz_is_not_in_geonames(gazetteer: Gazetteer) -> None:
    exact = [found for found in gazetteer.match("Baghouz") if found.level > gz.LEVEL_SKELETON]
    assert exact == []
    assert gazetteer.lookup("") == ()
    assert gazetteer.lookup("---") == ()


def test_gazetteer_match_grades_spellings(gazetteer: Gazetteer) -> None:
    best = {name: gazetteer.match(name)[0] for name in ("Al Hawl", "El Hol", "al-Hol")}
    assert {found.entry.name for found in best.values()} == {"Al Hawl"}
    levels = {name: found.level for name, found in best.items()}
    assert levels == {"Al Hawl": gz.LEVEL_PRIMARY, "El Hol": gz.LEVEL_ALTERNATE, "al-Hol": 1}
    similar = {found.entry.name for found in gazetteer.match("Busaira", min_similarity=0.9)}
    assert "Al Buşayrah" in similar and "Basrah" not in similar  # same skeleton, other town


def test_gazetteer_admin_area_is_a_point_inside_it(gazetteer: Gazetteer) -> None:
    city = _first(gazetteer, "Deir ez-Zor", "SY")
    area = gazetteer.admin_area("SY", city.admin1)
    assert area is not None and area.kind == "admin"
    assert 34.0 < area.lat < 36.0 and 39.0 < area.lon < 41.5  # the Deir ez-Zor governorate
    assert gazetteer.admin_area("SY", "no such code") is None


def test_gazetteer_loads_fast_from_its_cache(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    fresh = Gazetteer(cache_path())
    assert fresh.lookup("Mosul")[0].country == "IQ"
    assert time.perf_counter() - started < 0.5
    assert load_gazetteer() is gazetteer  # once per process


def test_gazetteer_build_keeps_latin_names_only(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite"
    build_index(path, TINY_SOURCE, version="tiny")
    tiny = Gazetteer(path)
    assert [entry.name for entry in tiny.lookup("El Hol")] == ["Al Hawl"]
    for dropped in ("الحول", "alhwl", "DEZ"):  # other scripts, transliteration, airport code
        assert all(found.level == gz.LEVEL_SKELETON for found in tiny.match(dropped))
    assert [entry.kind for entry in tiny.lookup("Florida")] == ["admin"]
    assert [entry.kind for entry in tiny.lookup("Syria")] == ["country"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.sqlite"]  # no temp file left


def test_gazetteer_rebuilds_a_cache_of_another_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(gz.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(_cache, "read_sources", lambda: TINY_SOURCE)
    path = cache_path()
    with sqlite3.connect(path) as conn:  # a stale index from an older layout
        conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('version', 'old')")
    conn.close()
    rebuilt = _cache._load_cached(path)
    assert [entry.name for entry in rebuilt.lookup("Venice")] == ["Venice"]
    assert _cache._is_current(path)


def test_gazetteer_cache_dir_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(gz.CACHE_ENV, str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"
    monkeypatch.delenv(gz.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "storyline"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_dir() == tmp_path / ".cache" / "storyline"
    assert cache_path().name.startswith(f"gazetteer-v{gz.FORMAT_VERSION}-")
