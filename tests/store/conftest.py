"""Store fixtures: the seed batch analysed once, and each back end (PostgreSQL on a real server).

The PostgreSQL server is a throwaway cluster started by
``storyline.store.testing.temporary_postgres`` (Debian's ``postgresql`` package). When its
binaries are absent the PostgreSQL tests skip, except under CI (env var ``CI`` set), where
they fail: CI must install the package.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.ingest import read
from storyline.model import AnalyzedArticle, Article, Brief
from storyline.pipeline import build_brief
from storyline.settings import Settings
from storyline.store import SqlStore, open_store
from storyline.store.testing import postgres_bin, temporary_postgres
from tests.conftest import EXAMPLES

Pair = tuple[Article, AnalyzedArticle]
# T17 articles from one day of one topic: a second, noisier batch for the seed store tests.
T17_DAY = "timeline17/bpoil_bbc/InputDocs/2010-04-30"
BACKENDS = ["sqlite", "postgres"]


def analyse_pairs(articles: tuple[Article, ...]) -> list[Pair]:
    """Clean and analyze a batch; pair each usable article with its analysis."""
    settings = Settings()
    cleaned = [c for c in clean(articles, settings=settings) if c.text.strip()]
    by_id = {article.id: article for article in articles}
    return [(by_id[a.id], a) for a in analyze(cleaned, settings=settings)]


@pytest.fixture(scope="session")
def seed_articles() -> tuple[Article, ...]:
    return read([str(EXAMPLES)]).articles


@pytest.fixture(scope="session")
def seed_pairs(seed_articles: tuple[Article, ...]) -> list[Pair]:
    return analyse_pairs(seed_articles)


@pytest.fixture(scope="session")
def seed_brief() -> Brief:
    return build_brief([str(EXAMPLES)]).brief


@pytest.fixture(scope="session")
def t17_pairs(shared_data: Path) -> list[Pair]:
    """Three T17 articles, with ids made unique across folders (file stems repeat)."""
    articles = read([str(shared_data / T17_DAY)]).articles
    return analyse_pairs(tuple(replace(a, id=f"bpoil_bbc-{a.id}") for a in articles))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server for the whole session; its URL."""
    if postgres_bin() is None:
        message = (
            "PostgreSQL binaries (initdb, pg_ctl) not found in PATH or /usr/lib/postgresql/*/bin; "
            "install them with `apt-get install postgresql`"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL: {message}")
        pytest.skip(message)
    with temporary_postgres() as dsn:
        yield dsn


@pytest.fixture
def postgres_dsn(postgres_server: str) -> Iterator[str]:
    """A new empty database on the session's server, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.replace("/postgres?", f"/{name}?")
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty store of each back end lives."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "events.db")
    dsn: str = request.getfixturevalue("postgres_dsn")
    return dsn


@pytest.fixture
def store(location: str) -> Iterator[SqlStore]:
    with open_store(location) as opened:
        yield opened
