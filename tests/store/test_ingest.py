"""`storyline.store.ingest`: clean, analyse, store one batch and rebuild the event's brief."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.model import AnalyzedArticle, Article, Brief
from storyline.settings import Settings
from storyline.store import Ingested, IngestReport, ingest, open_store
from tests.builders import make_article

EMPTY_PAGE = "<html><body><nav><a href='/'>Home</a></nav></body></html>"


def test_ingest_stores_usable_articles_reports_emptied_ones_and_saves_the_brief(
    tmp_path: Path, seed_articles: tuple[Article, ...], seed_brief: Brief
) -> None:
    empty = make_article(EMPTY_PAGE, id="menu-only", is_html=True)
    seen: list[int] = []

    def count(items: Iterator[AnalyzedArticle], total: int) -> Iterable[AnalyzedArticle]:
        seen.append(total)
        return items

    with open_store(str(tmp_path / "events.db")) as store:
        report = ingest(store, (*seed_articles, empty), settings=Settings(), progress=count)
        assert isinstance(report, IngestReport) and isinstance(report, Ingested)
        assert seen == [len(seed_articles)]
        assert report.added == tuple(a.id for a in seed_articles)
        assert [(f.source, f.code) for f in report.failures] == [("menu-only", "E031")]
        assert store.article("menu-only") is None
        assert report.brief is not None and store.brief(report.event) == report.brief
        assert report.brief.to_dict() == seed_brief.to_dict()


def test_ingest_with_nothing_usable_raises_and_stores_nothing(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "events.db")) as store:
        with pytest.raises(StoreError, match="no usable article"):
            ingest(store, (make_article(""),), settings=Settings(), title="Nothing")
        assert store.events() == []
