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
        assert [(f.source, f.code) for f in report.failures] == [("menu-only.txt", "E031")]
        assert "article 'menu-only': nothing left after cleaning" in report.failures[0].message
        assert store.article("menu-only") is None
        assert report.brief is not None and store.brief(report.event) == report.brief
        assert report.brief.to_dict() == seed_brief.to_dict()


def test_ingest_with_nothing_usable_raises_and_stores_nothing(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "events.db")) as store:
        with pytest.raises(StoreError, match="no usable article"):
            ingest(store, (make_article(""),), settings=Settings(), title="Nothing")
        assert store.events() == []


def test_ingest_warns_when_a_new_version_comes_from_another_file(tmp_path: Path) -> None:
    first = "Rescue teams pulled twelve miners alive from the flooded shaft on Tuesday."
    other = "The central bank raised interest rates by a quarter point on Wednesday."
    old = Article(id="index", raw=first, source="day1/index.html", is_html=False)
    moved = Article(id="index", raw=other, source="day2/index.html", is_html=False)
    corrected = Article(id="index", raw=other + " Markets rose.", source="day2/index.html")
    with open_store(str(tmp_path / "events.db")) as store:
        assert ingest(store, (old,), settings=Settings(), event="news").warnings == ()
        report = ingest(store, (moved,), settings=Settings(), event="news")
        assert report.updated == ("index",)
        (warning,) = report.warnings
        assert "day2/index.html differs from the one stored from day1/index.html" in warning
        assert "version 2" in warning and "different names" in warning
        again = ingest(store, (corrected,), settings=Settings(), event="news")
        assert again.updated == ("index",) and again.warnings == ()


def test_ingest_links_copies_of_one_story_across_batches(tmp_path: Path) -> None:
    wire = (
        "Rescue teams pulled twelve miners alive from the flooded shaft near Tulsa on "
        "Tuesday, the state mining agency said. The men had been trapped for three days "
        "after water from an old working broke through a wall. About 40 rescuers worked in "
        "shifts to pump out the water, and the miners were taken to hospital for checks."
    )
    copy = wire + " The mine's owner said it would stay closed during an inquiry."
    unrelated = (
        "The central bank raised interest rates by a quarter point on Wednesday, its third "
        "increase this year, saying inflation was still too high for comfort. Markets had "
        "expected the move, and shares closed slightly higher after the announcement."
    )
    with open_store(str(tmp_path / "events.db")) as store:
        first = (make_article(wire, id="agency"), make_article(unrelated, id="bank"))
        ingest(store, first, settings=Settings(), event="news")
        report = ingest(store, (make_article(copy, id="paper"),), settings=Settings(), event="news")
        assert report.brief is not None
        linked = {a.id: a.same_story_as for a in report.brief.articles}
        assert linked == {"agency": ("paper",), "bank": (), "paper": ("agency",)}
        stored = store.article("paper")
        assert stored is not None and stored.analyzed.clean.same_story_as == ()


@pytest.mark.issue(12)
def test_ingest_stores_nothing_when_the_brief_cannot_be_built(
    tmp_path: Path, seed_articles: tuple[Article, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.store._ingest as store_ingest

    def broken(*args: object, **kwargs: object) -> Brief:
        raise OverflowError("date value out of range")

    with open_store(str(tmp_path / "events.db")) as store:
        ingest(store, seed_articles[:1], settings=Settings(), event="ev")
        monkeypatch.setattr(store_ingest, "assemble_brief", broken)
        with pytest.raises(StoreError, match="nothing was stored"):
            ingest(store, seed_articles[1:2], settings=Settings(), event="ev")
        monkeypatch.undo()
        assert [a.id for a in store.event_articles("ev")] == [seed_articles[0].id]
        assert ingest(store, seed_articles[1:2], settings=Settings(), event="ev").brief
