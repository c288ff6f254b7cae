"""Look names up in a built index: every entry a name may mean, graded by how it matched."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from storyline.analyze.gazetteer._entries import (
    LEVEL_ALTERNATE,
    LEVEL_BARE,
    LEVEL_PRIMARY,
    LEVEL_SKELETON,
    GazetteerEntry,
    NameMatch,
)
from storyline.analyze.names import fold, name_key

# Distinct names memoised per process; a corpus names far fewer places.
LOOKUP_CACHE_SIZE = 20_000
# Words that are Arabic (or English) articles; dropped to compare bare names.
_ARTICLES_TEXT = "al el ar er as es ad ed an en at et az ez ash esh ul the"
ARTICLE_WORDS = frozenset(_ARTICLES_TEXT.split())
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLED = re.compile(r"(.)\1+")
_ENTRY_COLUMNS = "e.id, e.name, e.lat, e.lon, e.country, e.admin1, e.population, e.kind"


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
