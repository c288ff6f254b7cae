"""A batch is one transaction: a writer killed or failing midway leaves only whole batches."""

from __future__ import annotations

import pickle
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storyline.model import Brief
from storyline.store import SqlStore, open_store
from tests.conftest import REPO
from tests.store.conftest import Pair

# The child stores batch one, then dies by SIGKILL after writing half of batch two.
_CHILD = textwrap.dedent(
    """
    import os, pickle, signal, sys
    from storyline.store import SqlStore, open_store

    location, batches = sys.argv[1], pickle.load(open(sys.argv[2], "rb"))
    store = open_store(location)
    store.add_batch(batches[0], event="first")
    original, written = SqlStore._store_article, []

    def store_then_die(self, *args):
        outcome = original(self, *args)
        written.append(outcome)
        if len(written) == len(batches[1]) // 2 + 1:
            print("killing", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return outcome

    SqlStore._store_article = store_then_die
    store.add_batch(batches[1], event="second")
    """
)


def test_store_killed_midway_keeps_only_whole_batches(
    location: str, seed_pairs: list[Pair], tmp_path: Path
) -> None:
    first, second = seed_pairs[:2], seed_pairs[2:]
    batches = tmp_path / "batches.pickle"
    batches.write_bytes(pickle.dumps([first, second]))
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, location, str(batches)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "killing" in child.stdout
    with open_store(location) as store:
        _assert_only_first_batch(store, first, second)
        done = store.add_batch(second, event="second")
        assert done.added == tuple(raw.id for raw, _ in second)
        assert [a.id for a in store.event_articles("second")] == list(done.added)


def test_store_error_midway_rolls_the_batch_back(
    store: SqlStore, seed_pairs: list[Pair], seed_brief: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = seed_pairs[:2], seed_pairs[2:]
    store.add_batch(first, event="first")
    original, calls = type(store)._index, []

    def index_then_fail(self: SqlStore, *args: object) -> None:
        calls.append(args)
        if len(calls) > len(second) // 2:
            raise RuntimeError("disk pulled out")
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(type(store), "_index", index_then_fail)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        store.add_batch(second, event="second")
    monkeypatch.undo()
    _assert_only_first_batch(store, first, second)
    store.save_brief("first", seed_brief, settings={})  # the failed batch's run is forgotten
    assert store.add_batch(second, event="second").added == tuple(raw.id for raw, _ in second)


def _assert_only_first_batch(store: SqlStore, first: list[Pair], second: list[Pair]) -> None:
    assert [event.id for event in store.events()] == ["first"]
    assert [a.id for a in store.event_articles("first")] == [raw.id for raw, _ in first]
    assert all(store.article(raw.id) is None for raw, _ in second)
    found = {hit.article for hit in store.search("Baghouz OR Islamic")}
    assert found == {raw.id for raw, _ in first}
    assert store.event_articles("second") == []
