"""Keep articles, analyses, events and briefs: SQLite by default, PostgreSQL when shared.

    store = open_store("events.db")            # or "postgresql://user@host/db"
    done = ingest(store, articles, settings=Settings())
    store.brief(done.event), store.search("ceasefire"), store.events()

A batch is one transaction; an article seen again with the same text is kept once,
a changed text becomes a new version.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import StoreError
from storyline.store._base import EventInfo, Ingested, SearchHit, Store, StoredArticle
from storyline.store._ingest import IngestReport, ingest, rebuild_brief, settings_record
from storyline.store._schema import derive_event_id
from storyline.store._sql import MARK_END, MARK_START, SqlStore
from storyline.store._sqlite import SQLiteStore

if TYPE_CHECKING:
    from storyline.store._postgres import PostgresStore

__all__ = [
    "MARK_END",
    "MARK_START",
    "EventInfo",
    "IngestReport",
    "Ingested",
    "PostgresStore",
    "SQLiteStore",
    "SearchHit",
    "SqlStore",
    "Store",
    "StoredArticle",
    "derive_event_id",
    "highlight_parts",
    "ingest",
    "open_store",
    "rebuild_brief",
    "settings_record",
]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# A libpq key=value connection string naming a database or host: "dbname=news host=db".
_CONNINFO = re.compile(r"(?:\s*\w+\s*=\s*\S+)*\s*(?:dbname|host|service)\s*=\s*\S+.*")
_SQLITE_SCHEME = "sqlite:///"


def open_store(location: str, *, create: bool = True) -> SqlStore:
    """Open the store at a path, ``sqlite:///path``, ``postgresql://…`` URL or libpq string.

    A new SQLite file (and its folder) is made unless ``create`` is False; the schema
    of a new or older store is migrated to this version.
    """
    if not location.strip():
        raise StoreError("no store given; pass a file path or a postgresql:// URL")
    if location.startswith(_POSTGRES_SCHEMES) or _CONNINFO.fullmatch(location):
        from storyline.store._postgres import PostgresStore  # psycopg loads only when needed

        return PostgresStore(location)
    if "://" in location and not location.startswith(_SQLITE_SCHEME):
        scheme = location.split("://", 1)[0]
        raise StoreError(
            f"unknown store scheme {scheme!r}; give a file path, sqlite:///PATH "
            "or postgresql://USER@HOST/DB",
            source=location,
        )
    path = Path(location.removeprefix(_SQLITE_SCHEME)).expanduser()
    if not create and str(path) != ":memory:" and not path.exists():
        raise StoreError(
            "no store here; make one with `storyline ingest INPUT… --db PATH`",
            source=str(path),
        )
    return SQLiteStore(path)


def highlight_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a search snippet into (text, is_match) parts, for safe rendering."""
    parts: list[tuple[str, bool]] = []
    for n, chunk in enumerate(snippet.split(MARK_START)):
        matched, _, rest = chunk.partition(MARK_END) if n else ("", "", chunk)
        if matched:
            parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return parts


def __getattr__(name: str) -> Any:
    """Import the PostgreSQL back end (and psycopg) on first use, not on every start."""
    if name == "PostgresStore":
        from storyline.store._postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
