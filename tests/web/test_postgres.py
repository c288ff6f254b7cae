"""The same pages and API over a PostgreSQL store (a throwaway server from Debian's package)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from storyline.ingest import read_bytes
from storyline.report import validate_brief
from storyline.settings import Settings
from storyline.store import ingest, open_store
from storyline.store.testing import postgres_bin, temporary_postgres
from storyline.web import create_app
from tests.web.conftest import ODD_ID, ODD_RECORD, XSS_RECORD


@pytest.fixture(scope="module")
def postgres_client() -> Iterator[tuple[TestClient, str]]:
    """An app over a new PostgreSQL store holding the two probe articles; the event id."""
    if postgres_bin() is None:
        message = "PostgreSQL binaries not found; install them with `apt-get install postgresql`"
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL: {message}")
        pytest.skip(message)
    lines = "".join(json.dumps(record) + "\n" for record in (XSS_RECORD, ODD_RECORD))
    probe = read_bytes(lines.encode(), "probe.jsonl")
    with temporary_postgres() as dsn:
        with open_store(dsn) as store:
            event = ingest(store, probe.articles, settings=Settings()).event
        yield TestClient(create_app(dsn, Settings()), raise_server_exceptions=False), event


def test_postgres_api_and_pages(postgres_client: tuple[TestClient, str]) -> None:
    client, event = postgres_client
    assert [e["id"] for e in client.get("/api/events").json()] == [event]
    assert validate_brief(client.get(f"/api/events/{event}/brief").json()) == []
    hits = client.get("/api/search", params={"q": "Kassala"}).json()
    assert {hit["article"] for hit in hits} == {"xss-probe", ODD_ID}
    html = client.get(f"/events/{event}").text
    assert '<path class="land"' in html and "&lt;script&gt;" in html
    assert client.get("/api/events/nope").json()["error"]["status"] == 404
