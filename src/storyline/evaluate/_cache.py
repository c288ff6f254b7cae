"""A pickle cache for the benchmarks' analysed articles (the slow part of each run)."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

# Bumped when what is cached changes shape, so stale pickles are not read back.
CACHE_VERSION = 2

T = TypeVar("T")


def cache_path(cache_dir: Path | None, source: Path, label: str) -> Path | None:
    """Return the cache file of ``label`` read from ``source``; None without a cache folder."""
    if cache_dir is None:
        return None
    key = hashlib.sha1(str(source.resolve()).encode(), usedforsecurity=False).hexdigest()[:8]
    return cache_dir / f"{label}-{key}-v{CACHE_VERSION}.pkl"


def cached(cache: Path | None, build: Callable[[], T]) -> T:
    """Return what ``cache`` holds, else ``build()``'s result, saved there when given."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            found: T = pickle.load(handle)
        return found
    value = build()
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as handle:
            pickle.dump(value, handle)
    return value
