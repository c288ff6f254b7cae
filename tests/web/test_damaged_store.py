"""A damaged store file: `serve` refuses it, and the app answers in the one error shape."""

from __future__ import annotations

import argparse
import html
import logging
import sqlite3
from pathlib import Path

import pytest

from storyline.cli import serve
from storyline.errors import StoreError
from storyline.settings import Settings
from storyline.store import open_store
from storyline.web import create_app
from tests.web.conftest import Seeded, TestClient

# Bytes of garbage written over the middle of the file: four pages of SQLite's 4 KB.
DAMAGED_BYTES = 16_384


def _copy(seeded: Seeded, tmp_path: Path) -> Path:
    """A consistent copy of the seed store (the WAL included)."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(seeded.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


def _overwrite(path: Path, offset: int, length: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xde\xad\xbe\xef" * (length // 4))


def _damage_the_middle(path: Path) -> None:
    _overwrite(path, path.stat().st_size // 2, DAMAGED_BYTES)


def _damage_pages_of(path: Path, table: str) -> None:
    """Overwrite every page that holds ``table`` (found with SQLite's dbstat table)."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    for page in pages:
        _overwrite(path, (page - 1) * page_size, page_size)


def _serve_get(path: Path, url: str) -> int:
    parser = argparse.ArgumentParser(prog="storyline")
    serve.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--db", str(path), "--get", url])
    code: int = args.run(args)
    return code


@pytest.mark.issue(12)
def test_serve_refuses_a_store_whose_pages_are_damaged(seeded: Seeded, tmp_path: Path) -> None:
    copy = _copy(seeded, tmp_path)
    with open_store(str(copy)) as store:
        store.check()  # the undamaged copy passes
    _damage_the_middle(copy)
    with pytest.raises(StoreError, match=r"copy\.db: the store is damaged") as info:
        _serve_get(copy, "/api/events")
    assert "restore the file from a backup" in str(info.value)


@pytest.mark.issue(12)
def test_api_search_on_damaged_index_pages_answers_the_error_shape(
    seeded: Seeded, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    copy = _copy(seeded, tmp_path)
    _damage_pages_of(copy, "article_search_data")
    client = TestClient(create_app(str(copy), Settings()), raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/search", params={"q": "Baghouz"})
    error = response.json()["error"]
    assert (response.status_code, error["code"], error["status"]) == (500, "store_error", 500)
    assert "the store is damaged" in error["message"] and "copy.db" in error["message"]
    assert not [record for record in caplog.records if record.exc_info]  # no traceback logged


@pytest.mark.issue(12)
def test_a_stored_brief_that_no_longer_decodes_is_a_store_error(
    seeded: Seeded, tmp_path: Path
) -> None:
    copy = _copy(seeded, tmp_path)
    with sqlite3.connect(copy) as conn:  # bytes damaged inside a row: the pages stay valid
        conn.execute("UPDATE briefs SET brief = substr(brief, 1, 200)")
    client = TestClient(create_app(str(copy), Settings()), raise_server_exceptions=False)
    for url in (f"/api/events/{seeded.seed_event}/brief", f"/events/{seeded.seed_event}"):
        response = client.get(url)
        assert response.status_code == 500
        text = html.unescape(response.text)  # the page escapes the quotes
        assert f"the brief of event {seeded.seed_event!r} cannot be read back" in text
