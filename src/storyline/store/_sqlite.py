"""The SQLite back end: one file, WAL journal, foreign keys on, FTS5 full-text search.

SQLite's FTS5 (https://www.sqlite.org/fts5.html) ranks with BM25 and cuts snippets
around the matching terms; WAL (https://www.sqlite.org/wal.html) lets pages read
while one writer commits a batch.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from storyline.errors import StoreError
from storyline.store._codec import damaged_store
from storyline.store._sql import MARK_END, MARK_START, Row, SqlStore

# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 30.0
# BM25 weights of the indexed columns (article id, title, body): a title hit counts 5 body hits.
BM25_WEIGHTS = (0.0, 5.0, 1.0)
# Problems of a damaged file named in the error; SQLite lists up to 100.
MAX_PROBLEMS_NAMED = 3
# The line SQLite's page check puts before its list of problems.
_CHECK_HEADING = "*** in database main ***\n"
# Words of SQLite errors that mean the file's pages are damaged.
_DAMAGE_WORDS = ("malformed", "corrupt", "vtable constructor failed")
# Tokens around the matching terms in a snippet (FTS5 allows at most 64).
SNIPPET_TOKENS = 24


class SQLiteStore(SqlStore):
    """A store in one SQLite file."""

    backend = "sqlite"

    def __init__(self, path: str | Path) -> None:
        super().__init__(str(path))
        self._conn = _connect(str(path))
        try:
            self._migrate()
        except StoreError:
            self._conn.close()
            raise

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as e:
            raise _store_error(e, self.location) from e

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._query("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._query("COMMIT")

    def _tables(self) -> set[str]:
        rows = self._query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {str(row[0]) for row in rows}

    def _index(self, n: int, article: str, title: str, body: str) -> None:
        self._query("DELETE FROM article_search WHERE rowid = ?", (n,))
        self._query(
            "INSERT INTO article_search (rowid, article, title, body) VALUES (?, ?, ?, ?)",
            (n, article, title, body),
        )

    def _search_rows(self, query: str, limit: int) -> list[Row]:
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        return self._query(
            "SELECT article, title, snippet(article_search, -1, ?, ?, '…', ?) "
            "FROM article_search WHERE article_search MATCH ? "
            f"ORDER BY bm25(article_search, {weights}), article LIMIT ?",
            (MARK_START, MARK_END, SNIPPET_TOKENS, self._expression(query), limit),
        )

    def _match_sql(self, query: str) -> tuple[str, list[object]]:
        sql = "SELECT article FROM article_search WHERE article_search MATCH ?"
        return sql, [self._expression(query)]

    def _expression(self, query: str) -> str:
        """The query as FTS5 syntax when valid, else each word quoted (all must match)."""
        try:
            self._conn.execute(
                "SELECT 1 FROM article_search WHERE article_search MATCH ? LIMIT 1", (query,)
            ).fetchall()
        except sqlite3.OperationalError as e:
            if _is_damage(e):
                raise _store_error(e, self.location) from e
            words = re.findall(r"\w+", query)
            return " ".join(f'"{word}"' for word in words) or '""'
        except sqlite3.Error as e:
            raise _store_error(e, self.location) from e
        return query

    def check(self) -> None:
        """Raise StoreError when SQLite's page check finds the file damaged."""
        with self._lock:
            rows = self._query("PRAGMA quick_check")
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        if problems:
            named = "; ".join(problems[:MAX_PROBLEMS_NAMED]).removeprefix(_CHECK_HEADING)
            named = named.replace("\n", "; ")
            raise damaged_store(f"SQLite's page check found: {named}", self.location)

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            self._conn.close()


def _connect(path: str) -> sqlite3.Connection:
    """Open (and create) the file with WAL and foreign keys; explain what went wrong."""
    if path != ":memory:":
        _prepare_path(Path(path))
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a committed batch survives power loss too
    except sqlite3.Error as e:
        raise _store_error(e, path) from e
    return conn


def _prepare_path(path: Path) -> None:
    """Refuse a directory or an empty file; create the folders the store file goes in.

    SQLite would take an empty file for a new database; for a path given as a store,
    that is more likely a store truncated or a wrong file, so it is not silently reused.
    """
    if path.is_dir():
        raise StoreError("is a directory; give the path of a store file", source=str(path))
    if path.is_file() and path.stat().st_size == 0:
        raise StoreError(
            "is an empty file (0 bytes), not a store; give a new path (or delete the file) "
            "and `storyline ingest INPUT… --db PATH` makes the store",
            source=str(path),
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"cannot create the folder for the store: {e.strerror}", source=str(path)
        ) from e


def _store_error(error: sqlite3.Error, location: str) -> StoreError:
    """Turn an SQLite error into a StoreError that names the fix."""
    message = str(error)
    if _is_damage(error):
        return damaged_store(f"SQLite: {message}", location)
    if "not a database" in message:
        return StoreError(
            f"not a storyline store ({message}); give a new file or a store made by "
            "`storyline ingest`",
            source=location,
        )
    if "locked" in message or "busy" in message:
        return StoreError(
            f"the store is busy ({message}); another process is writing, try again",
            source=location,
        )
    return StoreError(f"SQLite error: {message}", source=location)


def _is_damage(error: sqlite3.Error) -> bool:
    return any(word in str(error) for word in _DAMAGE_WORDS)
