"""The store contract, run against both back ends (SQLite file, real PostgreSQL server)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest

from storyline.errors import StoreError
from storyline.model import Brief
from storyline.settings import Settings
from storyline.store import (
    MARK_END,
    MARK_START,
    SqlStore,
    derive_event_id,
    highlight_parts,
    open_store,
    rebuild_brief,
)
from storyline.store._codec import content_hash
from tests.builders import assert_brief_checks
from tests.store.conftest import Pair, analyse_pairs

# Seconds a test waits for the other writer before failing instead of hanging.
WAIT_S = 20


def test_store_rebuilt_brief_equals_the_direct_build(
    store: SqlStore, seed_pairs: list[Pair], seed_brief: Brief
) -> None:
    done = store.add_batch(seed_pairs, settings={"case": "seed"})
    rebuilt = rebuild_brief(store, done.event, settings=Settings())
    assert rebuilt.to_dict() == seed_brief.to_dict()
    stored = store.brief(done.event)
    assert stored is not None and stored.to_dict() == seed_brief.to_dict()
    assert_brief_checks(stored)


def test_store_event_articles_round_trip_exactly_in_ingest_order(
    store: SqlStore, seed_pairs: list[Pair]
) -> None:
    done = store.add_batch(seed_pairs)
    assert store.event_articles(done.event) == [analyzed for _, analyzed in seed_pairs]


def test_store_same_batch_twice_is_one_row_and_one_event(
    store: SqlStore, seed_pairs: list[Pair]
) -> None:
    first = store.add_batch(seed_pairs)
    second = store.add_batch(list(reversed(seed_pairs)))
    ids = tuple(raw.id for raw, _ in seed_pairs)
    assert first.added == ids and not first.updated and not first.unchanged
    assert second.event == first.event and second.unchanged == tuple(reversed(ids))
    assert second.added == () and second.updated == ()
    (event,) = store.events()
    assert event.id == first.event and event.articles == len(ids)
    assert all(store.article(i).version == 1 for i in ids)  # type: ignore[union-attr]
    assert store.article(ids[0], version=2) is None


def test_store_derived_event_id_depends_on_ids_and_texts(seed_pairs: list[Pair]) -> None:
    keys = [(raw.id, content_hash(raw)) for raw, _ in seed_pairs]
    assert derive_event_id(keys) == derive_event_id(list(reversed(keys)))
    assert derive_event_id(keys) != derive_event_id(keys[:-1])


def test_store_changed_text_is_a_new_version_not_an_overwrite(
    store: SqlStore, seed_pairs: list[Pair]
) -> None:
    raw, _ = seed_pairs[-1]
    changed = replace(raw, raw=raw.raw + "\n\nThe correction was added on Sunday.")
    (pair,) = analyse_pairs((changed,))
    first = store.add_batch(seed_pairs, event="baghouz")
    second = store.add_batch([pair], event="baghouz")
    assert second.updated == (raw.id,) and second.added == ()
    latest, old = store.article(raw.id), store.article(raw.id, version=1)
    assert latest is not None and old is not None
    assert (latest.version, old.version) == (2, 1)
    assert latest.analyzed.clean.text.endswith("added on Sunday.")
    assert old.raw == raw and "correction" not in old.analyzed.clean.text
    assert latest.events == ("baghouz",) and first.event == "baghouz"
    texts = [a.clean.text for a in store.event_articles("baghouz")]
    assert len(texts) == len(seed_pairs) and texts[-1].endswith("added on Sunday.")


def test_store_search_returns_marked_snippets_best_first(
    store: SqlStore, seed_pairs: list[Pair], t17_pairs: list[Pair]
) -> None:
    seed = store.add_batch(seed_pairs)
    oil = store.add_batch(t17_pairs)
    hits = store.search("Baghouz")
    assert {hit.article for hit in hits} <= {raw.id for raw, _ in seed_pairs}
    assert hits and all(hit.events == (seed.event,) for hit in hits)
    assert all(MARK_START in hit.snippet and MARK_END in hit.snippet for hit in hits)
    marked = [text for hit in hits for text, match in highlight_parts(hit.snippet) if match]
    assert all(text.lower() == "baghouz" for text in marked)
    oil_hits = store.search("oil spill")
    assert oil_hits and {hit.events for hit in oil_hits} == {(oil.event,)}
    assert len(store.search("Baghouz", limit=2)) == 2


@pytest.mark.parametrize("query", ['"unclosed', "foo:bar", "AND", "(((", "NEAR(", "-", "*"])
def test_store_search_malformed_query_never_crashes(
    store: SqlStore, seed_pairs: list[Pair], query: str
) -> None:
    store.add_batch(seed_pairs)
    assert isinstance(store.search(query), list)
    assert isinstance(store.events(query), list)


def test_store_search_empty_query_and_empty_store(store: SqlStore) -> None:
    assert store.search("") == [] and store.search("Baghouz") == []
    assert store.events() == [] and store.events("Baghouz") == []


def test_store_events_filters_by_article_text_newest_first(
    store: SqlStore, seed_pairs: list[Pair], t17_pairs: list[Pair]
) -> None:
    seed = store.add_batch(seed_pairs, title="Fall of Baghouz")
    oil = store.add_batch(t17_pairs)
    assert [e.id for e in store.events()] == [oil.event, seed.event]
    (found,) = store.events("Baghouz")
    assert found.id == seed.event and found.title == "Fall of Baghouz"
    assert [e.id for e in store.events("oil spill")] == [oil.event]
    assert len(store.events(limit=1)) == 1


def test_store_event_grows_with_a_second_batch(
    store: SqlStore, seed_pairs: list[Pair], t17_pairs: list[Pair]
) -> None:
    store.add_batch(seed_pairs[:2], event="mixed")
    store.add_batch(t17_pairs, event="mixed")
    brief = rebuild_brief(store, "mixed", settings=Settings())
    ids = [raw.id for raw, _ in seed_pairs[:2] + t17_pairs]
    assert [a.id for a in brief.articles] == ids
    assert_brief_checks(brief)
    info = store.event("mixed")
    assert info is not None and info.articles == len(ids) and info.title == brief.title


def test_store_brief_is_none_until_built_and_unknown_event_fails(
    store: SqlStore, seed_pairs: list[Pair]
) -> None:
    done = store.add_batch(seed_pairs[:1])
    assert store.brief(done.event) is None
    assert store.event_articles("nope") == [] and store.event("nope") is None
    with pytest.raises(StoreError, match="storyline brief --db"):
        rebuild_brief(store, "nope", settings=Settings())
    with pytest.raises(StoreError, match="no event"):
        store.save_brief("nope", Brief(title="x", articles=()), settings={})


def test_store_rejects_empty_batches_bad_ids_and_mismatched_pairs(
    store: SqlStore, seed_pairs: list[Pair]
) -> None:
    with pytest.raises(StoreError, match="empty batch"):
        store.add_batch([])
    with pytest.raises(StoreError, match="bad event id"):
        store.add_batch(seed_pairs[:1], event="../etc")
    (raw, _), (_, other) = seed_pairs[:2]
    with pytest.raises(StoreError, match="paired with"):
        store.add_batch([(raw, other)])
    assert store.events() == []


def test_store_reopened_keeps_everything(
    location: str, seed_pairs: list[Pair], seed_brief: Brief
) -> None:
    with open_store(location) as store:
        done = store.add_batch(seed_pairs, settings={"summary_sentences": 5})
        store.save_brief(done.event, seed_brief, settings={"summary_sentences": 5})
    with open_store(location) as again:
        assert again.brief(done.event) == seed_brief
        assert [e.id for e in again.events()] == [done.event]
        assert again.add_batch(seed_pairs).unchanged == done.added


def test_store_second_writer_waits_for_the_first_batch_to_commit(
    location: str, seed_pairs: list[Pair], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = open_store(location), open_store(location)
    inside, release = threading.Event(), threading.Event()
    original = SqlStore._store_article

    def pause_first_writer(self: SqlStore, *args: Any) -> str:
        outcome = original(self, *args)
        if self is first and not inside.is_set():
            inside.set()
            release.wait(WAIT_S)
        return outcome

    monkeypatch.setattr(SqlStore, "_store_article", pause_first_writer)
    with ThreadPoolExecutor(max_workers=2) as pool:
        one = pool.submit(first.add_batch, seed_pairs, event="one")
        assert inside.wait(WAIT_S)
        two = pool.submit(second.add_batch, seed_pairs, event="two")
        time.sleep(0.5)  # time enough for the second writer to reach the database
        assert not two.done()
        release.set()
        done_one, done_two = one.result(WAIT_S), two.result(WAIT_S)
    ids = tuple(raw.id for raw, _ in seed_pairs)
    assert done_one.added == ids and done_two.unchanged == ids
    assert all(first.article(i).version == 1 for i in ids)  # type: ignore[union-attr]
    assert first.article(ids[0]).events == ("one", "two")  # type: ignore[union-attr]
    first.close()
    second.close()


def test_store_records_one_run_per_batch_and_ties_the_brief_to_it(
    store: SqlStore, seed_pairs: list[Pair], seed_brief: Brief
) -> None:
    settings: dict[str, object] = {"summary_sentences": 5}
    store.add_batch(seed_pairs[:2], event="e", settings=settings)
    store.add_batch(seed_pairs[2:], event="e", settings=settings)
    store.save_brief("e", seed_brief, settings=settings)
    runs = store._query("SELECT id, settings FROM runs ORDER BY id")
    assert len(runs) == 2 and all('"summary_sentences":5' in text for _, text in runs)
    assert store._query("SELECT run FROM briefs") == [(runs[-1][0],)]
    versions = store._query("SELECT run FROM articles ORDER BY run")
    assert [row[0] for row in versions] == [runs[0][0]] * 2 + [runs[1][0]] * 3


def test_store_one_id_twice_in_a_batch_with_two_texts_gives_two_versions(
    store: SqlStore, seed_pairs: list[Pair]
) -> None:
    (raw, analyzed), (other_raw, other) = seed_pairs[:2]
    renamed = (replace(other_raw, id=raw.id), replace(other, clean=replace(other.clean, id=raw.id)))
    done = store.add_batch([(raw, analyzed), renamed])
    assert done.added == (raw.id,) and done.updated == (raw.id,)
    latest = store.article(raw.id)
    assert latest is not None and latest.version == 2 and latest.raw.raw == other_raw.raw
