"""The benchmarks' pickle cache: keyed by input and by the code that made it."""

from __future__ import annotations

from pathlib import Path

from storyline.evaluate._cache import ANALYSIS_STAGES, cache_path, cached, code_fingerprint


def test_cache_key_follows_the_code_that_made_it(tmp_path: Path) -> None:
    source = tmp_path / "input.jsonl"
    analysis = cache_path(tmp_path, source, "run", stages=ANALYSIS_STAGES)
    whole = cache_path(tmp_path, source, "run")
    assert analysis is not None and whole is not None and analysis != whole
    assert code_fingerprint(("analyze",)) != code_fingerprint(("clean",))
    assert cache_path(tmp_path, tmp_path / "other.jsonl", "run") != whole
    assert cache_path(None, source, "run") is None


def test_cache_returns_what_was_saved(tmp_path: Path) -> None:
    path = cache_path(tmp_path, tmp_path / "input.jsonl", "run")
    assert cached(path, lambda: [1, 2]) == [1, 2]
    assert cached(path, lambda: [3]) == [1, 2]
