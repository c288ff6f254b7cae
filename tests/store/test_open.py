"""Opening a store: locations, migrations, and clear errors for what is not a store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from storyline.errors import StoreError
from storyline.store import PostgresStore, SQLiteStore, open_store
from storyline.store._postgres import redact
from storyline.store._schema import migrations


def test_open_store_creates_the_file_and_folders_with_wal_and_migrations(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "events.db"
    with open_store(str(path)) as store:
        assert isinstance(store, SQLiteStore)
    assert path.is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        applied = conn.execute("SELECT version, name FROM schema_version").fetchall()
    assert applied == [(m.version, m.name) for m in migrations("sqlite")]
    assert applied[0] == (1, "initial")


def test_open_store_applies_migrations_once(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    for _ in range(3):
        open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone() == (1,)


def test_open_store_turns_foreign_keys_on(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "events.db")) as store, pytest.raises(StoreError):
        store._query("INSERT INTO event_articles VALUES ('no-event', 'no-article', 0)")


def test_open_store_refuses_a_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not a storyline store") as info:
        open_store(str(path))
    assert str(path) in str(info.value)


def test_open_store_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database. " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not a storyline store"):
        open_store(str(path))


def test_open_store_refuses_a_store_from_a_newer_storyline(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (999, 'future', '2099-01-01')")
    with pytest.raises(StoreError, match="upgrade storyline"):
        open_store(str(path))


def test_open_store_rejects_directories_empty_and_unknown_locations(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="no store given"):
        open_store(" ")
    with pytest.raises(StoreError, match="unknown store scheme 'mysql'"):
        open_store("mysql://user@host/db")


def test_open_store_unreachable_postgres_names_the_fix(tmp_path: Path) -> None:
    dsn = f"postgresql://me:secret@/nodb?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        open_store(dsn)
    assert "secret" not in str(info.value) and "check that the server runs" in str(info.value)


def test_open_store_postgres_url_gives_the_postgres_store(postgres_dsn: str) -> None:
    with open_store(postgres_dsn) as store:
        assert isinstance(store, PostgresStore)
        assert store._query("SELECT version FROM schema_version") == [(1,)]


def test_open_store_postgres_refuses_a_foreign_events_table(postgres_dsn: str) -> None:
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE events (id INTEGER)")
    with pytest.raises(StoreError, match="not a storyline store"):
        open_store(postgres_dsn)


def test_redact_hides_only_the_password() -> None:
    assert redact("postgresql://ann:pw@db.example:5433/news") == (
        "postgresql://ann:***@db.example:5433/news"
    )
    assert redact("postgresql://ann@db/news") == "postgresql://ann@db/news"
    assert redact("host=db dbname=news password=pw user=ann") == (
        "host=db dbname=news password=*** user=ann"
    )


def test_open_store_takes_a_libpq_string_for_postgres(postgres_dsn: str) -> None:
    url = urlsplit(postgres_dsn)
    query = dict(pair.split("=") for pair in url.query.split("&"))
    conninfo = f"user=storyline dbname={url.path[1:]} host={query['host']} port={query['port']}"
    with open_store(conninfo) as store:
        assert isinstance(store, PostgresStore) and store.events() == []


def test_open_store_reads_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    open_store(str(path)).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a batch in progress elsewhere
    try:
        with open_store(str(path)) as reader:
            assert reader.events() == [] and reader.search("Baghouz") == []
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.issue(12)
def test_open_store_refuses_an_empty_file_instead_of_making_a_store_in_it(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "events.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="empty file"):
        open_store(str(empty))
    assert empty.stat().st_size == 0  # left as it was
