"""The PostgreSQL back end (psycopg 3), for a store that several people share.

Full-text search uses a stored ``tsvector`` column under a GIN index, queried with
``websearch_to_tsquery`` (which accepts any user text without syntax errors) and
ranked with ``ts_rank``; snippets come from ``ts_headline``
(https://www.postgresql.org/docs/15/textsearch-controls.html).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg

from storyline.errors import StoreError
from storyline.store._sql import MARK_END, MARK_START, Row, SqlStore

# Seconds to wait for the server before saying it is unreachable.
CONNECT_TIMEOUT_S = 10
# Text-search configuration: articles are English news.
TS_CONFIG = "english"
# ts_headline options: about as long as an SQLite snippet, with two fragments at most.
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# Key of the transaction-level advisory lock that batch writers share ("stor" in ASCII).
WRITE_LOCK_KEY = 0x73746F72
_PASSWORD_PAIR = re.compile(r"(password\s*=\s*)(?:'[^']*'|\S+)")
# Our table names: a database holding one of these without schema_version is not ours.
_OWN_TABLES = {"runs", "article_ids", "articles", "events", "event_articles", "briefs"}


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database, given by a ``postgresql://`` URL."""

    backend = "postgres"
    _migration_lock = "LOCK TABLE schema_version IN ACCESS EXCLUSIVE MODE"
    # One batch at a time, so that two writers never give one article the same version.
    _write_lock = f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"

    def __init__(self, dsn: str) -> None:
        super().__init__(redact(dsn))
        try:
            self._conn = psycopg.connect(dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL ({_first_line(e)}); check that the server runs "
                "and the URL's host, port, user, password and database name",
                source=self.location,
            ) from e
        try:
            self._query("SET client_min_messages = warning")
            self._migrate()
        except StoreError:
            self._conn.close()
            raise

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        try:
            cursor = self._conn.execute(sql.replace("?", "%s"), tuple(params))
            return cursor.fetchall() if cursor.description else []
        except psycopg.Error as e:
            raise StoreError(f"PostgreSQL error: {_first_line(e)}", source=self.location) from e

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self._conn.transaction():
                yield
        except psycopg.Error as e:
            raise StoreError(f"PostgreSQL error: {_first_line(e)}", source=self.location) from e

    def _tables(self) -> set[str]:
        rows = self._query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {str(row[0]) for row in rows}

    def _foreign(self, tables: set[str]) -> bool:
        return bool(tables & _OWN_TABLES)

    def _index(self, n: int, article: str, title: str, body: str) -> None:
        self._query(
            "INSERT INTO article_search (article, title, body) VALUES (?, ?, ?) "
            "ON CONFLICT (article) DO UPDATE SET title = excluded.title, body = excluded.body",
            (article, title, body),
        )

    def _search_rows(self, query: str, limit: int) -> list[Row]:
        # Rank and cut first: ts_headline re-parses each body, so it runs on the top rows only.
        best = (
            "SELECT article, title, body, ts_rank(document, q) AS rank FROM article_search, "
            f"websearch_to_tsquery('{TS_CONFIG}', ?) q WHERE document @@ q "
            "ORDER BY rank DESC, article LIMIT ?"
        )
        return self._query(
            f"SELECT s.article, s.title, ts_headline('{TS_CONFIG}', s.body, q, ?) "
            f"FROM ({best}) s, websearch_to_tsquery('{TS_CONFIG}', ?) q "
            "ORDER BY s.rank DESC, s.article",
            (HEADLINE_OPTIONS, query, limit, query),
        )

    def _match_sql(self, query: str) -> tuple[str, list[object]]:
        sql = (
            "SELECT article FROM article_search "
            f"WHERE document @@ websearch_to_tsquery('{TS_CONFIG}', ?)"
        )
        return sql, [query]

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            self._conn.close()


def redact(dsn: str) -> str:
    """Return the URL (or key=value string) without its password, fit for messages and logs."""
    if "://" not in dsn:
        return _PASSWORD_PAIR.sub(r"\1***", dsn)
    parts = urlsplit(dsn)
    if parts.password is None:
        return dsn
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _first_line(error: BaseException) -> str:
    """The first line of a driver error, for one-line messages."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
