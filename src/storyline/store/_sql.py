"""What both SQL back ends share: migrations, the batch write and every read.

A back end supplies a connection (``_query``, ``_transaction``) and its full-text
search (``_index``, ``_search_rows``, ``_match_sql``); the SQL here is written with
``?`` placeholders and runs unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, ClassVar

from storyline.errors import StoreError
from storyline.model import AnalyzedArticle, Article, Brief
from storyline.store._base import EventInfo, Ingested, SearchHit, StoredArticle
from storyline.store._codec import (
    content_hash,
    decode_analysis,
    decode_brief,
    dumps,
    encode_analysis,
    encode_brief,
    event_info,
    iso_or_none,
    reading,
)
from storyline.store._schema import (
    Batch,
    Migration,
    check_pairs,
    checked_event,
    derive_event_id,
    migrations,
    now,
    tool_version,
    unknown_event,
)

Row = tuple[Any, ...]

# Full-text snippets wrap each matching term in these two control characters, which never
# occur in cleaned text: a page escapes the snippet, then turns them into <mark> tags.
MARK_START, MARK_END = "\x02", "\x03"
# The latest version of each article.
_LATEST = "FROM article_ids d JOIN articles a ON a.id = d.id AND a.version = d.latest"


class SqlStore:
    """The Store protocol over a SQL connection; subclasses supply the back-end parts."""

    backend: ClassVar[str]
    _migration_lock: ClassVar[str | None] = None
    _write_lock: ClassVar[str | None] = None  # serialises writers where BEGIN does not

    def __init__(self, location: str) -> None:
        self.location = location
        self._lock = threading.RLock()
        self._run: tuple[int, str] | None = None

    # ------------------------------------------------------------ back-end parts

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement; return its rows (empty for statements without any)."""
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[None]:
        """Run the block in one transaction: commit on success, roll back on any error."""
        raise NotImplementedError

    def _tables(self) -> set[str]:
        """Return the names of the tables in the database (or its current schema)."""
        raise NotImplementedError

    def _index(self, n: int, article: str, title: str, body: str) -> None:
        """Put the latest text of one article into the full-text index."""
        raise NotImplementedError

    def _search_rows(self, query: str, limit: int) -> list[Row]:
        """Return (article, title, snippet) rows matching a full-text query, best first."""
        raise NotImplementedError

    def _match_sql(self, query: str) -> tuple[str, list[object]]:
        """Return a sub-query of the article ids matching a full-text query, and its params."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection."""
        raise NotImplementedError

    def check(self) -> None:
        """Raise StoreError when the stored data is damaged (a server checks its own)."""

    # ------------------------------------------------------------ migrations

    def _migrate(self) -> None:
        """Check that this is a storyline store (or empty) and apply pending migrations."""
        tables = self._tables()
        if "schema_version" not in tables and self._foreign(tables):
            raise StoreError(
                "this database holds tables but is not a storyline store; "
                "give a new file or an empty database",
                source=self.location,
            )
        steps = migrations(self.backend)
        if "schema_version" in tables and self._up_to_date(steps):
            return  # the common case, read-only: no write lock taken
        self._query(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
        )
        with self._lock, self._transaction():
            if self._migration_lock:
                self._query(self._migration_lock)
            done = self._applied()
            self._refuse_newer(done, steps)
            for step in steps:
                if step.version not in done:
                    self._apply(step)

    def _applied(self) -> set[int]:
        """Return the versions of the migrations already applied."""
        return {int(row[0]) for row in self._query("SELECT version FROM schema_version")}

    def _up_to_date(self, steps: tuple[Migration, ...]) -> bool:
        """Say whether every step is applied (and refuse a store from a newer storyline)."""
        done = self._applied()
        self._refuse_newer(done, steps)
        return all(step.version in done for step in steps)

    def _foreign(self, tables: set[str]) -> bool:
        """Say whether these tables show the database belongs to another program."""
        return bool(tables)

    def _refuse_newer(self, done: set[int], steps: tuple[Migration, ...]) -> None:
        """Refuse a store migrated by a newer storyline than this one."""
        known = max((step.version for step in steps), default=0)
        if max(done, default=0) > known:
            raise StoreError(
                f"the store is at schema version {max(done)} but this storyline knows only "
                f"{known}; upgrade storyline to open it",
                source=self.location,
            )

    def _apply(self, step: Migration) -> None:
        """Run one migration's statements and record it."""
        for statement in step.statements:
            self._query(statement)
        self._query(
            "INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
            (step.version, step.name, now()),
        )

    # ------------------------------------------------------------ writes

    def add_batch(
        self,
        pairs: list[tuple[Article, AnalyzedArticle]],
        *,
        event: str | None = None,
        title: str | None = None,
        settings: dict[str, object] | None = None,
    ) -> Ingested:
        """Store a batch of articles in one transaction and attach them to an event."""
        check_pairs(pairs, self.location)
        hashes = [content_hash(raw) for raw, _ in pairs]
        keys = [(raw.id, digest) for (raw, _), digest in zip(pairs, hashes, strict=True)]
        event_id = checked_event(event) if event else derive_event_id(keys)
        outcomes: dict[str, list[str]] = {"added": [], "updated": [], "unchanged": []}
        with self._write():
            stamp = now()
            run = self._run_id(settings or {}, stamp, new=True)
            self._ensure_event(event_id, title, stamp)
            position = self._next_position(event_id)
            batch = Batch(run, stamp, self._latest_versions([raw.id for raw, _ in pairs]))
            for n, ((raw, analyzed), digest) in enumerate(zip(pairs, hashes, strict=True)):
                outcome = self._store_article(raw, analyzed, digest, batch)
                outcomes[outcome].append(raw.id)
                self._attach(event_id, raw.id, position + n)
        return Ingested(
            event_id,
            tuple(outcomes["added"]),
            tuple(outcomes["updated"]),
            tuple(outcomes["unchanged"]),
        )

    @contextmanager
    def _write(self) -> Iterator[None]:
        """Run the block as the only writer, in one transaction; forget its run if it fails."""
        with self._lock:
            try:
                with self._transaction():
                    if self._write_lock:  # SQLite's BEGIN IMMEDIATE already excludes writers
                        self._query(self._write_lock)
                    yield
            except BaseException:
                self._run = None  # its row was rolled back with the rest
                raise

    def _run_id(self, settings: dict[str, object], stamp: str, *, new: bool) -> int:
        """Return a new run row's id, or (``new`` False) the last one's when settings match."""
        text = dumps(settings)
        if not new and self._run is not None and self._run[1] == text:
            return self._run[0]
        rows = self._query(
            "INSERT INTO runs (started, settings, tool_version) VALUES (?, ?, ?) RETURNING id",
            (stamp, text, tool_version()),
        )
        self._run = (int(rows[0][0]), text)
        return self._run[0]

    def _ensure_event(self, event: str, title: str | None, stamp: str) -> None:
        """Create the event if new, mark it updated, and set its title when given."""
        self._query(
            "INSERT INTO events (id, title, created, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated",
            (event, title or "", stamp, stamp),
        )
        if title:
            self._query("UPDATE events SET title = ? WHERE id = ?", (title, event))

    def _next_position(self, event: str) -> int:
        """Return the position after the event's last article."""
        rows = self._query(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM event_articles WHERE event = ?", (event,)
        )
        return int(rows[0][0])

    def _latest_versions(self, articles: list[str]) -> dict[str, tuple[int, str]]:
        """Return the latest version and content hash of each known article, in one query."""
        marks = ", ".join("?" for _ in articles)
        rows = self._query(
            f"SELECT d.id, d.latest, a.content_hash {_LATEST} WHERE d.id IN ({marks})", articles
        )
        return {str(article): (int(version), str(digest)) for article, version, digest in rows}

    def _store_article(
        self, raw: Article, analyzed: AnalyzedArticle, digest: str, batch: Batch
    ) -> str:
        """Store a new article or a new version of a known one; say which it was."""
        latest = batch.known.get(raw.id)
        if latest is not None and latest[1] == digest:
            return "unchanged"
        version = latest[0] + 1 if latest else 1
        batch.known[raw.id] = (version, digest)
        n = self._query(
            "INSERT INTO article_ids (id, latest) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET latest = excluded.latest RETURNING n",
            (raw.id, version),
        )[0][0]
        self._query(
            "INSERT INTO articles (id, version, content_hash, raw, clean, analysis, "
            "ingested_at, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                raw.id,
                version,
                digest,
                dumps(raw.to_dict()),
                dumps(analyzed.clean.to_dict()),
                dumps(encode_analysis(analyzed)),
                batch.stamp,
                batch.run,
            ),
        )
        title = analyzed.clean.title or raw.title or ""
        self._index(int(n), raw.id, title, analyzed.clean.text)
        return "added" if version == 1 else "updated"

    def _attach(self, event: str, article: str, position: int) -> None:
        """Add an article to an event, keeping its first position when already there."""
        self._query(
            "INSERT INTO event_articles (event, article, position) VALUES (?, ?, ?) "
            "ON CONFLICT (event, article) DO NOTHING",
            (event, article, position),
        )

    def save_brief(self, event: str, brief: Brief, *, settings: dict[str, object]) -> None:
        """Store the event's brief and the settings it was built with."""
        with self._write():
            if not self._query("SELECT 1 FROM events WHERE id = ?", (event,)):
                raise unknown_event(event, self.location)
            stamp = now()
            run = self._run_id(settings, stamp, new=False)
            self._query(
                "INSERT INTO briefs (event, built_at, brief, settings, run) VALUES (?, ?, ?, ?, ?)",
                (event, stamp, dumps(encode_brief(brief)), dumps(settings), run),
            )
            self._query(
                "UPDATE events SET auto_title = ?, start_date = ?, end_date = ?, updated = ? "
                "WHERE id = ?",
                (brief.title, iso_or_none(brief.start), iso_or_none(brief.end), stamp, event),
            )

    # ------------------------------------------------------------ reads

    def events(self, query: str | None = None, *, limit: int = 100) -> list[EventInfo]:
        """Return events, newest first; with ``query``, only those whose articles match it."""
        sql = (
            "SELECT ev.id, ev.title, ev.auto_title, ev.start_date, ev.end_date, ev.updated, "
            "(SELECT COUNT(*) FROM event_articles x WHERE x.event = ev.id) FROM events ev"
        )
        params: list[object] = []
        if query is not None and query.strip():
            match, params = self._match_sql(query)
            sql += (
                " WHERE ev.id IN (SELECT e.event FROM event_articles e "
                f"WHERE e.article IN ({match}))"
            )
        sql += " ORDER BY ev.updated DESC, ev.id LIMIT ?"
        with self._lock:
            rows = self._query(sql, [*params, limit])
        return [event_info(row) for row in rows]

    def event(self, event: str) -> EventInfo | None:
        """Return one event's row of the events list, or None when unknown."""
        with self._lock:
            rows = self._query(
                "SELECT ev.id, ev.title, ev.auto_title, ev.start_date, ev.end_date, ev.updated, "
                "(SELECT COUNT(*) FROM event_articles x WHERE x.event = ev.id) "
                "FROM events ev WHERE ev.id = ?",
                (event,),
            )
        return event_info(rows[0]) if rows else None

    def event_articles(self, event: str) -> list[AnalyzedArticle]:
        """Return the latest version of every article of the event, in ingest order."""
        with self._lock:
            rows = self._query(
                f"SELECT a.clean, a.analysis {_LATEST} JOIN event_articles e ON e.article = d.id "
                "WHERE e.event = ? ORDER BY e.position",
                (event,),
            )
        with reading(f"an article of event {event!r}", self.location):
            return [decode_analysis(json.loads(clean), json.loads(found)) for clean, found in rows]

    def brief(self, event: str) -> Brief | None:
        """Return the event's latest stored brief, or None when none was built yet."""
        with self._lock:
            rows = self._query(
                "SELECT brief FROM briefs WHERE event = ? ORDER BY id DESC LIMIT 1", (event,)
            )
        with reading(f"the brief of event {event!r}", self.location):
            return decode_brief(json.loads(rows[0][0])) if rows else None

    def article(self, article: str, *, version: int | None = None) -> StoredArticle | None:
        """Return the latest (or the given) version of one article, or None when unknown."""
        columns = "SELECT a.raw, a.clean, a.analysis, a.version, a.ingested_at"
        with self._lock:
            if version is None:
                rows = self._query(f"{columns} {_LATEST} WHERE d.id = ?", (article,))
            else:
                rows = self._query(
                    f"{columns} FROM articles a WHERE a.id = ? AND a.version = ?",
                    (article, version),
                )
            events = self._events_of_many([article]).get(article, ())
        if not rows:
            return None
        raw, clean, found, version, ingested = rows[0]
        with reading(f"article {article!r}", self.location):
            return StoredArticle(
                raw=Article.from_dict(json.loads(raw)),
                analyzed=decode_analysis(json.loads(clean), json.loads(found)),
                version=int(version),
                ingested=str(ingested),
                events=events,
            )

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Return articles matching a full-text query, best first."""
        if not query.strip():
            return []
        with self._lock:
            rows = self._search_rows(query, limit)
            events = self._events_of_many([str(row[0]) for row in rows])
        return [
            SearchHit(str(article), title or None, str(snippet), events.get(article, ()))
            for article, title, snippet in rows
        ]

    def _events_of_many(self, articles: list[str]) -> dict[str, tuple[str, ...]]:
        """Return the ids of the events that hold each article, in one query."""
        if not articles:
            return {}
        marks = ", ".join("?" for _ in articles)
        rows = self._query(
            f"SELECT article, event FROM event_articles WHERE article IN ({marks}) "
            "ORDER BY article, event",
            articles,
        )
        found: dict[str, tuple[str, ...]] = {}
        for article, event in rows:
            found[article] = (*found.get(article, ()), str(event))
        return found

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
